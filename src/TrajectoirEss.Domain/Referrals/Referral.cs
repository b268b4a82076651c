using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;

using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Domain.Referrals;

/// <summary>Where a referral (orientation) stands. Several can be open at once for one project.</summary>
public enum ReferralStatus
{
    Proposed = 1,
    InformationRequested = 2,
    Accepted = 3,
    Declined = 4,
    InProgress = 5,
    Completed = 6,
    Abandoned = 7,
    Withdrawn = 8,
    Expired = 9,
}

public enum ReferralAction
{
    Accept = 1,
    Decline = 2,
    RequestInformation = 3,
    Start = 4,
    Complete = 5,
    Abandon = 6,
    Withdraw = 7,
    Expire = 8,
    Relaunch = 9,
    Remind = 10,
}

/// <summary>
/// A pôle proposes a project to one programme of one structure, which answers. The decision and every
/// move are kept with who, when and why; each one also appends a step to the project's trajectory.
/// </summary>
public sealed class Referral : AggregateRoot
{
    public const int MessageMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    /// <summary>A referral waiting for the structure's answer (reminded, then expired, when it does not come).</summary>
    public static readonly IReadOnlyList<ReferralStatus> AwaitingAnswerStatuses = [ReferralStatus.Proposed, ReferralStatus.InformationRequested];

    /// <summary>An open referral: waiting for an answer, or accepted and under way. One at a time per project and programme.</summary>
    public static readonly IReadOnlyList<ReferralStatus> OpenStatuses = [.. AwaitingAnswerStatuses, ReferralStatus.Accepted, ReferralStatus.InProgress];

    /// <summary>The code of the decline reason: a value of the list of decline reasons.</summary>
    public const int ReasonCodeMaxLength = ListItem.CodeMaxLength;

    /// <summary>The outcome of a completed referral, which is also the outcome of its step in the trajectory.</summary>
    public const int OutcomeMaxLength = TrajectoryStep.OutcomeMaxLength;

    /// <summary>From which statuses each action is allowed, and where it leads (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<ReferralAction, (ReferralStatus[] From, ReferralStatus? To)> Transitions =
        new Dictionary<ReferralAction, (ReferralStatus[] From, ReferralStatus? To)>
        {
            [ReferralAction.Accept] = ([.. AwaitingAnswerStatuses], ReferralStatus.Accepted),
            [ReferralAction.Decline] = ([.. AwaitingAnswerStatuses], ReferralStatus.Declined),
            [ReferralAction.RequestInformation] = ([ReferralStatus.Proposed], ReferralStatus.InformationRequested),
            [ReferralAction.Start] = ([ReferralStatus.Accepted], ReferralStatus.InProgress),
            [ReferralAction.Complete] = ([ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Completed),
            [ReferralAction.Abandon] = ([ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Abandoned),
            [ReferralAction.Withdraw] = ([.. AwaitingAnswerStatuses, ReferralStatus.Accepted], ReferralStatus.Withdrawn),
            [ReferralAction.Expire] = ([.. AwaitingAnswerStatuses], ReferralStatus.Expired),
            [ReferralAction.Relaunch] = ([.. AwaitingAnswerStatuses], null),
            [ReferralAction.Remind] = ([.. AwaitingAnswerStatuses], null),
        };

    private Referral(Guid id, Guid projectId, Guid programmeId, Guid structureId, Guid poleId, Guid referredBy, DateTimeOffset referredAt, string? message)
    {
        Id = id;
        ProjectId = projectId;
        ProgrammeId = programmeId;
        StructureId = structureId;
        PoleId = poleId;
        ReferredBy = referredBy;
        ReferredAt = referredAt;
        WaitingSince = referredAt;
        Message = Guard.Optional(message, MessageMaxLength, "Le message à la structure");
        Status = ReferralStatus.Proposed;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid StructureId { get; private set; }

    /// <summary>The pôle that referred the project.</summary>
    public Guid PoleId { get; private set; }

    public Guid ReferredBy { get; private set; }

    public DateTimeOffset ReferredAt { get; private set; }

    public string? Message { get; private set; }

    public ReferralStatus Status { get; private set; }

    /// <summary>Since when the structure owes an answer (the referral, or its last relaunch).</summary>
    public DateTimeOffset WaitingSince { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public string? ReasonCode { get; private set; }

    public string? Reason { get; private set; }

    public string? Outcome { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpen => OpenStatuses.Contains(Status);

    public bool IsAwaitingAnswer => AwaitingAnswerStatuses.Contains(Status);

    public const string NoSharingMessage = "Les porteurs n'ont pas autorisé le partage de leur projet avec la structure de ce programme : demandez-leur leur accord (section « Partage » de la fiche) ; ils le donnent depuis leur espace.";

    public static bool CanApply(ReferralStatus status, ReferralAction action) => Transitions[action].From.Contains(status);

    /// <summary>Whether a project in this status can be referred: welcomed and followed (<see cref="Project.ActiveStatuses"/>).</summary>
    public static bool CanRefer(ProjectStatus status) => Project.ActiveStatuses.Contains(status);

    public bool Can(ReferralAction action) => CanApply(Status, action);

    /// <summary>
    /// The pôle refers its project to a programme. The porteurs must have let the programme's structure see
    /// their project (<see cref="Project.SharesWith"/>). A project has at most one open referral per programme
    /// (<paramref name="projectReferrals"/>: the project's referrals so far).
    /// </summary>
    public static Referral Create(Project project, Programme programme, IEnumerable<Referral> projectReferrals, Guid poleId, Guid staffId, string? message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(projectReferrals);
        if (project.PoleId != poleId || !CanRefer(project.Status))
        {
            throw new DomainException("Un projet ne peut être orienté qu'après son accueil par le pôle, et tant qu'il est en cours.");
        }

        if (!programme.IsActive)
        {
            throw new DomainException("Ce programme n'est plus proposé.");
        }

        if (projectReferrals.Any(r => r.ProjectId == project.Id && r.ProgrammeId == programme.Id && r.IsOpen))
        {
            throw new DomainException("Le projet est déjà orienté vers ce programme.");
        }

        if (!project.SharesWith(programme.StructureId))
        {
            throw new DomainException(NoSharingMessage);
        }

        var referral = new Referral(Guid.CreateVersion7(now), project.Id, programme.Id, programme.StructureId, poleId, staffId, now, message);
        project.RecordStep(TrajectoryStepKind.Referred, staffId, now, poleId, programme.StructureId, programme.Id, null, null);
        referral.Raise(new ReferralCreated(referral, project, staffId, now));
        return referral;
    }

    public void Accept(Project project, Guid structureStaffId, DateTimeOffset now) =>
        Answer(project, ReferralAction.Accept, TrajectoryStepKind.ReferralAccepted, structureStaffId, now, null, null);

    public void Decline(Project project, Guid structureStaffId, string? reasonCode, string? reason, DateTimeOffset now) =>
        Answer(project, ReferralAction.Decline, TrajectoryStepKind.ReferralDeclined, structureStaffId, now, Guard.Required(reasonCode, ReasonCodeMaxLength, "Le motif du refus"), Guard.Required(reason, ReasonMaxLength, "Le motif du refus"));

    // Every move below checks, before it changes anything, that the action is allowed from the referral's status
    // and that the project's trajectory can take the step: a refused move changes nothing.

    public void RequestInformation(Project project, Guid structureStaffId, string? question, DateTimeOffset now)
    {
        Ensure(ReferralAction.RequestInformation, project, TrajectoryStepKind.ReferralInformationRequested);
        var text = Guard.Required(question, ReasonMaxLength, "La question");
        var from = Status;
        Move(ReferralAction.RequestInformation, project, TrajectoryStepKind.ReferralInformationRequested);
        Reason = text;
        WaitingSince = now;
        RemindedAt = null;
        Step(project, TrajectoryStepKind.ReferralInformationRequested, structureStaffId, now, null, text);
        Raise(new ReferralAnswered(this, project, from, structureStaffId, now));
    }

    /// <summary>The project enters the programme; a welcomed project is now in support.</summary>
    public void Start(Project project, Guid structureStaffId, DateTimeOffset now)
    {
        Move(ReferralAction.Start, project, TrajectoryStepKind.ReferralStarted);
        project.EnterSupport(now);
        Step(project, TrajectoryStepKind.ReferralStarted, structureStaffId, now, null, null);
    }

    public void Complete(Project project, Guid structureStaffId, string? outcome, DateTimeOffset now)
    {
        Ensure(ReferralAction.Complete, project, TrajectoryStepKind.ReferralCompleted);
        End(project, ReferralAction.Complete, TrajectoryStepKind.ReferralCompleted, structureStaffId, now, outcome: Guard.Required(outcome, OutcomeMaxLength, "L'issue"));
    }

    public void Abandon(Project project, Guid actorId, string? reason, DateTimeOffset now)
    {
        Ensure(ReferralAction.Abandon, project, TrajectoryStepKind.ReferralAbandoned);
        End(project, ReferralAction.Abandon, TrajectoryStepKind.ReferralAbandoned, actorId, now, reason: Guard.Required(reason, ReasonMaxLength, "Le motif"));
    }

    /// <summary>The pôle withdraws its referral.</summary>
    public void Withdraw(Project project, Guid poleStaffId, string? reason, DateTimeOffset now)
    {
        Ensure(ReferralAction.Withdraw, project, TrajectoryStepKind.ReferralWithdrawn);
        var from = End(project, ReferralAction.Withdraw, TrajectoryStepKind.ReferralWithdrawn, poleStaffId, now, reason: Guard.Required(reason, ReasonMaxLength, "Le motif du retrait"));
        Raise(new ReferralWithdrawn(this, project, from, poleStaffId, now));
    }

    /// <summary>The pôle relaunches an unanswered referral: the structure's delay starts again.</summary>
    public void Relaunch(Guid poleStaffId, DateTimeOffset now)
    {
        Ensure(ReferralAction.Relaunch);
        WaitingSince = now;
        RemindedAt = null;
        Raise(new ReferralRelaunched(this, poleStaffId, now));
    }

    /// <summary>The reminder job tells the structure (once per waiting period).</summary>
    public void MarkReminded(Guid systemActorId, DateTimeOffset now)
    {
        Ensure(ReferralAction.Remind);
        RemindedAt = now;
        Raise(new ReferralReminderDue(this, (int)(now - WaitingSince).TotalDays, systemActorId, now));
    }

    /// <summary>No answer in time: the referral lapses and the trajectory says so.</summary>
    public void Expire(Project project, Guid systemActorId, DateTimeOffset now)
    {
        Move(ReferralAction.Expire, project, TrajectoryStepKind.ReferralExpired);
        ClosedAt = now;
        Step(project, TrajectoryStepKind.ReferralExpired, systemActorId, now, null, "Sans réponse de la structure dans le délai prévu");
        Raise(new ReferralExpired(this, project, systemActorId, now));
    }

    public static string Label(ReferralStatus status) => status switch
    {
        ReferralStatus.Proposed => "Proposée, en attente de réponse",
        ReferralStatus.InformationRequested => "Informations demandées",
        ReferralStatus.Accepted => "Acceptée",
        ReferralStatus.Declined => "Refusée",
        ReferralStatus.InProgress => "En cours",
        ReferralStatus.Completed => "Terminée",
        ReferralStatus.Abandoned => "Abandonnée",
        ReferralStatus.Withdrawn => "Retirée par le pôle",
        ReferralStatus.Expired => "Expirée sans réponse",
        _ => status.ToString(),
    };

    private void Answer(Project project, ReferralAction action, TrajectoryStepKind kind, Guid staffId, DateTimeOffset now, string? reasonCode, string? reason)
    {
        Ensure(action, project, kind);
        var validReasonCode = reasonCode;
        var from = Status;
        Move(action, project, kind);
        AnsweredAt = now;
        AnsweredBy = staffId;
        ReasonCode = validReasonCode;
        Reason = reason;
        if (action == ReferralAction.Decline)
        {
            ClosedAt = now;
        }

        Step(project, kind, staffId, now, null, reason);
        Raise(new ReferralAnswered(this, project, from, staffId, now));
    }

    /// <summary>Ends the referral (completed, abandoned, withdrawn) with its outcome or reason; answers the status it left.</summary>
    private ReferralStatus End(Project project, ReferralAction action, TrajectoryStepKind kind, Guid actorId, DateTimeOffset now, string? outcome = null, string? reason = null)
    {
        Ensure(action, project, kind);
        var from = Status;
        Outcome = outcome ?? Outcome;
        Reason = reason ?? Reason;
        Move(action, project, kind);
        ClosedAt = now;
        Step(project, kind, actorId, now, outcome, reason);
        return from;
    }

    private void Ensure(ReferralAction action)
    {
        if (!Can(action))
        {
            throw new DomainException($"Cette orientation est « {Label(Status)} » : cette action n'est plus possible.");
        }
    }

    /// <summary>Refuses an action the status does not allow, or whose step the project's trajectory cannot take.</summary>
    private void Ensure(ReferralAction action, Project project, TrajectoryStepKind kind)
    {
        ArgumentNullException.ThrowIfNull(project);
        Ensure(action);
        if (project.Id != ProjectId)
        {
            throw new InvalidOperationException("The referral belongs to another project.");
        }

        project.EnsureTrajectoryCanTake(kind);
    }

    private void Move(ReferralAction action, Project project, TrajectoryStepKind kind)
    {
        Ensure(action, project, kind);
        if (Transitions[action].To is { } next)
        {
            Status = next;
        }
    }

    private void Step(Project project, TrajectoryStepKind kind, Guid actorId, DateTimeOffset now, string? outcome, string? reason)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Id != ProjectId)
        {
            throw new InvalidOperationException("The referral belongs to another project.");
        }

        project.RecordStep(kind, actorId, now, PoleId, StructureId, ProgrammeId, outcome, reason);
    }
}
