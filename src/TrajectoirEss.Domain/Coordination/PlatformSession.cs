using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>Where a session of a coordination body stands. Changes only through the methods of <see cref="PlatformSession"/>.</summary>
public enum PlatformSessionStatus
{
    /// <summary>Dated and being prepared; the members are not convened yet.</summary>
    Planned = 1,

    /// <summary>The invitations went out (<see cref="SessionConvened"/>).</summary>
    Convened = 2,

    /// <summary>It took place: attendance, decisions and minutes are recorded.</summary>
    Held = 3,

    /// <summary>Its record is final (the minutes written); it can be reopened to correct it.</summary>
    Closed = 4,

    /// <summary>It will not take place (a new session is planned instead).</summary>
    Cancelled = 5,
}

/// <summary>The moves a session can make; each has one method on <see cref="PlatformSession"/> (planning is its creation).</summary>
public enum PlatformSessionAction
{
    Reschedule = 1,
    Convene = 2,
    Hold = 3,
    Close = 4,
    Cancel = 5,
    Reopen = 6,

    /// <summary>Move a milestone's date, mark it done or not done.</summary>
    Prepare = 7,

    /// <summary>Add, move or remove agenda items.</summary>
    EditAgenda = 8,

    Invite = 9,
    Register = 10,
    RecordAttendance = 11,
    RecordDecision = 12,
    WriteMinutes = 13,
}

/// <summary>
/// A session (séance) of a coordination body: the twice-yearly platform, a steering committee, a thematic group.
/// It is planned in the future with its preparation timeline (<see cref="PreparationTemplate"/>), gets an agenda and
/// invitations, is convened, held (attendance, decisions, minutes), then closed. Every move is checked against
/// <see cref="Transitions"/>:
/// <code>
/// Planned   ──Convene──▶ Convened ──Hold──▶ Held ──Close──▶ Closed
///    │  Reschedule, Prepare, EditAgenda,       │ RecordAttendance,   │
///    │  Invite, Register (both statuses)       │ RecordDecision,     │
///    └──Cancel──▶ Cancelled ◀──Cancel──┘        │ WriteMinutes        │
///                                              ◀───────Reopen────────┘
/// </code>
/// A cancelled session is final (plan another); a held session cannot be rescheduled nor its agenda changed (the
/// record says what happened); a closed one is reopened to correct its record, back to Held.
/// </summary>
public sealed class PlatformSession : AggregateRoot
{
    public const int PlaceMaxLength = 200;
    public const int VideoLinkMaxLength = 500;
    public const int ReasonMaxLength = 1000;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 720;
    public const int MaxAgendaItems = 30;
    public const int MaxDecisions = 100;

    /// <summary>Before the session: it can still be prepared, moved, or cancelled.</summary>
    public static readonly IReadOnlyList<PlatformSessionStatus> UpcomingStatuses = [PlatformSessionStatus.Planned, PlatformSessionStatus.Convened];

    /// <summary>After the session: it took place (its record may still be corrected, or is final).</summary>
    public static readonly IReadOnlyList<PlatformSessionStatus> PastStatuses = [PlatformSessionStatus.Held, PlatformSessionStatus.Closed];

    /// <summary>From which statuses each action is allowed, and the status it leads to (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<PlatformSessionAction, (PlatformSessionStatus[] From, PlatformSessionStatus? To)> Transitions =
        new Dictionary<PlatformSessionAction, (PlatformSessionStatus[] From, PlatformSessionStatus? To)>
        {
            [PlatformSessionAction.Reschedule] = ([.. UpcomingStatuses], null),
            [PlatformSessionAction.Convene] = ([PlatformSessionStatus.Planned], PlatformSessionStatus.Convened),
            [PlatformSessionAction.Hold] = ([PlatformSessionStatus.Convened], PlatformSessionStatus.Held),
            [PlatformSessionAction.Close] = ([PlatformSessionStatus.Held], PlatformSessionStatus.Closed),
            [PlatformSessionAction.Cancel] = ([.. UpcomingStatuses], PlatformSessionStatus.Cancelled),
            [PlatformSessionAction.Reopen] = ([PlatformSessionStatus.Closed], PlatformSessionStatus.Held),
            [PlatformSessionAction.Prepare] = ([.. UpcomingStatuses], null),
            [PlatformSessionAction.EditAgenda] = ([.. UpcomingStatuses], null),
            [PlatformSessionAction.Invite] = ([.. UpcomingStatuses], null),
            [PlatformSessionAction.Register] = ([.. UpcomingStatuses], null),
            [PlatformSessionAction.RecordAttendance] = ([PlatformSessionStatus.Held], null),
            [PlatformSessionAction.RecordDecision] = ([PlatformSessionStatus.Held], null),
            [PlatformSessionAction.WriteMinutes] = ([PlatformSessionStatus.Held], null),
        };

    private readonly List<PreparationMilestone> _milestones = [];
    private readonly List<AgendaItem> _agenda = [];
    private readonly List<SessionAttendance> _attendances = [];
    private readonly List<Decision> _decisions = [];

    private PlatformSession(Guid id, Guid bodyId)
    {
        Id = id;
        BodyId = bodyId;
        Status = PlatformSessionStatus.Planned;
    }

    private PlatformSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid BodyId { get; private set; }

    public PlatformSessionStatus Status { get; private set; }

    /// <summary>The semester the session belongs to (derived from its date, or chosen: see <see cref="Plan"/>).</summary>
    public Semester Semester { get; private set; }

    /// <summary>When it starts, in the offset of the place (Europe/Paris, given by the web layer).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public string? Place { get; private set; }

    public Uri? VideoLink { get; private set; }

    /// <summary>The day of the session, in its own offset.</summary>
    public DateOnly Date => DateOnly.FromDateTime(StartsAt.DateTime);

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public Minutes? Minutes { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>The preparation timeline, in the template's order.</summary>
    public IReadOnlyList<PreparationMilestone> Milestones => _milestones;

    /// <summary>The agenda, in order.</summary>
    public IReadOnlyList<AgendaItem> Agenda => [.. _agenda.OrderBy(i => i.Position)];

    public int AgendaMinutes => _agenda.Sum(i => i.DurationMinutes);

    public IReadOnlyList<SessionAttendance> Attendances => _attendances;

    public IReadOnlyList<Decision> Decisions => _decisions;

    public static bool CanApply(PlatformSessionStatus status, PlatformSessionAction action) => Transitions[action].From.Contains(status);

    /// <summary>The minutes this reader may read: none before they are written, nor once the session is reopened to correct them, nor above the reader's level.</summary>
    public Minutes? MinutesFor(MinutesReader reader) =>
        Status == PlatformSessionStatus.Closed && Minutes is { } minutes && minutes.Visibility.CanBeReadBy(reader) ? minutes : null;

    public bool Can(PlatformSessionAction action) => CanApply(Status, action);

    /// <summary>
    /// Plans a session of the body, in the future (after <paramref name="now"/>), in a place or by video (or both),
    /// with the preparation timeline of the template (<see cref="PreparationTemplate.Default"/> unless given). The
    /// semester is the date's unless chosen: then the date's, the one before or the one after (the "2e semestre"
    /// platform held in early January).
    /// </summary>
    public static PlatformSession Plan(
        Guid id,
        Body body,
        DateTimeOffset startsAt,
        int durationMinutes,
        string? place,
        string? videoLink,
        Semester? semester,
        Guid actorId,
        DateTimeOffset now,
        IReadOnlyList<(MilestoneKind Kind, int DaysBefore)>? template = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var schedule = Validate(startsAt, durationMinutes, place, videoLink, semester, now, agendaMinutes: 0);
        var steps = template ?? PreparationTemplate.Default;
        if (steps.Select(s => s.Kind).Distinct().Count() != steps.Count || steps.Any(s => !Enum.IsDefined(s.Kind) || s.DaysBefore < 0)
            || steps.Zip(steps.Skip(1)).Any(p => p.First.DaysBefore < p.Second.DaysBefore))
        {
            throw new ArgumentException("A preparation template lists distinct milestones, in order, on or before the session.", nameof(template));
        }

        var session = new PlatformSession(id, body.Id);
        session.Apply(schedule);
        session._milestones.AddRange(steps.Select(s => new PreparationMilestone(s.Kind, schedule.Date.AddDays(-s.DaysBefore))));
        session.Raise(new PlatformSessionPlanned(session, actorId, now));
        return session;
    }

    /// <summary>
    /// Moves the session (still in the future), changes its length, place or link; the preparation timeline moves
    /// with it (every milestone keeps its distance to the session). The agenda must still fit.
    /// </summary>
    public void Reschedule(DateTimeOffset startsAt, int durationMinutes, string? place, string? videoLink, Semester? semester, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Reschedule, "Seule une séance à venir peut être déplacée.");
        var schedule = Validate(startsAt, durationMinutes, place, videoLink, semester, now, AgendaMinutes);
        var (oldStart, oldDate) = (StartsAt, Date);
        Apply(schedule);
        var shift = schedule.Date.DayNumber - oldDate.DayNumber;
        foreach (var milestone in _milestones)
        {
            milestone.MoveTo(milestone.DueOn.AddDays(shift));
        }

        Raise(new PlatformSessionRescheduled(this, oldStart, actorId, now));
    }

    /// <summary>Sends the invitations: the session is still to come and members were invited (<see cref="Invite"/>).</summary>
    public void Convene(Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Convene, "Seule une séance planifiée peut être convoquée.");
        if (StartsAt <= now)
        {
            throw new DomainException("La séance a déjà commencé : elle ne peut plus être convoquée.");
        }

        if (_attendances.Count == 0)
        {
            throw new DomainException("Invitez d'abord les membres de l'instance.");
        }

        Transition(PlatformSessionAction.Convene);
        Raise(new SessionConvened(this, [.. _attendances.Select(a => a.Organisation)], actorId, now));
    }

    /// <summary>Records that the session took place; not before it started.</summary>
    public void Hold(Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Hold, Status == PlatformSessionStatus.Planned ? "Convoquez d'abord les membres." : "Seule une séance convoquée peut être tenue.");
        if (now < StartsAt)
        {
            throw new DomainException("La séance n'a pas encore commencé.");
        }

        HeldAt = now;
        Transition(PlatformSessionAction.Hold);
        Raise(new SessionHeld(this, actorId, now));
    }

    /// <summary>Makes the record final; the minutes must be written.</summary>
    public void Close(Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Close, Status == PlatformSessionStatus.Closed ? "Cette séance est déjà close." : "Seule une séance tenue peut être close.");
        if (Minutes is null)
        {
            throw new DomainException("Rédigez le compte rendu avant de clore la séance.");
        }

        ClosedAt = now;
        Transition(PlatformSessionAction.Close);
        Raise(new SessionClosed(this, actorId, now));
    }

    public void Cancel(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Cancel, "Seule une séance à venir peut être annulée.");
        var why = Guard.Required(reason, ReasonMaxLength, "Le motif d'annulation", nameof(CancellationReason));
        var from = Status;
        CancellationReason = why;
        Transition(PlatformSessionAction.Cancel);
        Raise(new SessionCancelled(this, from, why, actorId, now));
    }

    /// <summary>Reopens a closed session to correct its record (attendance, decisions, minutes).</summary>
    public void Reopen(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Reopen, "Seule une séance close peut être rouverte.");
        var why = Guard.Required(reason, ReasonMaxLength, "Le motif de réouverture");
        ClosedAt = null;
        Transition(PlatformSessionAction.Reopen);
        Raise(new SessionReopened(this, why, actorId, now));
    }

    public PreparationMilestone Milestone(MilestoneKind kind) =>
        _milestones.SingleOrDefault(m => m.Kind == kind) ?? throw new DomainException("Cette étape ne fait pas partie de la préparation de la séance.");

    /// <summary>Moves a milestone's date: not after the session, and in the timeline's order (the same day as a neighbour is fine).</summary>
    public void MoveMilestone(MilestoneKind kind, DateOnly dueOn)
    {
        Ensure(PlatformSessionAction.Prepare, "La préparation d'une séance tenue, close ou annulée ne change plus.");
        var milestone = Milestone(kind);
        if (!PlausibleDates.Contains(dueOn))
        {
            throw new DomainException(PlausibleDates.Message, nameof(PreparationMilestone.DueOn));
        }

        if (dueOn > Date)
        {
            throw new DomainException("Une étape de préparation ne peut pas suivre la séance.", nameof(PreparationMilestone.DueOn));
        }

        var index = _milestones.IndexOf(milestone);
        if ((index > 0 && dueOn < _milestones[index - 1].DueOn) || (index < _milestones.Count - 1 && dueOn > _milestones[index + 1].DueOn))
        {
            throw new DomainException("Les étapes de préparation restent dans leur ordre : " + string.Join(", ", _milestones.Select(m => m.Kind.Label().ToLowerInvariant())) + ".", nameof(PreparationMilestone.DueOn));
        }

        milestone.MoveTo(dueOn);
    }

    public void MarkMilestoneDone(MilestoneKind kind, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Prepare, "La préparation d'une séance tenue, close ou annulée ne change plus.");
        var milestone = Milestone(kind);
        if (milestone.IsDone)
        {
            throw new DomainException($"« {kind.Label()} » est déjà fait.");
        }

        milestone.MarkDone(actorId, now);
        Raise(new MilestoneDone(this, kind, actorId, now));
    }

    /// <summary>Undoes a milestone marked done by mistake.</summary>
    public void MarkMilestoneNotDone(MilestoneKind kind)
    {
        Ensure(PlatformSessionAction.Prepare, "La préparation d'une séance tenue, close ou annulée ne change plus.");
        Milestone(kind).MarkNotDone();
    }

    /// <summary>
    /// The milestones to remind the coordinators of on the date: not done, due within
    /// <see cref="PreparationTemplate.ReminderLeadDays"/> days or late; none once the session is held, closed or
    /// cancelled. (Reminders are this query, run by a daily job, not events: nothing happens in the domain when a day passes.)
    /// </summary>
    public IReadOnlyList<PreparationMilestone> MilestonesToRemind(DateOnly date) =>
        Can(PlatformSessionAction.Prepare) ? [.. _milestones.Where(m => m.StateOn(date) is MilestoneState.Due or MilestoneState.Late)] : [];

    /// <summary>
    /// The milestones to remind the coordinators of on the date (<see cref="MilestonesToRemind"/>) that were not
    /// reminded yet that day, now marked reminded on it: a daily job that runs twice the same day (a restart, two
    /// instances one after the other) sends each reminder once.
    /// </summary>
    public IReadOnlyList<PreparationMilestone> TakeRemindersFor(DateOnly date)
    {
        var due = MilestonesToRemind(date).Where(m => m.RemindedOn != date).ToList();
        foreach (var milestone in due)
        {
            milestone.Remind(date);
        }

        return due;
    }

    /// <summary>Adds an item at the end of the agenda; the agenda must fit in the session.</summary>
    public AgendaItem AddAgendaItem(string? title, int durationMinutes, AgendaItemKind kind, AgendaLink? link, DateTimeOffset now)
    {
        EnsureAgendaOpen();
        var cleanTitle = Guard.Required(title, AgendaItem.TitleMaxLength, "Le titre du point", nameof(AgendaItem.Title));
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choisissez la nature du point.", nameof(AgendaItem.Kind));
        }

        if (durationMinutes < AgendaItem.MinDurationMinutes)
        {
            throw new DomainException($"La durée d'un point est d'au moins {AgendaItem.MinDurationMinutes} minute.", nameof(AgendaItem.DurationMinutes));
        }

        if (_agenda.Count >= MaxAgendaItems)
        {
            throw new DomainException($"L'ordre du jour compte au plus {MaxAgendaItems} points.");
        }

        if (AgendaMinutes + durationMinutes > DurationMinutes)
        {
            throw new DomainException($"L'ordre du jour dépasserait la durée de la séance : {AgendaMinutes + durationMinutes} minutes pour {DurationMinutes}.", nameof(AgendaItem.DurationMinutes));
        }

        var item = new AgendaItem(Guid.CreateVersion7(now), _agenda.Count + 1, cleanTitle, durationMinutes, kind, link);
        _agenda.Add(item);
        return item;
    }

    /// <summary>Moves an item up (offset -1) or down (+1); the first up or the last down changes nothing.</summary>
    public void MoveAgendaItem(Guid itemId, int offset)
    {
        EnsureAgendaOpen();
        var ordered = _agenda.OrderBy(i => i.Position).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            throw new DomainException("Ce point ne fait pas partie de l'ordre du jour.");
        }

        var target = Math.Clamp(index + Math.Sign(offset), 0, ordered.Count - 1);
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
    }

    public void RemoveAgendaItem(Guid itemId)
    {
        EnsureAgendaOpen();
        var item = _agenda.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("Ce point ne fait pas partie de l'ordre du jour.");
        _agenda.Remove(item);
        Renumber([.. _agenda.OrderBy(i => i.Position)]);
    }

    /// <summary>
    /// Invites the organisations that are members of the body on the session's date, in their college then; those
    /// already invited stay as they are (inviting again after new members joined invites only them).
    /// </summary>
    public IReadOnlyList<OrganisationRef> Invite(Body body, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        Ensure(PlatformSessionAction.Invite, "Les invitations se font avant la séance.");
        if (body.Id != BodyId)
        {
            throw new DomainException("Cette séance n'est pas une séance de cette instance.");
        }

        var invited = body.MembersOn(Date).Where(m => Attendance(m.Organisation) is null).ToList();
        if (invited.Count == 0)
        {
            throw new DomainException("Tous les membres de l'instance à la date de la séance sont déjà invités.");
        }

        _attendances.AddRange(invited.Select(m => new SessionAttendance(m.Organisation, m.College, now)));
        var organisations = invited.Select(m => m.Organisation).ToList();
        Raise(new OrganisationsInvited(this, organisations, actorId, now));
        return organisations;
    }

    public SessionAttendance? Attendance(OrganisationRef organisation) => _attendances.SingleOrDefault(a => a.Organisation == organisation);

    /// <summary>A person registers for their organisation, which must be invited; once each.</summary>
    public void Register(OrganisationRef organisation, Guid userId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.Register, "Les inscriptions sont closes.");
        var attendance = Invited(organisation, "Organisation");
        if (attendance.Person(userId) is not null)
        {
            throw new DomainException("Vous êtes déjà inscrit·e à cette séance.");
        }

        attendance.Register(userId, now);
        Raise(new AttendeeRegistered(this, organisation, userId, now));
    }

    /// <summary>
    /// Records whether an invited organisation took part: present, excused, or represented by another invited
    /// organisation (required then; ignored otherwise).
    /// </summary>
    public void RecordAttendance(OrganisationRef organisation, AttendanceStatus status, OrganisationRef? representedBy, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.RecordAttendance, Status == PlatformSessionStatus.Closed ? "Cette séance est close : rouvrez-la pour corriger les présences." : "Les présences se notent une fois la séance tenue.");
        var attendance = Invited(organisation, "Organisation");
        if (!AttendanceStatuses.Recorded.Contains(status))
        {
            throw new DomainException("Indiquez si l'organisation était présente, excusée ou représentée.", nameof(SessionAttendance.Status));
        }

        OrganisationRef? by = null;
        if (status == AttendanceStatus.Represented)
        {
            if (representedBy is not { } other)
            {
                throw new DomainException("Indiquez l'organisation membre qui la représentait.", nameof(SessionAttendance.RepresentedBy));
            }

            if (other == organisation || Attendance(other) is null)
            {
                throw new DomainException("Une organisation est représentée par une autre organisation invitée à la séance.", nameof(SessionAttendance.RepresentedBy));
            }

            by = other;
        }

        attendance.Record(status, by);
        Raise(new AttendanceRecorded(this, organisation, status, by, actorId, now));
    }

    /// <summary>Records a person of an invited organisation present or excused; a person present makes the organisation present.</summary>
    public void RecordPersonAttendance(OrganisationRef organisation, Guid userId, AttendanceStatus status, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.RecordAttendance, Status == PlatformSessionStatus.Closed ? "Cette séance est close : rouvrez-la pour corriger les présences." : "Les présences se notent une fois la séance tenue.");
        var attendance = Invited(organisation, "Organisation");
        if (status is not (AttendanceStatus.Present or AttendanceStatus.Excused))
        {
            throw new DomainException("Indiquez si la personne était présente ou excusée.", nameof(Attendee.Status));
        }

        attendance.RecordPerson(userId, status, now);
        Raise(new AttendanceRecorded(this, organisation, attendance.Status, attendance.RepresentedBy, actorId, now));
    }

    /// <summary>Records a decision of the held session, on one of its agenda items or not, proposed by an invited organisation or not.</summary>
    public Decision RecordDecision(string? text, Guid? agendaItemId, OrganisationRef? proposedBy, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.RecordDecision, Status == PlatformSessionStatus.Closed ? "Cette séance est close : rouvrez-la pour y ajouter une décision." : "Les décisions se notent une fois la séance tenue.");
        var cleanText = Guard.Required(text, Decision.TextMaxLength, "Le texte de la décision", nameof(Decision.Text));
        if (agendaItemId is { } itemId && _agenda.All(i => i.Id != itemId))
        {
            throw new DomainException("Ce point ne fait pas partie de l'ordre du jour.", nameof(Decision.AgendaItemId));
        }

        if (proposedBy is { } proposer && Attendance(proposer) is null)
        {
            throw new DomainException("Une décision est proposée par une organisation invitée à la séance.", nameof(Decision.ProposedBy));
        }

        if (_decisions.Count >= MaxDecisions)
        {
            throw new DomainException($"Une séance compte au plus {MaxDecisions} décisions.");
        }

        var decision = new Decision(Guid.CreateVersion7(now), cleanText, agendaItemId, proposedBy, actorId, now);
        _decisions.Add(decision);
        Raise(new DecisionRecorded(this, decision, actorId, now));
        return decision;
    }

    /// <summary>Writes (or rewrites, until the session is closed) the minutes and who may read them.</summary>
    public void WriteMinutes(string? text, MinutesVisibility visibility, Guid actorId, DateTimeOffset now)
    {
        Ensure(PlatformSessionAction.WriteMinutes, Status == PlatformSessionStatus.Closed ? "Cette séance est close : rouvrez-la pour corriger le compte rendu." : "Le compte rendu s'écrit une fois la séance tenue.");
        var cleanText = Guard.Required(text, Coordination.Minutes.TextMaxLength, "Le compte rendu", nameof(Coordination.Minutes.Text));
        if (!Enum.IsDefined(visibility))
        {
            throw new DomainException("Choisissez qui peut lire le compte rendu.", nameof(Coordination.Minutes.Visibility));
        }

        var old = Minutes?.Visibility;
        Minutes = new Minutes(cleanText, visibility, actorId, now);
        Raise(new MinutesWritten(this, old, visibility, actorId, now));
    }

    private static Schedule Validate(DateTimeOffset startsAt, int durationMinutes, string? place, string? videoLink, Semester? semester, DateTimeOffset now, int agendaMinutes)
    {
        var date = DateOnly.FromDateTime(startsAt.DateTime);
        if (!PlausibleDates.Contains(date))
        {
            throw new DomainException(PlausibleDates.Message, nameof(StartsAt));
        }

        if (startsAt <= now)
        {
            throw new DomainException("Une séance se planifie dans le futur.", nameof(StartsAt));
        }

        if (durationMinutes is < MinDurationMinutes or > MaxDurationMinutes)
        {
            throw new DomainException($"La durée d'une séance va de {MinDurationMinutes} à {MaxDurationMinutes} minutes.", nameof(DurationMinutes));
        }

        if (durationMinutes < agendaMinutes)
        {
            throw new DomainException($"L'ordre du jour dure {agendaMinutes} minutes : la séance ne peut pas être plus courte.", nameof(DurationMinutes));
        }

        var cleanPlace = Guard.Optional(place, PlaceMaxLength, "Le lieu", nameof(Place));
        var cleanLink = Guard.Optional(videoLink, VideoLinkMaxLength, "Le lien de visioconférence", nameof(VideoLink));
        Uri? link = null;
        if (cleanLink is not null && (!Uri.TryCreate(cleanLink, UriKind.Absolute, out link) || link.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException("Le lien de visioconférence est une adresse qui commence par https://.", nameof(VideoLink));
        }

        if (cleanPlace is null && link is null)
        {
            throw new DomainException("Indiquez un lieu, un lien de visioconférence, ou les deux.", nameof(Place));
        }

        var own = Semester.Of(date);
        var chosen = semester ?? own;
        if (Math.Abs(chosen.Index - own.Index) > 1)
        {
            throw new DomainException($"Une séance du {date:dd/MM/yyyy} compte pour le {own.Label}, le précédent ou le suivant.", nameof(Semester));
        }

        return new Schedule(startsAt, date, durationMinutes, cleanPlace, link, chosen);
    }

    private static void Renumber(List<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    private void Apply(Schedule schedule)
    {
        StartsAt = schedule.StartsAt;
        DurationMinutes = schedule.DurationMinutes;
        Place = schedule.Place;
        VideoLink = schedule.VideoLink;
        Semester = schedule.Semester;
    }

    private SessionAttendance Invited(OrganisationRef organisation, string field) =>
        Attendance(organisation) ?? throw new DomainException("Cette organisation n'est pas invitée à la séance.", field);

    private void EnsureAgendaOpen() =>
        Ensure(PlatformSessionAction.EditAgenda, "L'ordre du jour d'une séance tenue, close ou annulée ne change plus.");

    private void Ensure(PlatformSessionAction action, string message)
    {
        if (!Can(action))
        {
            throw new DomainException(message);
        }
    }

    private void Transition(PlatformSessionAction action)
    {
        if (Transitions[action].To is { } next)
        {
            Status = next;
        }
    }

    private sealed record Schedule(DateTimeOffset StartsAt, DateOnly Date, int DurationMinutes, string? Place, Uri? VideoLink, Semester Semester);
}
