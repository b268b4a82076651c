using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Programmes;

/// <summary>
/// The rules of a session's places: enrolment within capacity, the jury's selection with a waiting list,
/// moving up from the waiting list when a place frees, and completion with the programme's outcomes.
/// Every move also moves the referral, and so the project's trajectory.
/// </summary>
public sealed class SessionRoster(Session session, IEnumerable<Enrolment> enrolments)
{
    private readonly List<Enrolment> _enrolments = [.. enrolments];

    /// <summary>Before the jury's reason in the reason of the referral of a project not selected.</summary>
    public const string NotSelectedPrefix = "Non retenu par le jury : ";

    /// <summary>
    /// The jury's reason for not selecting a project: kept on the enrolment, and after <see cref="NotSelectedPrefix"/>
    /// as the reason of the referral, so it must fit both.
    /// </summary>
    public static int JuryReasonMaxLength { get; } = Math.Min(Enrolment.ReasonMaxLength, Referral.ReasonMaxLength - NotSelectedPrefix.Length);

    /// <summary>A project enters a session under a referral the structure accepted and that has not started yet.</summary>
    public static readonly IReadOnlyList<ReferralStatus> CandidateReferralStatuses = [ReferralStatus.Accepted];

    public Session Session { get; } = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>The session's enrolments, those this roster made included (the caller adds the new ones to the store).</summary>
    public IReadOnlyList<Enrolment> Enrolments => _enrolments;

    public int PlacesTaken => _enrolments.Count(e => e.TakesPlace);

    public int PlacesLeft => Session.Capacity - PlacesTaken;

    /// <summary>Enrols a project whose referral to this programme was accepted (non-selective programmes).</summary>
    public Enrolment Enrol(Project project, Referral referral, int? people, Guid staffId, DateTimeOffset now)
    {
        var participants = Participants(project, people);
        CheckCandidate(project, referral, participants);
        if (Session.IsSelective)
        {
            throw new DomainException("Les places de cette promotion sont attribuées par le jury : enregistrez une candidature.");
        }

        if (PlacesLeft <= 0)
        {
            throw new DomainException($"La session est complète ({Session.Capacity} places).");
        }

        var enrolment = new Enrolment(Guid.CreateVersion7(now), Session.Id, project.Id, referral.Id, EnrolmentStatus.Enrolled, participants, now);
        referral.Start(project, staffId, now);
        _enrolments.Add(enrolment);
        Session.Raise(new ProjectEnrolled(Session, enrolment, project, referral, staffId, now));
        return enrolment;
    }

    /// <summary>A candidacy to a selective promotion, decided later by the jury.</summary>
    public Enrolment Apply(Project project, Referral referral, int? people, Guid staffId, DateTimeOffset now)
    {
        var participants = Participants(project, people);
        CheckCandidate(project, referral, participants);
        if (!Session.IsSelective)
        {
            throw new DomainException("Cette session n'a pas de jury : inscrivez directement le projet.");
        }

        var enrolment = new Enrolment(Guid.CreateVersion7(now), Session.Id, project.Id, referral.Id, EnrolmentStatus.Applied, participants, now);
        _enrolments.Add(enrolment);
        Session.Raise(new CandidacyRegistered(Session, enrolment, project, referral, staffId, now));
        return enrolment;
    }

    public void Select(Enrolment enrolment, Project project, Referral referral, Guid staffId, DateTimeOffset now)
    {
        TakePlace(enrolment, project, referral, staffId, now);
        Session.Raise(new JuryDecided(Session, enrolment, project, referral, staffId, now));
    }

    public void PutOnWaitingList(Enrolment enrolment, Project project, Referral referral, Guid staffId, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        var last = _enrolments.Where(e => e.Status == EnrolmentStatus.WaitingList).Select(e => e.WaitingRank ?? 0).DefaultIfEmpty(0).Max();
        enrolment.PutOnWaitingList(last + 1, now);
        Session.Raise(new JuryDecided(Session, enrolment, project, referral, staffId, now));
    }

    public void Reject(Enrolment enrolment, Project project, Referral referral, string? reason, Guid staffId, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        var why = Guard.Required(reason, JuryReasonMaxLength, "Le motif");
        referral.Abandon(project, staffId, NotSelectedPrefix + why, now);
        enrolment.Reject(why, now);
        Session.Raise(new JuryDecided(Session, enrolment, project, referral, staffId, now));
    }

    /// <summary>The first of the waiting list: the caller loads its project and referral before a project leaves.</summary>
    public Enrolment? NextOnWaitingList =>
        Session.IsSelective ? _enrolments.Where(e => e.Status == EnrolmentStatus.WaitingList).OrderBy(e => e.WaitingRank).FirstOrDefault() : null;

    /// <summary>
    /// A project leaves; in a selective promotion the first of the waiting list (<see cref="NextOnWaitingList"/>,
    /// given with its project and referral) takes the place.
    /// </summary>
    public void Leave(Enrolment enrolment, Project project, Referral referral, string? reason, Guid staffId, DateTimeOffset now, (Project Project, Referral Referral)? next = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("Seul un projet inscrit peut quitter la session.");
        }

        var waiting = NextOnWaitingList;
        if (waiting is not null && (next is not { } given || given.Project.Id != waiting.ProjectId || given.Referral.Id != waiting.ReferralId))
        {
            throw new InvalidOperationException("The first of the waiting list must be given with its project and referral.");
        }

        var why = Guard.Required(reason, Enrolment.ReasonMaxLength, "Le motif");
        referral.Abandon(project, staffId, why, now);
        enrolment.Leave(why, now);
        Session.Raise(new EnrolmentLeft(Session, enrolment, project, referral, why, staffId, now));

        // The next one takes the place if its referral can still start (the pôle may have withdrawn it meanwhile, or
        // closed the project): otherwise the place stays free for the jury's next decision.
        if (waiting is not null && next is { } promoted
            && promoted.Referral.Can(ReferralAction.Start) && promoted.Project.TrajectoryCanTake(TrajectoryStepKind.ReferralStarted))
        {
            TakePlace(waiting, promoted.Project, promoted.Referral, staffId, now);
            Session.Raise(new PromotedFromWaitingList(Session, waiting, promoted.Project, promoted.Referral, staffId, now));
        }
    }

    /// <summary>Ends a project's time in the programme with one of the programme's outcomes.</summary>
    public void Complete(Enrolment enrolment, Project project, Referral referral, EnrolmentOutcome outcome, string? note, CompanyCreation? company, int? jobs, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("Seul un projet inscrit peut terminer le programme.");
        }

        if (!Enrolment.OutcomesFor(Session.ProgrammeType).Contains(outcome))
        {
            throw new DomainException("Cette issue ne correspond pas à ce programme.");
        }

        if (outcome == EnrolmentOutcome.CompanyCreated && company is null)
        {
            throw new DomainException("Indiquez la forme juridique et la date de création de l'entreprise.");
        }

        if (jobs is < 0 or > Enrolment.MaxJobs)
        {
            throw new DomainException("Le nombre d'emplois n'est pas plausible.");
        }

        if (Session.ProgrammeType == ProgrammeType.Ideateur && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Joignez la note d'intention issue de l'idéateur.");
        }

        if (Session.ProgrammeType == ProgrammeType.Revelateur && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Indiquez la conclusion de l'étude d'opportunité.");
        }

        // The referral first: when the project's trajectory refuses the step, nothing has changed.
        if (outcome == EnrolmentOutcome.Left)
        {
            referral.Abandon(project, staffId, note ?? "Sorti du programme", now);
        }
        else
        {
            referral.Complete(project, staffId, Enrolment.Label(outcome), now);
        }

        enrolment.Complete(outcome, note, outcome == EnrolmentOutcome.CompanyCreated ? company : null, outcome == EnrolmentOutcome.CompanyCreated ? jobs : null, now);

        Session.Raise(new EnrolmentCompleted(Session, enrolment, project, referral, outcome, staffId, now));
    }

    private void TakePlace(Enrolment enrolment, Project project, Referral referral, Guid staffId, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        if (PlacesLeft <= 0)
        {
            throw new DomainException($"La promotion est complète ({Session.Capacity} places) : placez le projet sur la liste d'attente.");
        }

        referral.Start(project, staffId, now);
        enrolment.Select(now);
    }

    /// <summary>How many porteurs take part: as given, or else the number of people the project declares (at least one).</summary>
    public static int Participants(Project project, int? people)
    {
        ArgumentNullException.ThrowIfNull(project);
        return people ?? project.PeopleCount ?? ProjectDetails.MinPeople;
    }

    private void CheckCandidate(Project project, Referral referral, int people)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(referral);
        if (Session.Status == SessionStatus.Finished)
        {
            throw new DomainException("Cette session est terminée.");
        }

        if (referral.ProgrammeId != Session.ProgrammeId || referral.ProjectId != project.Id)
        {
            throw new DomainException("Ce projet n'a pas été orienté vers ce programme.");
        }

        if (!CandidateReferralStatuses.Contains(referral.Status))
        {
            throw new DomainException("Acceptez d'abord l'orientation de ce projet.");
        }

        if (_enrolments.Any(e => e.ProjectId == project.Id && !Enrolment.OutOfSessionStatuses.Contains(e.Status)))
        {
            throw new DomainException("Ce projet est déjà dans cette session.");
        }

        if (people < ProjectDetails.MinPeople || people > ProjectDetails.MaxPeople)
        {
            throw new DomainException($"Indiquez combien de porteurs participent (au moins {ProjectDetails.MinPeople}).");
        }
    }

    private void CheckDecision(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.SessionId != Session.Id)
        {
            throw new DomainException("Cette candidature ne concerne pas cette session.");
        }

        if (!Enrolment.AwaitingJuryStatuses.Contains(enrolment.Status))
        {
            throw new DomainException("Le jury ne décide que des candidatures en attente.");
        }
    }
}
