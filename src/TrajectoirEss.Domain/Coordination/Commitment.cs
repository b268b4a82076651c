using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>Where a commitment stands. Changes only through the methods of <see cref="Commitment"/>.</summary>
public enum CommitmentStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,

    /// <summary>Given up, with a reason.</summary>
    Dropped = 4,
}

/// <summary>The French labels of a commitment's statuses: their one home.</summary>
public static class CommitmentLabels
{
    public static string Label(this CommitmentStatus status) => status switch
    {
        CommitmentStatus.Planned => "Prévu",
        CommitmentStatus.InProgress => "En cours",
        CommitmentStatus.Done => "Tenu",
        CommitmentStatus.Dropped => "Abandonné",
        _ => status.ToString(),
    };
}

/// <summary>The moves a commitment can make; each has one method on <see cref="Commitment"/> (making it is its creation).</summary>
public enum CommitmentAction
{
    Edit = 1,
    Start = 2,
    Complete = 3,
    Drop = 4,
    Reopen = 5,
    PostUpdate = 6,
}

/// <summary>What a commitment is, as a form gives it: checked by <see cref="Commitment"/>.</summary>
/// <param name="DueOn">The date it is due by; or <paramref name="DueSessionId"/>, the session it is due for: one of them.</param>
public sealed record CommitmentTerms(
    string? Title,
    string? Description,
    OrganisationRef? Carrier,
    IReadOnlyList<OrganisationRef> Contributors,
    StrategyObjective? Objective,
    DateOnly? DueOn,
    Guid? DueSessionId);

/// <summary>
/// A commitment (engagement) an organisation makes to the regional ESS strategy: concrete, measurable, serving one
/// objective of the SRESS, carried by one organisation (the pilote) with contributors (participants), often made at
/// a session. The carrier reports on it with dated updates; the coordination reads them at the next session.
/// <code>
/// Planned ──Start──▶ InProgress ──Complete──▶ Done
///    │ └────────Complete───────────────────▲   │
///    └──Drop──▶ Dropped ◀──Drop── InProgress   │
///  Dropped, Done ──Reopen──▶ InProgress ◀──────┘
/// </code>
/// Edit and PostUpdate while Planned or InProgress. Only the carrying organisation posts updates: contributors tell
/// the carrier, who speaks for the commitment (one voice per commitment, as a pilote does for an action of the strategy).
/// </summary>
public sealed class Commitment : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 1000;
    public const int MaxContributors = 30;
    public const int MinProgress = 0;
    public const int MaxProgress = 100;

    /// <summary>Still to be kept: it can be edited and reported on.</summary>
    public static readonly IReadOnlyList<CommitmentStatus> OpenStatuses = [CommitmentStatus.Planned, CommitmentStatus.InProgress];

    /// <summary>From which statuses each action is allowed, and the status it leads to (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<CommitmentAction, (CommitmentStatus[] From, CommitmentStatus? To)> Transitions =
        new Dictionary<CommitmentAction, (CommitmentStatus[] From, CommitmentStatus? To)>
        {
            [CommitmentAction.Edit] = ([.. OpenStatuses], null),
            [CommitmentAction.Start] = ([CommitmentStatus.Planned], CommitmentStatus.InProgress),
            [CommitmentAction.Complete] = ([.. OpenStatuses], CommitmentStatus.Done),
            [CommitmentAction.Drop] = ([.. OpenStatuses], CommitmentStatus.Dropped),
            [CommitmentAction.Reopen] = ([CommitmentStatus.Done, CommitmentStatus.Dropped], CommitmentStatus.InProgress),
            [CommitmentAction.PostUpdate] = ([.. OpenStatuses], null),
        };

    private readonly List<OrganisationRef> _contributors = [];
    private readonly List<CommitmentUpdate> _updates = [];

    private Commitment(Guid id, DateTimeOffset createdAt)
    {
        Id = id;
        Title = string.Empty;
        Status = CommitmentStatus.Planned;
        CreatedAt = createdAt;
    }

    private Commitment()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The organisation that carries the commitment and reports on it.</summary>
    public OrganisationRef Carrier { get; private set; }

    public IReadOnlyList<OrganisationRef> Contributors => _contributors;

    /// <summary>The objective of the strategy it serves (<see cref="StrategyObjective"/>).</summary>
    public Guid ObjectiveId { get; private set; }

    /// <summary>The session it was made at, if any.</summary>
    public Guid? SessionId { get; private set; }

    /// <summary>The decision of that session it came from, if any.</summary>
    public Guid? DecisionId { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public Guid? DueSessionId { get; private set; }

    public CommitmentStatus Status { get; private set; }

    /// <summary>From 0 to 100; 100 once done.</summary>
    public int Progress { get; private set; }

    public string? DropReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUpdateAt { get; private set; }

    /// <summary>When it was done or dropped (null while open; a reopened commitment forgets it).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>The carrier's updates, oldest first (sorted here: the database gives them back in no particular order).</summary>
    public IReadOnlyList<CommitmentUpdate> Updates => [.. _updates.OrderBy(u => u.PostedAt).ThenBy(u => u.Id)];

    public static bool CanApply(CommitmentStatus status, CommitmentAction action) => Transitions[action].From.Contains(status);

    public bool Can(CommitmentAction action) => CanApply(Status, action);

    /// <summary>
    /// Records a commitment; made at a session (held or closed), it may name the decision it came from, which must
    /// be one of that session's.
    /// </summary>
    public static Commitment Make(Guid id, CommitmentTerms terms, PlatformSession? fromSession, Guid? fromDecisionId, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var valid = Validate(terms, currentObjectiveId: null);
        if (fromSession is not null && fromSession.Status is not (PlatformSessionStatus.Held or PlatformSessionStatus.Closed))
        {
            throw new DomainException("Un engagement naît d'une séance qui s'est tenue.", nameof(SessionId));
        }

        if (fromDecisionId is { } decisionId && (fromSession is null || fromSession.Decisions.All(d => d.Id != decisionId)))
        {
            throw new DomainException("Cette décision n'est pas une décision de la séance indiquée.", nameof(DecisionId));
        }

        var commitment = new Commitment(id, now)
        {
            SessionId = fromSession?.Id,
            DecisionId = fromDecisionId,
        };
        commitment.Apply(valid);
        commitment.Raise(new CommitmentMade(commitment, actorId, now));
        return commitment;
    }

    /// <summary>Changes what the commitment is; an objective deactivated since it was chosen may stay, not be chosen anew.</summary>
    public void Edit(CommitmentTerms terms, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Ensure(CommitmentAction.Edit, "Un engagement tenu ou abandonné ne se modifie plus : rouvrez-le d'abord.");
        var valid = Validate(terms, ObjectiveId);
        Apply(valid);
        Raise(new CommitmentEdited(this, actorId, now));
    }

    public void Start(Guid actorId, DateTimeOffset now)
    {
        Ensure(CommitmentAction.Start, "Seul un engagement prévu peut démarrer.");
        Move(CommitmentAction.Start, null, actorId, now);
    }

    /// <summary>The commitment is kept: its progress is 100.</summary>
    public void Complete(Guid actorId, DateTimeOffset now)
    {
        Ensure(CommitmentAction.Complete, Status == CommitmentStatus.Done ? "Cet engagement est déjà tenu." : "Un engagement abandonné ne peut pas être tenu : rouvrez-le d'abord.");
        Progress = MaxProgress;
        Move(CommitmentAction.Complete, null, actorId, now);
    }

    public void Drop(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(CommitmentAction.Drop, Status == CommitmentStatus.Dropped ? "Cet engagement est déjà abandonné." : "Un engagement tenu ne peut pas être abandonné.");
        var why = Guard.Required(reason, ReasonMaxLength, "Le motif d'abandon", nameof(DropReason));
        DropReason = why;
        Move(CommitmentAction.Drop, why, actorId, now);
    }

    /// <summary>Back in progress, a done or dropped commitment (its progress as it was).</summary>
    public void Reopen(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(CommitmentAction.Reopen, "Seul un engagement tenu ou abandonné peut être rouvert.");
        var why = Guard.Required(reason, ReasonMaxLength, "Le motif de réouverture", "Reason");
        DropReason = null;
        Move(CommitmentAction.Reopen, why, actorId, now);
    }

    /// <summary>
    /// The carrying organisation tells where the commitment stands: a narrative and its progress (0–100). An update
    /// does not change the status (starting and completing are said on purpose).
    /// </summary>
    public CommitmentUpdate PostUpdate(string? narrative, int progress, OrganisationRef organisation, Guid authorId, DateTimeOffset now)
    {
        Ensure(CommitmentAction.PostUpdate, "Un engagement tenu ou abandonné ne reçoit plus de nouvelles : rouvrez-le d'abord.");
        if (organisation != Carrier)
        {
            throw new DomainException("Seule l'organisation qui porte l'engagement en donne des nouvelles.", nameof(CommitmentUpdate.Organisation));
        }

        var text = Guard.Required(narrative, CommitmentUpdate.NarrativeMaxLength, "Le récit", nameof(CommitmentUpdate.Narrative));
        EnsureProgress(progress);
        var old = Progress;
        var update = new CommitmentUpdate(Guid.CreateVersion7(now), text, progress, now, authorId, organisation);
        _updates.Add(update);
        Progress = progress;
        LastUpdateAt = now;
        Raise(new CommitmentUpdated(this, update, old, authorId, now));
        return update;
    }

    /// <summary>
    /// Whether the carrier owes news for the next session: the commitment is still open and nothing was posted since
    /// the last session (a commitment made after it owes nothing yet).
    /// </summary>
    public bool NeedsUpdateSince(DateTimeOffset lastSessionAt) =>
        OpenStatuses.Contains(Status) && (LastUpdateAt ?? CreatedAt) < lastSessionAt;

    private static void EnsureProgress(int progress)
    {
        if (progress is < MinProgress or > MaxProgress)
        {
            throw new DomainException($"L'avancement est un pourcentage de {MinProgress} à {MaxProgress}.", nameof(Progress));
        }
    }

    private static ValidTerms Validate(CommitmentTerms terms, Guid? currentObjectiveId)
    {
        var title = Guard.Required(terms.Title, TitleMaxLength, "Le titre de l'engagement", nameof(Title));
        var description = Guard.Optional(terms.Description, DescriptionMaxLength, "La description", nameof(Description));
        var carrier = OrganisationRef.Valid(terms.Carrier, nameof(Carrier), "Indiquez l'organisation qui porte l'engagement.");
        var contributors = (terms.Contributors ?? []).Distinct().ToList();
        if (contributors.Any(c => !Enum.IsDefined(c.Kind) || c.Id == Guid.Empty))
        {
            throw new DomainException("Choisissez les organisations contributrices dans la liste.", nameof(Contributors));
        }

        if (contributors.Contains(carrier))
        {
            throw new DomainException("L'organisation qui porte l'engagement n'en est pas aussi contributrice.", nameof(Contributors));
        }

        if (contributors.Count > MaxContributors)
        {
            throw new DomainException($"Un engagement compte au plus {MaxContributors} organisations contributrices.", nameof(Contributors));
        }

        if (terms.Objective is not { } objective)
        {
            throw new DomainException("Indiquez l'objectif de la stratégie que sert l'engagement.", nameof(ObjectiveId));
        }

        if (!objective.IsActive && objective.Id != currentObjectiveId)
        {
            throw new DomainException("Cet objectif n'est plus proposé.", nameof(ObjectiveId));
        }

        if ((terms.DueOn is null) == (terms.DueSessionId is null))
        {
            throw new DomainException("Indiquez une échéance : une date, ou la séance pour laquelle l'engagement est attendu (l'une ou l'autre).", nameof(DueOn));
        }

        if (terms.DueOn is { } due && !PlausibleDates.Contains(due))
        {
            throw new DomainException(PlausibleDates.Message, nameof(DueOn));
        }

        return new ValidTerms(title, description, carrier, contributors, objective.Id, terms.DueOn, terms.DueSessionId);
    }

    private void Apply(ValidTerms terms)
    {
        Title = terms.Title;
        Description = terms.Description;
        Carrier = terms.Carrier;
        _contributors.Clear();
        _contributors.AddRange(terms.Contributors);
        ObjectiveId = terms.ObjectiveId;
        DueOn = terms.DueOn;
        DueSessionId = terms.DueSessionId;
    }

    private void Ensure(CommitmentAction action, string message)
    {
        if (!Can(action))
        {
            throw new DomainException(message);
        }
    }

    private void Move(CommitmentAction action, string? reason, Guid actorId, DateTimeOffset now)
    {
        var from = Status;
        if (Transitions[action].To is { } next)
        {
            Status = next;
        }

        ClosedAt = OpenStatuses.Contains(Status) ? null : now;
        Raise(new CommitmentStatusChanged(this, from, Status, reason, actorId, now));
    }

    private sealed record ValidTerms(string Title, string? Description, OrganisationRef Carrier, List<OrganisationRef> Contributors, Guid ObjectiveId, DateOnly? DueOn, Guid? DueSessionId);
}

/// <summary>News of a commitment from its carrying organisation: a narrative, the progress then, who wrote it and when.</summary>
public sealed class CommitmentUpdate
{
    public const int NarrativeMaxLength = 4000;

    internal CommitmentUpdate(Guid id, string narrative, int progress, DateTimeOffset postedAt, Guid authorId, OrganisationRef organisation)
    {
        Id = id;
        Narrative = narrative;
        Progress = progress;
        PostedAt = postedAt;
        AuthorId = authorId;
        Organisation = organisation;
    }

    private CommitmentUpdate()
    {
        Narrative = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Narrative { get; private set; }

    public int Progress { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public Guid AuthorId { get; private set; }

    public OrganisationRef Organisation { get; private set; }
}
