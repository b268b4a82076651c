using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

public sealed class PlatformSessionTests
{
    /// <summary>Every status × action, written out by hand: the expected table, independent of the code's.</summary>
    public static TheoryData<PlatformSessionStatus, PlatformSessionAction, PlatformSessionStatus?> Table() => new()
    {
        { PlatformSessionStatus.Planned, PlatformSessionAction.Reschedule, PlatformSessionStatus.Planned },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Convene, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Hold, null },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Close, null },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Cancel, PlatformSessionStatus.Cancelled },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Reopen, null },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Prepare, PlatformSessionStatus.Planned },
        { PlatformSessionStatus.Planned, PlatformSessionAction.EditAgenda, PlatformSessionStatus.Planned },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Invite, PlatformSessionStatus.Planned },
        { PlatformSessionStatus.Planned, PlatformSessionAction.Register, PlatformSessionStatus.Planned },
        { PlatformSessionStatus.Planned, PlatformSessionAction.RecordAttendance, null },
        { PlatformSessionStatus.Planned, PlatformSessionAction.RecordDecision, null },
        { PlatformSessionStatus.Planned, PlatformSessionAction.WriteMinutes, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Reschedule, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Convene, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Hold, PlatformSessionStatus.Held },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Close, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Cancel, PlatformSessionStatus.Cancelled },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Reopen, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Prepare, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Convened, PlatformSessionAction.EditAgenda, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Invite, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Convened, PlatformSessionAction.Register, PlatformSessionStatus.Convened },
        { PlatformSessionStatus.Convened, PlatformSessionAction.RecordAttendance, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.RecordDecision, null },
        { PlatformSessionStatus.Convened, PlatformSessionAction.WriteMinutes, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Reschedule, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Convene, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Hold, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Close, PlatformSessionStatus.Closed },
        { PlatformSessionStatus.Held, PlatformSessionAction.Cancel, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Reopen, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Prepare, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.EditAgenda, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Invite, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.Register, null },
        { PlatformSessionStatus.Held, PlatformSessionAction.RecordAttendance, PlatformSessionStatus.Held },
        { PlatformSessionStatus.Held, PlatformSessionAction.RecordDecision, PlatformSessionStatus.Held },
        { PlatformSessionStatus.Held, PlatformSessionAction.WriteMinutes, PlatformSessionStatus.Held },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Reschedule, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Convene, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Hold, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Close, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Cancel, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Reopen, PlatformSessionStatus.Held },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Prepare, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.EditAgenda, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Invite, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.Register, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.RecordAttendance, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.RecordDecision, null },
        { PlatformSessionStatus.Closed, PlatformSessionAction.WriteMinutes, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Reschedule, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Convene, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Hold, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Close, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Cancel, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Reopen, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Prepare, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.EditAgenda, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Invite, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.Register, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.RecordAttendance, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.RecordDecision, null },
        { PlatformSessionStatus.Cancelled, PlatformSessionAction.WriteMinutes, null },
    };

    internal static void Apply(PlatformSession session, Body body, PlatformSessionAction action)
    {
        var before = T0.AddDays(2);
        var after = StartsAt.AddDays(1);
        switch (action)
        {
            case PlatformSessionAction.Reschedule: session.Reschedule(StartsAt.AddDays(7), 120, null, "https://visio.example.org/plateforme", null, Staff, before); break;
            case PlatformSessionAction.Convene: session.Convene(Staff, before); break;
            case PlatformSessionAction.Hold: session.Hold(Staff, StartsAt.AddHours(3)); break;
            case PlatformSessionAction.Close: session.Close(Staff, after); break;
            case PlatformSessionAction.Cancel: session.Cancel("La salle n'est plus disponible", Staff, before); break;
            case PlatformSessionAction.Reopen: session.Reopen("Une décision manque au relevé", Staff, after); break;
            case PlatformSessionAction.Prepare: session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, before); break;
            case PlatformSessionAction.EditAgenda: session.AddAgendaItem("Tableau de bord du semestre", 30, AgendaItemKind.Analysis, null, before); break;
            case PlatformSessionAction.Invite:
                body.AddMember(new OrganisationRef(OrganisationKind.Network, Guid.CreateVersion7()), College.Networks, new DateOnly(2026, 3, 1), null, Staff, before);
                session.Invite(body, Staff, before);
                break;
            case PlatformSessionAction.Register: session.Register(Pole, Guid.CreateVersion7(), before); break;
            case PlatformSessionAction.RecordAttendance: session.RecordAttendance(Pole, AttendanceStatus.Present, null, Staff, after); break;
            case PlatformSessionAction.RecordDecision: session.RecordDecision("Ouvrir un groupe thématique sur l'accueil", null, Pole, Staff, after); break;
            case PlatformSessionAction.WriteMinutes: session.WriteMinutes("Compte rendu complet", MinutesVisibility.Public, Staff, after); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Fact]
    public void Table_CoversEveryStatusAndAction() =>
        Assert.Equal(Enum.GetValues<PlatformSessionStatus>().Length * Enum.GetValues<PlatformSessionAction>().Length, Table().Count);

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheTransitionTable(PlatformSessionStatus from, PlatformSessionAction action, PlatformSessionStatus? expected)
    {
        var (session, body) = InStatus(from);
        var before = Snapshot(session);
        Assert.Equal(expected is not null, session.Can(action));

        if (expected is { } to)
        {
            Apply(session, body, action);
            Assert.Equal(to, session.Status);
            Assert.NotEqual(before, Snapshot(session));
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(session, body, action));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(before, Snapshot(session));
        }
    }

    [Fact]
    public void Plan_TakesTheSemesterOfTheDate_AndTheDefaultTimeline()
    {
        var session = Planned(Platform());

        Assert.Equal(PlatformSessionStatus.Planned, session.Status);
        Assert.Equal("1er semestre 2026", session.Semester.Label);
        Assert.Equal(SessionDate, session.Date);
        Assert.Equal(StartsAt.AddMinutes(180), session.EndsAt);
        Assert.Equal([MilestoneKind.DataFrozen, MilestoneKind.PackPublished, MilestoneKind.AgendaSent], session.Milestones.Select(m => m.Kind));
    }

    public static TheoryData<int, int, bool> ChosenSemesters() => new()
    {
        { 2026, 1, true },
        { 2025, 2, true },
        { 2026, 2, true },
        { 2025, 1, false },
        { 2027, 1, false },
    };

    [Theory]
    [MemberData(nameof(ChosenSemesters))]
    public void Plan_AChosenSemester_IsTheDatesOrANeighbour(int year, int half, bool allowed)
    {
        var semester = Semester.Create(year, half);

        if (allowed)
        {
            Assert.Equal(semester, PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, 180, "Rennes", null, semester, Staff, T0).Semester);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, 180, "Rennes", null, semester, Staff, T0));
            Assert.Equal(nameof(PlatformSession.Semester), error.Field);
        }
    }

    public static TheoryData<string, int, string?, string?, string> RefusedPlans() => new()
    {
        { "2026-03-02T09:00:00+00:00", 180, "Rennes", null, nameof(PlatformSession.StartsAt) },
        { "2026-03-01T14:00:00+02:00", 180, "Rennes", null, nameof(PlatformSession.StartsAt) },
        { "2101-01-05T14:00:00+01:00", 180, "Rennes", null, nameof(PlatformSession.StartsAt) },
        { "2026-04-16T14:00:00+02:00", 14, "Rennes", null, nameof(PlatformSession.DurationMinutes) },
        { "2026-04-16T14:00:00+02:00", 721, "Rennes", null, nameof(PlatformSession.DurationMinutes) },
        { "2026-04-16T14:00:00+02:00", 180, null, null, nameof(PlatformSession.Place) },
        { "2026-04-16T14:00:00+02:00", 180, "  ", " ", nameof(PlatformSession.Place) },
        { "2026-04-16T14:00:00+02:00", 180, null, "http://visio.example.org/x", nameof(PlatformSession.VideoLink) },
        { "2026-04-16T14:00:00+02:00", 180, null, "visio de la Région", nameof(PlatformSession.VideoLink) },
        { "2026-04-16T14:00:00+02:00", 180, new string('x', PlatformSession.PlaceMaxLength + 1), null, nameof(PlatformSession.Place) },
    };

    [Theory]
    [MemberData(nameof(RefusedPlans))]
    public void Plan_InThePastOrWithoutPlaceOrOutOfBounds_IsRefusedOnItsField(string startsAt, int minutes, string? place, string? link, string field)
    {
        var error = Assert.Throws<DomainException>(() =>
            PlatformSession.Plan(Guid.CreateVersion7(), Platform(), DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture), minutes, place, link, null, Staff, T0));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("Rennes", null)]
    [InlineData(null, "https://visio.example.org/plateforme")]
    [InlineData("Rennes", "https://visio.example.org/plateforme")]
    public void Plan_WithAPlaceOrALinkOrBoth_IsAllowed(string? place, string? link)
    {
        var session = PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, 180, place, link, null, Staff, T0);

        Assert.Equal(place, session.Place);
        Assert.Equal(link, session.VideoLink?.ToString());
    }

    [Fact]
    public void Reschedule_MovesTheTimelineWithTheSession_AndTheSemesterWithTheDate()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        session.MoveMilestone(MilestoneKind.PackPublished, new DateOnly(2026, 4, 1));

        session.Reschedule(new DateTimeOffset(2026, 7, 2, 10, 0, 0, TimeSpan.FromHours(2)), 120, "Saint-Brieuc", null, null, Staff, T0.AddDays(3));

        Assert.Equal("2e semestre 2026", session.Semester.Label);
        Assert.Equal([new DateOnly(2026, 6, 11), new DateOnly(2026, 6, 17), new DateOnly(2026, 6, 25)], session.Milestones.Select(m => m.DueOn));
        Assert.Equal(PlatformSessionStatus.Convened, session.Status);
    }

    [Fact]
    public void Reschedule_ShorterThanTheAgenda_IsRefusedOnTheDuration_AndNothingChanges()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Planned);
        session.AddAgendaItem("Chiffres", 90, AgendaItemKind.Information, null, T0);
        session.AddAgendaItem("Engagements", 60, AgendaItemKind.CommitmentsReview, AgendaLink.Commitments, T0);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() => session.Reschedule(StartsAt.AddDays(1), 120, "Rennes", null, null, Staff, T0.AddDays(1)));

        Assert.Equal(nameof(PlatformSession.DurationMinutes), error.Field);
        Assert.Equal(before, Snapshot(session));
        session.Reschedule(StartsAt.AddDays(1), 150, "Rennes", null, null, Staff, T0.AddDays(1));
        Assert.Equal(150, session.DurationMinutes);
    }

    [Fact]
    public void Reschedule_IntoThePast_IsRefused_AndNothingChanges()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Planned);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() => session.Reschedule(T0.AddDays(4), 120, "Rennes", null, null, Staff, T0.AddDays(5)));

        Assert.Equal(nameof(PlatformSession.StartsAt), error.Field);
        Assert.Equal(before, Snapshot(session));
    }

    [Fact]
    public void Convene_WithoutInvitations_IsRefused()
    {
        var session = Planned(Platform());

        Assert.Throws<DomainException>(() => session.Convene(Staff, T0.AddDays(1)));

        Assert.Equal(PlatformSessionStatus.Planned, session.Status);
    }

    [Fact]
    public void Convene_OnceTheSessionStarted_IsRefused()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Planned);

        Assert.Throws<DomainException>(() => session.Convene(Staff, StartsAt));

        Assert.Equal(PlatformSessionStatus.Planned, session.Status);
    }

    [Fact]
    public void Hold_BeforeTheStart_IsRefused_FromTheStartIsAllowed()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);

        Assert.Throws<DomainException>(() => session.Hold(Staff, StartsAt.AddMinutes(-1)));
        Assert.Equal(PlatformSessionStatus.Convened, session.Status);
        Assert.Null(session.HeldAt);

        session.Hold(Staff, StartsAt);
        Assert.Equal(PlatformSessionStatus.Held, session.Status);
        Assert.Equal(StartsAt, session.HeldAt);
    }

    [Fact]
    public void Close_WithoutMinutes_IsRefused()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        session.Hold(Staff, StartsAt);

        Assert.Throws<DomainException>(() => session.Close(Staff, StartsAt.AddDays(1)));

        Assert.Equal(PlatformSessionStatus.Held, session.Status);
        Assert.Null(session.ClosedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Cancel_WithoutAReason_IsRefusedOnTheReason(string? reason)
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);

        var error = Assert.Throws<DomainException>(() => session.Cancel(reason, Staff, T0.AddDays(2)));

        Assert.Equal(nameof(PlatformSession.CancellationReason), error.Field);
        Assert.Equal(PlatformSessionStatus.Convened, session.Status);
    }

    [Fact]
    public void WriteMinutes_CanBeRewrittenUntilClosed_ThenOnlyAfterReopening()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);

        session.WriteMinutes("Version relue", MinutesVisibility.Public, Staff, StartsAt.AddDays(2));
        Assert.Equal(new Minutes("Version relue", MinutesVisibility.Public, Staff, StartsAt.AddDays(2)), session.Minutes);

        session.Close(Staff, StartsAt.AddDays(3));
        Assert.Throws<DomainException>(() => session.WriteMinutes("Trop tard", MinutesVisibility.Public, Staff, StartsAt.AddDays(4)));
        Assert.Equal("Version relue", session.Minutes!.Text);

        session.Reopen("Corriger une coquille", Staff, StartsAt.AddDays(5));
        session.WriteMinutes("Version corrigée", MinutesVisibility.Members, Staff, StartsAt.AddDays(5));
        Assert.Equal(MinutesVisibility.Members, session.Minutes!.Visibility);
        Assert.Null(session.ClosedAt);
    }

    [Theory]
    [InlineData(null, MinutesVisibility.Members, "Text")]
    [InlineData("Compte rendu", (MinutesVisibility)9, "Visibility")]
    public void WriteMinutes_WithoutTextOrVisibility_IsRefusedOnItsField(string? text, MinutesVisibility visibility, string field)
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() => session.WriteMinutes(text, visibility, Staff, StartsAt.AddDays(1)));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, Snapshot(session));
    }

    [Fact]
    public void RecordDecision_OnAnAgendaItem_ProposedByAnInvitedOrganisation_IsKept()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var item = session.AddAgendaItem("Accueil des porteurs", 45, AgendaItemKind.Decision, null, T0);
        session.Hold(Staff, StartsAt);

        var decision = session.RecordDecision("  Créer un groupe thématique « accueil »  ", item.Id, Region, Staff, StartsAt.AddHours(2));

        Assert.Equal("Créer un groupe thématique « accueil »", decision.Text);
        Assert.Equal(item.Id, decision.AgendaItemId);
        Assert.Equal(Region, decision.ProposedBy);
        Assert.Same(decision, Assert.Single(session.Decisions));
    }

    public static TheoryData<string?, bool, bool, string> RefusedDecisions() => new()
    {
        { null, false, false, nameof(Decision.Text) },
        { new string('d', Decision.TextMaxLength + 1), false, false, nameof(Decision.Text) },
        { "Décision", true, false, nameof(Decision.AgendaItemId) },
        { "Décision", false, true, nameof(Decision.ProposedBy) },
    };

    [Theory]
    [MemberData(nameof(RefusedDecisions))]
    public void RecordDecision_WithoutTextOrOnAnUnknownItemOrByAStranger_IsRefused_AndNothingChanges(string? text, bool unknownItem, bool byStranger, string field)
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() =>
            session.RecordDecision(text, unknownItem ? Guid.CreateVersion7() : null, byStranger ? Newcomer : null, Staff, StartsAt.AddHours(2)));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, Snapshot(session));
    }
}
