using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>
/// The coordinators' work on the sessions of the coordination bodies: planning, the status moves, preparation,
/// agenda, invitations and convening (with the e-mails), attendance, decisions and minutes. Every rule is the
/// domain's (<see cref="PlatformSession"/>); this class loads, calls one method, and saves once.
/// </summary>
public sealed class PlatformSessions(TrajectoirEssDbContext db, UnitOfWork changes, PlatformDirectory directory, Notifier notifier, TimeProvider clock, ILogger<PlatformSessions> logger)
{
    public async Task<NewSessionPage?> NewPageAsync(Guid? bodyId, ScheduleInput? typed, CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).Select(b => new { b.Id, b.Name, b.Kind }).ToListAsync(cancellationToken);
        var body = bodyId is { } id ? bodies.SingleOrDefault(b => b.Id == id) : bodies.FirstOrDefault(b => b.Kind == BodyKind.Platform);
        if (body is null)
        {
            return null;
        }

        var input = typed ?? new ScheduleInput { DurationMinutes = 180 };
        input.Body = body.Id;
        return new NewSessionPage(body.Id, body.Name, [.. bodies.Select(b => (b.Id, b.Name))], PreparationTemplate.Default, input);
    }

    public async Task<Guid> PlanAsync(Guid actorId, ScheduleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == input.Body, cancellationToken)
            ?? throw new DomainException("Choisissez l'instance qui se réunit.", nameof(ScheduleInput.Body));
        var startsAt = Format.FromParis(input.StartsAt ?? throw new DomainException("Indiquez la date et l'heure de la séance.", nameof(ScheduleInput.StartsAt)));
        var duration = input.DurationMinutes ?? throw new DomainException("Indiquez la durée de la séance, en minutes.", nameof(ScheduleInput.DurationMinutes));
        var now = clock.GetUtcNow();
        var session = PlatformSession.Plan(Guid.CreateVersion7(now), body, startsAt, duration, input.Place, input.VideoLink, ChosenSemester(input), actorId, now);
        db.PlatformSessions.Add(session);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Platform session {SessionId} planned by {ActorId}", session.Id, actorId);
        return session.Id;
    }

    public async Task<SessionPage?> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == session.BodyId, cancellationToken);
        var today = Format.ParisDate(clock.GetUtcNow());
        var organisations = session.Attendances.SelectMany(a => a.RepresentedBy is { } r ? [a.Organisation, r] : new[] { a.Organisation })
            .Concat(session.Decisions.Select(d => d.ProposedBy).OfType<OrganisationRef>())
            .ToList();
        var names = await directory.NamesAsync(organisations, cancellationToken);
        var accounts = await AccountsAsync(session.Attendances.Select(a => a.Organisation), cancellationToken);
        var userIds = session.Milestones.Select(m => m.DoneBy).OfType<Guid>()
            .Concat(session.Attendances.SelectMany(a => a.People).Select(p => p.UserId))
            .Concat(session.Minutes is { } minutes ? [minutes.WrittenBy] : [])
            .Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Person(Guid userId) => people.GetValueOrDefault(userId) ?? "Compte supprimé";
        var agenda = session.Agenda.ToDictionary(i => i.Id, i => i.Title);

        return new SessionPage(
            session,
            body.Name,
            today,
            [.. session.Milestones.Select(m => new MilestoneLine(m.Kind, m.DueOn, m.StateOn(today), m.DoneAt, m.DoneBy is { } by ? Person(by) : null))],
            [
                .. session.Attendances
                    .Select(a => new AttendanceLine(
                        new OrganisationEntry(a.Organisation, names[a.Organisation]),
                        a.College,
                        a.Status,
                        a.RepresentedBy is { } r ? names[r] : null,
                        [.. a.People.Select(p => new AttendeeLine(p.UserId, Person(p.UserId), p.Status))],
                        accounts.GetValueOrDefault(a.Organisation) ?? []))
                    .OrderBy(a => a.College).ThenBy(a => a.Organisation.Name, StringComparer.CurrentCulture),
            ],
            [.. session.Decisions.OrderBy(d => d.RecordedAt).Select(d => new DecisionLine(d.Id, d.Text, d.AgendaItemId is { } item ? agenda.GetValueOrDefault(item) : null, d.ProposedBy is { } p ? names[p] : null, d.RecordedAt))],
            body.MembersOn(session.Date).Count(m => session.Attendance(m.Organisation) is null),
            session.Minutes is { } written ? Person(written.WrittenBy) : null)
        {
            Readings = await Features.Evaluation.Reading.SharedReadings.AtSessionAsync(db, session.Id, cancellationToken),
        };
    }

    public Task RescheduleAsync(Guid actorId, Guid id, ScheduleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(id, (s, now) => s.Reschedule(
            Format.FromParis(input.StartsAt ?? throw new DomainException("Indiquez la date et l'heure de la séance.", nameof(ScheduleInput.StartsAt))),
            input.DurationMinutes ?? throw new DomainException("Indiquez la durée de la séance, en minutes.", nameof(ScheduleInput.DurationMinutes)),
            input.Place,
            input.VideoLink,
            ChosenSemester(input),
            actorId,
            now), cancellationToken);
    }

    /// <summary>Convenes the members, and e-mails each invited organisation's representatives (its staff when it has none).</summary>
    public async Task<int> ConveneAsync(Guid actorId, Guid id, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        session.Convene(actorId, now);
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == session.BodyId, cancellationToken);
        var sent = await ConvokeAsync(session, body, session.Attendances.Select(a => a.Organisation), cancellationToken);

        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Platform session {SessionId} convened by {ActorId}: {Emails} e-mails", session.Id, actorId, sent);
        return sent;
    }

    public Task HoldAsync(Guid actorId, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, now) => s.Hold(actorId, now), cancellationToken);

    public Task CloseAsync(Guid actorId, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, now) => s.Close(actorId, now), cancellationToken);

    public Task CancelAsync(Guid actorId, Guid id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, now) => s.Cancel(reason, actorId, now), cancellationToken);

    public Task ReopenAsync(Guid actorId, Guid id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, now) => s.Reopen(reason, actorId, now), cancellationToken);

    public Task MarkMilestoneAsync(Guid actorId, Guid id, MilestoneKind? kind, bool done, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, now) =>
            {
                var which = kind ?? throw new DomainException("Cette étape ne fait pas partie de la préparation de la séance.");
                if (which.IsDoneByTheReadingPack())
                {
                    throw new DomainException($"« {which.Label()} » se fait depuis le dossier de séance.");
                }

                if (done)
                {
                    s.MarkMilestoneDone(which, actorId, now);
                }
                else
                {
                    s.MarkMilestoneNotDone(which);
                }
            },
            cancellationToken);

    public Task MoveMilestoneAsync(Guid id, MilestoneInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, _) => s.MoveMilestone(
                input.Kind ?? throw new DomainException("Cette étape ne fait pas partie de la préparation de la séance."),
                input.DueOn ?? throw new DomainException("Indiquez la nouvelle date de l'étape.", nameof(MilestoneInput.DueOn))),
            cancellationToken);

    public Task AddAgendaItemAsync(Guid id, AgendaInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, now) => s.AddAgendaItem(
                input.Title,
                input.DurationMinutes ?? throw new DomainException("Indiquez la durée du point, en minutes.", nameof(AgendaInput.DurationMinutes)),
                input.Kind ?? throw new DomainException("Choisissez la nature du point.", nameof(AgendaInput.Kind)),
                AgendaLink.Target(input.Link),
                now),
            cancellationToken);

    public Task MoveAgendaItemAsync(Guid id, Guid itemId, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, _) => s.MoveAgendaItem(itemId, offset), cancellationToken);

    public Task RemoveAgendaItemAsync(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        ChangeAsync(id, (s, _) => s.RemoveAgendaItem(itemId), cancellationToken);

    /// <summary>Invites the body's members on the session's date; once convened, the newly invited get the convocation at once.</summary>
    public async Task<int> InviteAsync(Guid actorId, Guid id, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(id, cancellationToken);
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == session.BodyId, cancellationToken);
        var invited = session.Invite(body, actorId, clock.GetUtcNow());
        if (session.Status == PlatformSessionStatus.Convened)
        {
            await ConvokeAsync(session, body, invited, cancellationToken);
        }

        await changes.SaveAsync(cancellationToken);
        return invited.Count;
    }

    public Task RecordAttendanceAsync(Guid actorId, Guid id, AttendanceInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, now) => s.RecordAttendance(
                Organisation(input.Organisation, nameof(AttendanceInput.Organisation)),
                input.Status ?? throw new DomainException("Indiquez si l'organisation était présente, excusée ou représentée.", nameof(SessionAttendance.Status)),
                string.IsNullOrWhiteSpace(input.RepresentedBy) ? null : Organisation(input.RepresentedBy, nameof(SessionAttendance.RepresentedBy)),
                actorId,
                now),
            cancellationToken);

    public Task RecordPersonAsync(Guid actorId, Guid id, AttendanceInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            async (s, now) =>
            {
                var organisation = Organisation(input.Organisation, nameof(AttendanceInput.Organisation));
                var accounts = await AccountsAsync([organisation], cancellationToken);
                var userId = input.UserId is { } u && (accounts.GetValueOrDefault(organisation) ?? []).Any(a => a.Id == u)
                    ? u
                    : throw new DomainException("Choisissez une personne de cette organisation.", nameof(AttendanceInput.UserId));
                s.RecordPersonAttendance(organisation, userId, input.Status ?? throw new DomainException("Indiquez si la personne était présente ou excusée.", nameof(Attendee.Status)), actorId, now);
            },
            cancellationToken);

    public async Task<Guid> RecordDecisionAsync(Guid actorId, Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        var decisionId = Guid.Empty;
        await ChangeAsync(
            id,
            (s, now) => decisionId = s.RecordDecision(
                input.Text,
                input.AgendaItemId,
                string.IsNullOrWhiteSpace(input.ProposedBy) ? null : Organisation(input.ProposedBy, nameof(Decision.ProposedBy)),
                actorId,
                now).Id,
            cancellationToken);
        return decisionId;
    }

    public Task WriteMinutesAsync(Guid actorId, Guid id, MinutesInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, now) => s.WriteMinutes(input.Text, input.Visibility ?? throw new DomainException("Choisissez qui peut lire le compte rendu.", nameof(Minutes.Visibility)), actorId, now),
            cancellationToken);

    /// <summary>The accounts of these organisations, by organisation, for picking a person (not deleted).</summary>
    internal async Task<Dictionary<OrganisationRef, IReadOnlyList<(Guid Id, string Name)>>> AccountsAsync(IEnumerable<OrganisationRef> organisations, CancellationToken cancellationToken)
    {
        var wanted = organisations.Distinct().ToList();
        var poles = wanted.Where(o => o.Kind == OrganisationKind.Pole).Select(o => (Guid?)o.Id).ToList();
        var structures = wanted.Where(o => o.Kind == OrganisationKind.Structure).Select(o => (Guid?)o.Id).ToList();
        var authorities = wanted.Where(o => o.Kind == OrganisationKind.PublicAuthority).Select(o => (Guid?)o.Id).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.DeletedAt == null && (poles.Contains(u.PoleId) || structures.Contains(u.StructureId) || authorities.Contains(u.PublicAuthorityId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.PoleId, u.StructureId, u.PublicAuthorityId })
            .ToListAsync(cancellationToken);
        return wanted.ToDictionary(
            o => o,
            o => (IReadOnlyList<(Guid, string)>)[
                .. users.Where(u => o.Kind switch
                {
                    OrganisationKind.Pole => u.PoleId == o.Id,
                    OrganisationKind.Structure => u.StructureId == o.Id,
                    OrganisationKind.PublicAuthority => u.PublicAuthorityId == o.Id,
                    _ => false,
                }).Select(u => (u.Id, u.DisplayName)),
            ]);
    }

    private static string Where(PlatformSession session) =>
        (session.Place, session.VideoLink) switch
        {
            ({ } place, { }) => $"{place}, et en visioconférence",
            ({ } place, null) => place,
            _ => "en visioconférence",
        };

    private static Semester? ChosenSemester(ScheduleInput input)
    {
        if (input.StartsAt is not { } startsAt || !PlausibleDates.Contains(DateOnly.FromDateTime(startsAt)))
        {
            return null;
        }

        var own = Semester.Of(DateOnly.FromDateTime(startsAt));
        return input.Semester switch
        {
            ScheduleInput.PreviousSemester => own.Previous(),
            ScheduleInput.NextSemester => own.Next(),
            null or "" or ScheduleInput.OwnSemester => null,
            _ => throw new DomainException("Choisissez le semestre de la séance.", nameof(ScheduleInput.Semester)),
        };
    }

    private static OrganisationRef Organisation(string? key, string field) =>
        PlatformDirectory.Parse(key) ?? throw new DomainException("Choisissez une organisation de la liste.", field);

    /// <summary>Who receives an organisation's convocation: its representatives on the day, or its staff when it has none; by their e-mail preferences.</summary>
    /// <summary>The convocation, to each organisation's representatives (or staff); how many e-mails.</summary>
    private async Task<int> ConvokeAsync(PlatformSession session, Body body, IEnumerable<OrganisationRef> organisations, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var organisation in organisations)
        {
            foreach (var person in await RecipientsAsync(body, session.Date, organisation, cancellationToken))
            {
                await notifier.SendToAsync(
                    person,
                    $"Convocation : {body.Name}, le {Format.DateTime(session.StartsAt)}",
                    $"Votre organisation est convoquée à la séance de « {body.Name} » du {Format.DateTime(session.StartsAt)} ({Where(session)}). Inscrivez-vous en un clic depuis la page de la séance.",
                    $"/plateforme/seances/{session.Id}",
                    cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task<IReadOnlyList<Infrastructure.Identity.ApplicationUser>> RecipientsAsync(Body body, DateOnly date, OrganisationRef organisation, CancellationToken cancellationToken)
    {
        var named = body.MembershipOn(organisation, date)?.RepresentativesOn(date).Select(r => r.UserId).ToList() ?? [];
        if (named.Count == 0)
        {
            return await directory.StaffOfAsync(organisation, NotificationKinds.Coordination, cancellationToken);
        }

        var users = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToListAsync(cancellationToken);
        return [.. users.Where(u => u.Wants(NotificationKinds.Coordination))];
    }

    private async Task<PlatformSession> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PlatformSessions.AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new PlatformRecordNotFoundException();

    private Task ChangeAsync(Guid id, Action<PlatformSession, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (s, now) =>
            {
                change(s, now);
                return Task.CompletedTask;
            },
            cancellationToken);

    private async Task ChangeAsync(Guid id, Func<PlatformSession, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(id, cancellationToken);
        await change(session, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}

/// <summary>A body or session that does not exist: a 404.</summary>
public sealed class PlatformRecordNotFoundException : Exception
{
    public PlatformRecordNotFoundException()
        : base("No such coordination record.")
    {
    }

    public PlatformRecordNotFoundException(string message)
        : base(message)
    {
    }

    public PlatformRecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
