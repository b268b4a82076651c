using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;

namespace TrajectoirEss.Domain.Projects;

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
public sealed class Referral
{
    public const int MessageMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    /// <summary>The code of the decline reason: a value of the list of decline reasons.</summary>
    public const int ReasonCodeMaxLength = ListItem.CodeMaxLength;

    /// <summary>The outcome of a completed referral, which is also the outcome of its step in the trajectory.</summary>
    public const int OutcomeMaxLength = TrajectoryStep.OutcomeMaxLength;

    /// <summary>From which statuses each action is allowed, and where it leads (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<ReferralAction, (ReferralStatus[] From, ReferralStatus? To)> Transitions =
        new Dictionary<ReferralAction, (ReferralStatus[] From, ReferralStatus? To)>
        {
            [ReferralAction.Accept] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested], ReferralStatus.Accepted),
            [ReferralAction.Decline] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested], ReferralStatus.Declined),
            [ReferralAction.RequestInformation] = ([ReferralStatus.Proposed], ReferralStatus.InformationRequested),
            [ReferralAction.Start] = ([ReferralStatus.Accepted], ReferralStatus.InProgress),
            [ReferralAction.Complete] = ([ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Completed),
            [ReferralAction.Abandon] = ([ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Abandoned),
            [ReferralAction.Withdraw] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested, ReferralStatus.Accepted], ReferralStatus.Withdrawn),
            [ReferralAction.Expire] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested], ReferralStatus.Expired),
            [ReferralAction.Relaunch] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested], null),
            [ReferralAction.Remind] = ([ReferralStatus.Proposed, ReferralStatus.InformationRequested], null),
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

    public bool IsOpen => Status is ReferralStatus.Proposed or ReferralStatus.InformationRequested or ReferralStatus.Accepted or ReferralStatus.InProgress;

    public static bool CanApply(ReferralStatus status, ReferralAction action) => Transitions[action].From.Contains(status);

    public bool Can(ReferralAction action) => CanApply(Status, action);

    /// <summary>
    /// The pôle refers its project to a programme. The porteurs must have accepted that their project is
    /// shared with the programme's partners: the referral records that it was checked.
    /// </summary>
    public static Referral Create(Project project, Support.Programme programme, Guid poleId, Guid staffId, bool porteurConsentsToSharing, string? message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(programme);
        if (project.PoleId != poleId || project.Status is not (ProjectStatus.Welcomed or ProjectStatus.InSupport))
        {
            throw new DomainException("Un projet ne peut être orienté qu'après son accueil par le pôle, et tant qu'il est en cours.");
        }

        if (!programme.IsActive)
        {
            throw new DomainException("Ce programme n'est plus proposé.");
        }

        if (!porteurConsentsToSharing)
        {
            throw new DomainException("Les porteurs n'ont pas accepté que leur projet soit partagé avec les partenaires du programme : demandez-leur de l'accepter dans leur espace (section « Vos données » du projet) avant de l'orienter.");
        }

        var referral = new Referral(Guid.CreateVersion7(now), project.Id, programme.Id, programme.StructureId, poleId, staffId, now, message);
        project.RecordReferralStep(TrajectoryStepKind.Referred, staffId, now, poleId, programme.StructureId, programme.Id, null, null);
        return referral;
    }

    public void Accept(Project project, Guid structureStaffId, DateTimeOffset now) =>
        Answer(project, ReferralAction.Accept, TrajectoryStepKind.ReferralAccepted, structureStaffId, now, null, null);

    public void Decline(Project project, Guid structureStaffId, string? reasonCode, string? reason, DateTimeOffset now) =>
        Answer(project, ReferralAction.Decline, TrajectoryStepKind.ReferralDeclined, structureStaffId, now, Guard.Required(reasonCode, ReasonCodeMaxLength, "Le motif du refus"), Guard.Required(reason, ReasonMaxLength, "Le motif du refus"));

    public void RequestInformation(Project project, Guid structureStaffId, string? question, DateTimeOffset now)
    {
        Ensure(ReferralAction.RequestInformation);
        var text = Guard.Required(question, ReasonMaxLength, "La question");
        Status = ReferralStatus.InformationRequested;
        Reason = text;
        WaitingSince = now;
        RemindedAt = null;
        Step(project, TrajectoryStepKind.ReferralInformationRequested, structureStaffId, now, null, text);
    }

    /// <summary>The project enters the programme; a welcomed project is now in support.</summary>
    public void Start(Project project, Guid structureStaffId, DateTimeOffset now)
    {
        Move(ReferralAction.Start);
        ArgumentNullException.ThrowIfNull(project);
        project.EnterSupport(now);
        Step(project, TrajectoryStepKind.ReferralStarted, structureStaffId, now, null, null);
    }

    public void Complete(Project project, Guid structureStaffId, string? outcome, DateTimeOffset now)
    {
        Move(ReferralAction.Complete);
        Outcome = Guard.Required(outcome, OutcomeMaxLength, "L'issue");
        ClosedAt = now;
        Step(project, TrajectoryStepKind.ReferralCompleted, structureStaffId, now, Outcome, null);
    }

    public void Abandon(Project project, Guid actorId, string? reason, DateTimeOffset now)
    {
        Ensure(ReferralAction.Abandon);
        Reason = Guard.Required(reason, ReasonMaxLength, "Le motif");
        Move(ReferralAction.Abandon);
        ClosedAt = now;
        Step(project, TrajectoryStepKind.ReferralAbandoned, actorId, now, null, Reason);
    }

    /// <summary>The pôle withdraws its referral.</summary>
    public void Withdraw(Project project, Guid poleStaffId, string? reason, DateTimeOffset now)
    {
        Ensure(ReferralAction.Withdraw);
        Reason = Guard.Required(reason, ReasonMaxLength, "Le motif du retrait");
        Move(ReferralAction.Withdraw);
        ClosedAt = now;
        Step(project, TrajectoryStepKind.ReferralWithdrawn, poleStaffId, now, null, Reason);
    }

    /// <summary>The pôle relaunches an unanswered referral: the structure's delay starts again.</summary>
    public void Relaunch(DateTimeOffset now)
    {
        Ensure(ReferralAction.Relaunch);
        WaitingSince = now;
        RemindedAt = null;
    }

    /// <summary>The reminder job told the structure (once per waiting period).</summary>
    public void MarkReminded(DateTimeOffset now)
    {
        Ensure(ReferralAction.Remind);
        RemindedAt = now;
    }

    /// <summary>No answer in time: the referral lapses and the trajectory says so.</summary>
    public void Expire(Project project, Guid systemActorId, DateTimeOffset now)
    {
        Move(ReferralAction.Expire);
        ClosedAt = now;
        Step(project, TrajectoryStepKind.ReferralExpired, systemActorId, now, null, "Sans réponse de la structure dans le délai prévu");
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
        Move(action);
        AnsweredAt = now;
        AnsweredBy = staffId;
        ReasonCode = reasonCode;
        Reason = reason;
        if (action == ReferralAction.Decline)
        {
            ClosedAt = now;
        }

        Step(project, kind, staffId, now, null, reason);
    }

    private void Ensure(ReferralAction action)
    {
        if (!Can(action))
        {
            throw new DomainException($"Cette orientation est « {Label(Status)} » : cette action n'est plus possible.");
        }
    }

    private void Move(ReferralAction action)
    {
        Ensure(action);
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

        project.RecordReferralStep(kind, actorId, now, PoleId, StructureId, ProgrammeId, outcome, reason);
    }
}
