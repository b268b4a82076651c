using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Projects;

/// <summary>The moves a project's status can make; each has one method on <see cref="Project"/>.</summary>
public enum ProjectAction
{
    Edit = 1,
    Submit = 2,
    Welcome = 3,
    StartSupport = 4,
    Close = 5,
    Reopen = 6,
    Qualify = 7,
    Transfer = 8,
    AssignReferent = 9,
    Pause = 10,
    Resume = 11,
    AskPorteur = 12,
    AskForSharing = 13,
}

/// <summary>
/// A project (idée or projet), usually collective, with its trajectory. Status changes and trajectory
/// steps happen only through the methods below, each checked against <see cref="Transitions"/>.
/// </summary>
public sealed class Project : AggregateRoot
{
    public const int ClosingReasonMaxLength = TrajectoryStep.ReasonMaxLength;

    /// <summary>
    /// A project "déposé et en cours": submitted and not closed. The pôle can work on it (qualify, transfer,
    /// refer, close…); drafts are the porteurs' own, closed projects can only be reopened.
    /// </summary>
    public static readonly IReadOnlyList<ProjectStatus> OpenStatuses = [ProjectStatus.Submitted, ProjectStatus.Welcomed, ProjectStatus.InSupport, ProjectStatus.Paused];

    /// <summary>Welcomed and followed: not paused, not closed. Such a project can be referred to a programme, or paused.</summary>
    public static readonly IReadOnlyList<ProjectStatus> ActiveStatuses = [ProjectStatus.Welcomed, ProjectStatus.InSupport];

    /// <summary>From which statuses each action is allowed, and the status it leads to (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<ProjectAction, (ProjectStatus[] From, ProjectStatus? To)> Transitions =
        new Dictionary<ProjectAction, (ProjectStatus[] From, ProjectStatus? To)>
        {
            [ProjectAction.Edit] = ([ProjectStatus.Draft, ProjectStatus.Submitted], null),
            [ProjectAction.Submit] = ([ProjectStatus.Draft], ProjectStatus.Submitted),
            [ProjectAction.Welcome] = ([ProjectStatus.Submitted], ProjectStatus.Welcomed),
            [ProjectAction.StartSupport] = ([ProjectStatus.Welcomed], ProjectStatus.InSupport),
            [ProjectAction.Close] = ([.. OpenStatuses], ProjectStatus.Closed),
            [ProjectAction.Reopen] = ([ProjectStatus.Closed], ProjectStatus.Welcomed),
            [ProjectAction.Qualify] = ([.. OpenStatuses], null),
            [ProjectAction.Transfer] = ([.. OpenStatuses], null),
            [ProjectAction.AssignReferent] = ([.. OpenStatuses], null),
            [ProjectAction.Pause] = ([.. ActiveStatuses], ProjectStatus.Paused),
            [ProjectAction.Resume] = ([ProjectStatus.Paused], ProjectStatus.Welcomed),
            [ProjectAction.AskPorteur] = ([.. OpenStatuses], null),
            [ProjectAction.AskForSharing] = ([.. OpenStatuses], null),
        };

    private readonly List<ProjectMember> _members = [];
    private readonly List<TrajectoryStep> _steps = [];
    private readonly List<SharingConsent> _sharing = [];

    private Project(Guid id, ProjectDetails details, DateTimeOffset createdAt)
    {
        Id = id;
        Title = details.Title;
        Apply(details);
        Status = ProjectStatus.Draft;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    private Project()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The file number people quote (on the acknowledgement, on the phone), given by the database when the draft is first saved.</summary>
    public long FileNumber { get; private set; }

    /// <summary>The file number as people read it, e.g. "TE-000042".</summary>
    public string FileReference => Reference(FileNumber);

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    public string? SocialNeed { get; private set; }

    public ProjectOrigin Origin { get; private set; }

    public string? SectorCode { get; private set; }

    public string? LegalFormCode { get; private set; }

    public ProjectStage? Stage { get; private set; }

    public string? CommuneCode { get; private set; }

    public SupportNeeds Needs { get; private set; }

    public int? PeopleCount { get; private set; }

    public string? HeardFrom { get; private set; }

    /// <summary>The pôle in charge, set when the project is submitted (from the commune).</summary>
    public Guid? PoleId { get; private set; }

    public ProjectStatus Status { get; private set; }

    /// <summary>The member of the pôle's staff who follows the project (référent).</summary>
    public Guid? ReferentId { get; private set; }

    public ProjectOutcome? Outcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The first contact with the pôle (the welcome); the delay since submission is a quality indicator.</summary>
    public DateTimeOffset? FirstContactAt { get; private set; }

    /// <summary>For a project closed as created: the company's legal form, date and SIRET.</summary>
    public string? CompanyLegalFormCode { get; private set; }

    public DateOnly? CompanyCreatedOn { get; private set; }

    public string? Siret { get; private set; }

    /// <summary>Set when the last porteur deleted their account: nothing identifies anyone any more.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ProjectMember> Members => _members;

    public IReadOnlyList<TrajectoryStep> Steps => _steps;

    /// <summary>The porteurs' consent to share the project, per partner structure (absent: never given).</summary>
    public IReadOnlyList<SharingConsent> Sharing => _sharing;

    /// <summary>The steps as the trajectory tells them: by date, and steps of the same instant in the trajectory's order.</summary>
    public IEnumerable<TrajectoryStep> StepsInOrder() => _steps.OrderBy(s => s.OccurredAt).ThenBy(s => s.Kind);

    public ProjectDetails Details => new(Title, Summary, SocialNeed, Origin, SectorCode, LegalFormCode, Stage, CommuneCode, Needs, PeopleCount, HeardFrom);

    public static Project CreateDraft(Guid id, Guid ownerId, ProjectDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var project = new Project(id, details, now);
        project._members.Add(new ProjectMember(ownerId, MemberRole.Owner, now));
        return project;
    }

    /// <summary>The one way a file number is written.</summary>
    public static string Reference(long fileNumber) => $"TE-{fileNumber:D6}";

    /// <summary>A file number as someone may type it ("TE-000042", "te 42", "42"); null when it is not one.</summary>
    public static long? ParseReference(string? text)
    {
        var digits = text?.Trim().ToUpperInvariant().Replace("TE", string.Empty, StringComparison.Ordinal).Trim(' ', '-');
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }

    public static bool CanApply(ProjectStatus status, ProjectAction action) => Transitions[action].From.Contains(status);

    public bool Can(ProjectAction action) => CanApply(Status, action);

    public bool IsMember(Guid userId) => _members.Any(m => m.UserId == userId);

    public bool IsOwner(Guid userId) => _members.Any(m => m.UserId == userId && m.Role == MemberRole.Owner);

    public void Edit(ProjectDetails details, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureMember(actorId);
        Ensure(ProjectAction.Edit, "Le projet ne peut plus être modifié ici : écrivez à votre pôle pour signaler un changement.");
        if (Status == ProjectStatus.Submitted && details.CommuneCode != CommuneCode)
        {
            throw new DomainException("La commune d'un projet déposé ne peut plus changer ici : écrivez à votre pôle, qui pourra le transférer.");
        }

        if (Status == ProjectStatus.Submitted && details.MissingForSubmission() is { Count: > 0 } missing)
        {
            throw new DomainException("Un projet déposé doit rester complet ; il manque : " + string.Join(", ", missing) + ".");
        }

        Apply(details);
        UpdatedAt = now;
    }

    /// <summary>
    /// Submits the draft to the pôle that covers its commune. Without a pôle (a commune no perimeter
    /// covers, which the reference data rules out), it waits in the administrators' queue.
    /// </summary>
    public void Submit(Guid actorId, Guid? poleId, bool consentToProcessing, DateTimeOffset now)
    {
        EnsureMember(actorId);
        Ensure(ProjectAction.Submit, "Ce projet a déjà été déposé.");
        var missing = Details.MissingForSubmission();
        if (missing.Count > 0)
        {
            throw new DomainException("Pour déposer le projet, il manque : " + string.Join(", ", missing) + ".");
        }

        if (!consentToProcessing)
        {
            throw new DomainException("Pour déposer le projet, acceptez le traitement de vos données par le programme.");
        }

        PoleId = poleId;
        SubmittedAt = now;
        Move(ProjectAction.Submit, TrajectoryStepKind.Submitted, actorId, now, poleId: poleId);
        Raise(new ProjectSubmitted(this, actorId, now));
    }

    /// <summary>The pôle's first contact with the porteurs (accueil).</summary>
    public void Welcome(Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Welcome, "Seul un projet déposé et pas encore accueilli peut être accueilli.");
        // A meeting held shortly before the online submission (a meeting may be dated up to a day earlier) is a
        // first contact at the submission: the trajectory never shows the welcome before the idea, nor the
        // indicator a negative delay to first contact.
        var at = SubmittedAt is { } submitted && now < submitted ? submitted : now;
        FirstContactAt ??= at;
        Move(ProjectAction.Welcome, TrajectoryStepKind.Welcomed, actorId, at, poleId: PoleId);
        Raise(new ProjectWelcomed(this, actorId, at));
    }

    /// <summary>Closes the project; a project closed as created says which company it became.</summary>
    public void Close(ProjectOutcome outcome, string? reason, Guid actorId, DateTimeOffset now, CompanyCreation? company = null)
    {
        Ensure(ProjectAction.Close, Status == ProjectStatus.Closed ? "Ce projet est déjà clos." : "Un brouillon ne peut pas être clos : il peut être supprimé.");
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("L'issue indiquée n'est pas valide.");
        }

        if (outcome == ProjectOutcome.Created && company is null)
        {
            throw new DomainException("Pour une entreprise créée, indiquez sa forme juridique et sa date de création.");
        }

        var why = Guard.Required(reason, ClosingReasonMaxLength, "Le motif de clôture");
        var from = Status;
        Outcome = outcome;
        CompanyLegalFormCode = outcome == ProjectOutcome.Created ? company!.LegalFormCode : null;
        CompanyCreatedOn = outcome == ProjectOutcome.Created ? company!.CreatedOn : null;
        Siret = outcome == ProjectOutcome.Created ? company!.Siret : null;
        Move(ProjectAction.Close, TrajectoryStepKind.Closed, actorId, now, PoleId, outcome: outcome.ToString(), reason: why);
        Raise(new ProjectClosed(this, from, outcome, why, outcome == ProjectOutcome.Created ? company : null, actorId, now));
    }

    public void Reopen(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Reopen, "Seul un projet clos peut être rouvert.");
        var why = Guard.Required(reason, ClosingReasonMaxLength, "Le motif de réouverture");
        Outcome = null;
        Move(ProjectAction.Reopen, TrajectoryStepKind.Reopened, actorId, now, PoleId, reason: why);
        Raise(new ProjectReopened(this, why, actorId, now));
    }

    /// <summary>The pôle corrects what the porteur said: stage, needs, sector (the audit trail keeps the old values).</summary>
    public void Qualify(ProjectStage stage, SupportNeeds needs, string? sectorCode, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Qualify, "Seul un projet déposé et en cours peut être qualifié.");

        // The same checks as the porteur's form: one source of truth for values and lengths.
        var qualified = new ProjectDetails(Title, Summary, SocialNeed, Origin, sectorCode, LegalFormCode, stage, CommuneCode, needs, PeopleCount, HeardFrom);
        if (qualified.Needs == SupportNeeds.None || qualified.SectorCode is null)
        {
            throw new DomainException("Indiquez au moins un besoin et le secteur d'activité.");
        }

        var (oldStage, oldNeeds, oldSector) = (Stage, Needs, SectorCode);
        Stage = qualified.Stage;
        Needs = qualified.Needs;
        SectorCode = qualified.SectorCode;
        UpdatedAt = now;
        Raise(new ProjectQualified(this, oldStage, oldNeeds, oldSector, actorId, now));
    }

    /// <summary>The pôle asks the porteurs for information; the question goes to the thread and the trajectory.</summary>
    public void AskPorteur(string? question, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.AskPorteur, "Des informations ne peuvent être demandées que pour un projet déposé et en cours.");
        var text = Guard.Required(question, ProjectMessage.BodyMaxLength, "La question");
        _steps.Add(new TrajectoryStep(Guid.CreateVersion7(now), TrajectoryStepKind.InformationAskedFromPorteur, now, actorId, PoleId, null, null, null, text.Length > TrajectoryStep.ReasonMaxLength ? text[..TrajectoryStep.ReasonMaxLength] : text));
        UpdatedAt = now;
    }

    public void Pause(string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Pause, "Seul un projet accueilli ou en accompagnement peut être mis en pause.");
        var why = Guard.Required(reason, TrajectoryStep.ReasonMaxLength, "Le motif de la pause");
        var from = Status;
        Move(ProjectAction.Pause, TrajectoryStepKind.Paused, actorId, now, PoleId, reason: why);
        Raise(new ProjectPaused(this, from, why, actorId, now));
    }

    public void Resume(Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Resume, "Seul un projet en pause peut reprendre.");
        Move(ProjectAction.Resume, TrajectoryStepKind.Resumed, actorId, now, PoleId);
        Raise(new ProjectResumed(this, actorId, now));
    }

    /// <summary>Names the référent (a member of the pôle's staff, checked by the caller), or none.</summary>
    public void AssignReferent(Guid? staffId, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.AssignReferent, "Un référent ne peut être désigné que pour un projet en cours.");
        var old = ReferentId;
        ReferentId = staffId;
        UpdatedAt = now;
        Raise(new ReferentAssigned(this, old, staffId, actorId, now));
    }

    /// <summary>Hands the project to another pôle (the porteurs moved, or the perimeter was wrong); the former pôle loses access.</summary>
    public void Transfer(Guid toPoleId, string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.Transfer, "Seul un projet déposé et en cours peut être transféré.");
        if (toPoleId == PoleId)
        {
            throw new DomainException("Le projet est déjà suivi par ce pôle.");
        }

        var why = Guard.Required(reason, TrajectoryStep.ReasonMaxLength, "Le motif du transfert");
        var from = PoleId;
        PoleId = toPoleId;
        ReferentId = null;
        _steps.Add(new TrajectoryStep(Guid.CreateVersion7(now), TrajectoryStepKind.Transferred, now, actorId, toPoleId, null, null, null, why));
        UpdatedAt = now;
        Raise(new ProjectTransferred(this, from, toPoleId, why, actorId, now));
    }

    /// <summary>
    /// Whether the trajectory can still take a step of this kind: the one rule for the steps other domain
    /// types append (referrals, financing, the révélateur). A closed project's trajectory no longer moves,
    /// except that a referral left open can still lapse or be withdrawn; a draft has no trajectory yet,
    /// except the révélateur's study that it comes from.
    /// </summary>
    public bool TrajectoryCanTake(TrajectoryStepKind kind) => Status switch
    {
        ProjectStatus.Closed => kind is TrajectoryStepKind.ReferralExpired or TrajectoryStepKind.ReferralWithdrawn,
        ProjectStatus.Draft => kind is TrajectoryStepKind.TerritoryNeedRaised or TrajectoryStepKind.OpportunityStudyConcluded or TrajectoryStepKind.HandedOverToPorteur,
        _ => true,
    };

    /// <summary>A step another domain type appends (a referral's move, a financing decision, a révélateur step), under <see cref="TrajectoryCanTake"/>.</summary>
    internal void RecordStep(TrajectoryStepKind kind, Guid actorId, DateTimeOffset at, Guid? poleId, Guid structureId, Guid programmeId, string? outcome, string? reason)
    {
        EnsureTrajectoryCanTake(kind);
        _steps.Add(new TrajectoryStep(Guid.CreateVersion7(at), kind, at, actorId, poleId, structureId, programmeId, outcome, reason is { Length: > TrajectoryStep.ReasonMaxLength } ? reason[..TrajectoryStep.ReasonMaxLength] : reason));
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
    }

    /// <summary>Refuses, with a message for a person, a step the trajectory cannot take: callers check before they change anything.</summary>
    internal void EnsureTrajectoryCanTake(TrajectoryStepKind kind)
    {
        if (!TrajectoryCanTake(kind))
        {
            throw new DomainException(Status == ProjectStatus.Closed
                ? "Ce projet est clos : son parcours ne peut plus avancer."
                : "Ce projet n'est pas encore déposé : son parcours ne peut pas avancer.");
        }
    }

    /// <summary>
    /// A welcomed project that enters a programme is in support, through the transition table (no step of
    /// its own: the referral's step says it). A project already in support, or paused, stays as it is.
    /// </summary>
    internal void EnterSupport(DateTimeOffset now)
    {
        if (Can(ProjectAction.StartSupport))
        {
            Transition(ProjectAction.StartSupport);
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// Whether the porteurs let this structure see the project: a referral to one of its programmes needs it, and
    /// the structure sees the project's shared view only while it holds.
    /// </summary>
    public bool SharesWith(Guid structureId) => _sharing.Any(s => s.StructureId == structureId && s.Given);

    /// <summary>
    /// A porteur gives or withdraws the consent to share the project with one partner structure, at any time and
    /// whatever the project's status (a withdrawal stops new referrals to that structure and hides the project
    /// from it; what the structure already recorded stays with it). No change, no event.
    /// </summary>
    public void ChangeSharing(Guid structureId, bool given, Guid porteurId, DateTimeOffset now)
    {
        EnsureMember(porteurId);
        if (AnonymisedAt is not null)
        {
            throw new DomainException("Ce projet est anonymisé : il n'est plus partagé.");
        }

        var consent = _sharing.SingleOrDefault(s => s.StructureId == structureId);
        if ((consent?.Given ?? false) == given)
        {
            return;
        }

        if (consent is null)
        {
            consent = new SharingConsent(structureId, now);
            _sharing.Add(consent);
        }

        consent.Change(given, porteurId, now);
        UpdatedAt = now;
        Raise(new SharingConsentChanged(this, structureId, given, porteurId, now));
    }

    /// <summary>The pôle asks the porteurs to let a structure see the project (they decide in their space).</summary>
    public void AskForSharing(Guid structureId, Guid actorId, DateTimeOffset now)
    {
        Ensure(ProjectAction.AskForSharing, "L'accord des porteurs ne peut être demandé que pour un projet déposé et en cours.");
        if (SharesWith(structureId))
        {
            throw new DomainException("Les porteurs partagent déjà leur projet avec cette structure.");
        }

        var consent = _sharing.SingleOrDefault(s => s.StructureId == structureId);
        if (consent is null)
        {
            consent = new SharingConsent(structureId, now);
            _sharing.Add(consent);
        }

        consent.Requested(now);
        Raise(new SharingConsentRequested(this, structureId, actorId, now));
    }

    public void AddCoPorteur(Guid userId, DateTimeOffset now)
    {
        EnsureOpenForPorteurs();
        if (IsMember(userId))
        {
            throw new DomainException("Vous faites déjà partie de ce projet.");
        }

        _members.Add(new ProjectMember(userId, MemberRole.CoPorteur, now));
        UpdatedAt = now;
    }

    /// <summary>The owner removes a co-porteur.</summary>
    public void RemoveCoPorteur(Guid ownerId, Guid userId, DateTimeOffset now)
    {
        if (!IsOwner(ownerId))
        {
            throw new DomainException("Seul le porteur principal peut retirer un co-porteur.");
        }

        var member = _members.SingleOrDefault(m => m.UserId == userId && m.Role == MemberRole.CoPorteur)
            ?? throw new DomainException("Cette personne n'est pas co-porteuse du projet.");
        _members.Remove(member);
        UpdatedAt = now;
    }

    /// <summary>A co-porteur leaves the project.</summary>
    public void Leave(Guid userId, DateTimeOffset now)
    {
        var member = _members.SingleOrDefault(m => m.UserId == userId)
            ?? throw new DomainException("Vous ne faites pas partie de ce projet.");
        if (member.Role == MemberRole.Owner)
        {
            throw new DomainException("Le porteur principal ne peut pas quitter son projet ; il peut supprimer son compte, le projet revenant alors à un co-porteur.");
        }

        _members.Remove(member);
        UpdatedAt = now;
    }

    /// <summary>
    /// A porteur deletes their account: they leave the project; an owner hands it to the earliest
    /// co-porteur, or, being the last porteur, the project is anonymised (kept for statistics).
    /// </summary>
    public void ForgetMember(Guid userId, DateTimeOffset now)
    {
        var member = _members.SingleOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            return;
        }

        _members.Remove(member);
        if (member.Role == MemberRole.Owner)
        {
            if (_members.OrderBy(m => m.JoinedAt).FirstOrDefault() is { } successor)
            {
                successor.BecomeOwner();
            }
            else
            {
                Anonymise(now);
            }
        }

        UpdatedAt = now;
    }

    private void Anonymise(DateTimeOffset now)
    {
        Title = "Projet anonymisé";
        Summary = null;
        SocialNeed = null;
        HeardFrom = null;
        AnonymisedAt = now;
    }

    private void Apply(ProjectDetails details)
    {
        Title = details.Title;
        Summary = details.Summary;
        SocialNeed = details.SocialNeed;
        Origin = details.Origin;
        SectorCode = details.SectorCode;
        LegalFormCode = details.LegalFormCode;
        Stage = details.Stage;
        CommuneCode = details.CommuneCode;
        Needs = details.Needs;
        PeopleCount = details.PeopleCount;
        HeardFrom = details.HeardFrom;
    }

    private void Ensure(ProjectAction action, string message)
    {
        if (!Can(action))
        {
            throw new DomainException(message);
        }
    }

    private void EnsureMember(Guid userId)
    {
        if (!IsMember(userId))
        {
            throw new DomainException("Vous ne faites pas partie de ce projet.");
        }
    }

    private void EnsureOpenForPorteurs()
    {
        if (Status == ProjectStatus.Closed)
        {
            throw new DomainException("Ce projet est clos.");
        }
    }

    private void Transition(ProjectAction action)
    {
        if (Transitions[action].To is { } next)
        {
            Status = next;
        }
    }

    private void Move(ProjectAction action, TrajectoryStepKind kind, Guid actorId, DateTimeOffset now, Guid? poleId = null, Guid? structureId = null, Guid? programmeId = null, string? outcome = null, string? reason = null)
    {
        Transition(action);
        _steps.Add(new TrajectoryStep(Guid.CreateVersion7(now), kind, now, actorId, poleId, structureId, programmeId, outcome, reason));
        UpdatedAt = now;
    }
}
