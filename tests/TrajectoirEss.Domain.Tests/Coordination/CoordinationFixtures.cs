using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Tests.Coordination;

/// <summary>A platform with its members, sessions and commitments in every status, their events discarded.</summary>
internal static class CoordinationFixtures
{
    /// <summary>When the session is planned.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When the session starts: Thursday 16 April 2026, 14:00 in Rennes.</summary>
    public static readonly DateTimeOffset StartsAt = new(2026, 4, 16, 14, 0, 0, TimeSpan.FromHours(2));

    public static readonly DateOnly SessionDate = new(2026, 4, 16);

    public static readonly Guid Staff = Guid.CreateVersion7();

    public static readonly OrganisationRef Pole = new(OrganisationKind.Pole, Guid.CreateVersion7());
    public static readonly OrganisationRef Tag = new(OrganisationKind.Structure, Guid.CreateVersion7());
    public static readonly OrganisationRef Region = new(OrganisationKind.PublicAuthority, Guid.CreateVersion7());
    public static readonly OrganisationRef Cress = new(OrganisationKind.Network, Guid.CreateVersion7());

    /// <summary>Left the platform at the end of 2025.</summary>
    public static readonly OrganisationRef Former = new(OrganisationKind.Structure, Guid.CreateVersion7());

    /// <summary>Joins in June 2026, after the session.</summary>
    public static readonly OrganisationRef Newcomer = new(OrganisationKind.Pole, Guid.CreateVersion7());

    /// <summary>The four members on the session's date, one per college.</summary>
    public static readonly IReadOnlyList<OrganisationRef> Members = [Pole, Tag, Region, Cress];

    public static Body Platform()
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme de coordination de la SRESS", Staff, T0);
        var since = new DateOnly(2025, 1, 1);
        body.AddMember(Pole, College.Poles, since, null, Staff, T0);
        body.AddMember(Tag, College.EssActors, since, null, Staff, T0);
        body.AddMember(Region, College.PublicAuthorities, since, null, Staff, T0);
        body.AddMember(Cress, College.Networks, since, null, Staff, T0);
        body.AddMember(Former, College.EssActors, since, new DateOnly(2025, 12, 31), Staff, T0);
        body.AddMember(Newcomer, College.Poles, new DateOnly(2026, 6, 1), null, Staff, T0);
        body.DiscardDomainEvents();
        return body;
    }

    public static PlatformSession Planned(Body body)
    {
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, StartsAt, 180, "Hôtel de Région, Rennes", null, null, Staff, T0);
        session.DiscardDomainEvents();
        return session;
    }

    /// <summary>
    /// A session in the status, with its body: planned ones have invited the members (so they can be convened);
    /// held ones have their minutes written (so they can be closed).
    /// </summary>
    public static (PlatformSession Session, Body Body) InStatus(PlatformSessionStatus status)
    {
        var body = Platform();
        var session = Planned(body);
        session.Invite(body, Staff, T0.AddHours(1));
        if (status == PlatformSessionStatus.Cancelled)
        {
            session.Cancel("Le quorum ne sera pas atteint", Staff, T0.AddDays(1));
        }
        else if (status != PlatformSessionStatus.Planned)
        {
            session.Convene(Staff, T0.AddDays(1));
            if (status != PlatformSessionStatus.Convened)
            {
                session.Hold(Staff, StartsAt.AddHours(3));
                session.WriteMinutes("Relevé de conclusions", MinutesVisibility.Members, Staff, StartsAt.AddHours(4));
                if (status == PlatformSessionStatus.Closed)
                {
                    session.Close(Staff, StartsAt.AddDays(7));
                }
            }
        }

        session.DiscardDomainEvents();
        return (session, body);
    }

    /// <summary>Everything a session holds, as one text: equal before and after, nothing changed.</summary>
    public static string Snapshot(PlatformSession session) => string.Join(
        " | ",
        session.Status,
        session.StartsAt,
        session.DurationMinutes,
        session.Place,
        session.VideoLink,
        session.Semester,
        session.CancellationReason,
        string.Join(",", session.Milestones.Select(m => $"{m.Kind}:{m.DueOn}:{m.DoneAt}")),
        string.Join(",", session.Agenda.Select(i => $"{i.Position}:{i.Title}:{i.DurationMinutes}")),
        string.Join(",", session.Attendances.Select(a => $"{a.Organisation.Id}:{a.Status}:{a.RepresentedBy?.Id}:{string.Join("+", a.People.Select(p => $"{p.UserId}:{p.Status}"))}")),
        string.Join(",", session.Decisions.Select(d => d.Text)),
        session.Minutes);

    public static StrategyObjective Objective(string code = "A1.1", bool active = true)
    {
        var objective = StrategyObjective.Create(Guid.CreateVersion7(), "A1", "Entreprendre en ESS", code, "Accompagner la création d'entreprises de l'ESS", []);
        if (!active)
        {
            objective.Deactivate();
        }

        return objective;
    }

    public static CommitmentTerms Terms(StrategyObjective? objective = null, string title = "Former les référents des pôles à l'accueil") =>
        new(title, "Deux journées par an", Pole, [Tag, Cress], objective ?? Objective(), new DateOnly(2026, 12, 31), null);

    public static Commitment CommitmentIn(CommitmentStatus status)
    {
        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms(), null, null, Staff, T0);
        switch (status)
        {
            case CommitmentStatus.Planned: break;
            case CommitmentStatus.InProgress: commitment.Start(Staff, T0.AddDays(1)); break;
            case CommitmentStatus.Done: commitment.Complete(Staff, T0.AddDays(30)); break;
            case CommitmentStatus.Dropped: commitment.Drop("Faute de financement", Staff, T0.AddDays(30)); break;
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }

        commitment.DiscardDomainEvents();
        return commitment;
    }

    public static string Snapshot(Commitment commitment) => string.Join(
        " | ",
        commitment.Status,
        commitment.Title,
        commitment.Description,
        commitment.Carrier,
        string.Join(",", commitment.Contributors),
        commitment.ObjectiveId,
        commitment.DueOn,
        commitment.DueSessionId,
        commitment.Progress,
        commitment.DropReason,
        commitment.LastUpdateAt,
        commitment.Updates.Count);
}
