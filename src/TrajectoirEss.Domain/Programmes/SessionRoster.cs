using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Support;

namespace TrajectoirEss.Domain.Programmes;

/// <summary>
/// The rules of a session's places: enrolment within capacity, the jury's selection with a waiting list,
/// moving up from the waiting list when a place frees, and completion with the programme's outcomes.
/// Every move also moves the referral, and so the project's trajectory.
/// </summary>
public sealed class SessionRoster(Session session, IReadOnlyList<Enrolment> enrolments)
{
    /// <summary>Before the jury's reason in the reason of the referral of a project not selected.</summary>
    public const string NotSelectedPrefix = "Non retenu par le jury : ";

    /// <summary>
    /// The jury's reason for not selecting a project: kept on the enrolment, and after <see cref="NotSelectedPrefix"/>
    /// as the reason of the referral, so it must fit both.
    /// </summary>
    public static int JuryReasonMaxLength { get; } = Math.Min(Enrolment.ReasonMaxLength, Referral.ReasonMaxLength - NotSelectedPrefix.Length);

    public Session Session { get; } = session ?? throw new ArgumentNullException(nameof(session));

    public int PlacesTaken => enrolments.Count(e => e.TakesPlace);

    public int PlacesLeft => Session.Capacity - PlacesTaken;

    /// <summary>Enrols a project whose referral to this programme was accepted (non-selective programmes).</summary>
    public Enrolment Enrol(Project project, Referral referral, int people, Guid staffId, DateTimeOffset now)
    {
        CheckCandidate(project, referral, people);
        if (Session.IsSelective)
        {
            throw new DomainException("Les places de cette promotion sont attribuées par le jury : enregistrez une candidature.");
        }

        if (PlacesLeft <= 0)
        {
            throw new DomainException($"La session est complète ({Session.Capacity} places).");
        }

        var enrolment = new Enrolment(Guid.CreateVersion7(now), Session.Id, project.Id, referral.Id, EnrolmentStatus.Enrolled, people, now);
        referral.Start(project, staffId, now);
        return enrolment;
    }

    /// <summary>A candidacy to a selective promotion, decided later by the jury.</summary>
    public Enrolment Apply(Project project, Referral referral, int people, DateTimeOffset now)
    {
        CheckCandidate(project, referral, people);
        if (!Session.IsSelective)
        {
            throw new DomainException("Cette session n'a pas de jury : inscrivez directement le projet.");
        }

        return new Enrolment(Guid.CreateVersion7(now), Session.Id, project.Id, referral.Id, EnrolmentStatus.Applied, people, now);
    }

    public void Select(Enrolment enrolment, Project project, Referral referral, Guid staffId, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        if (PlacesLeft <= 0)
        {
            throw new DomainException($"La promotion est complète ({Session.Capacity} places) : placez le projet sur la liste d'attente.");
        }

        enrolment.Select(now);
        referral.Start(project, staffId, now);
    }

    public void PutOnWaitingList(Enrolment enrolment, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        var last = enrolments.Where(e => e.Status == EnrolmentStatus.WaitingList).Select(e => e.WaitingRank ?? 0).DefaultIfEmpty(0).Max();
        enrolment.PutOnWaitingList(last + 1, now);
    }

    public void Reject(Enrolment enrolment, Project project, Referral referral, string? reason, Guid staffId, DateTimeOffset now)
    {
        CheckDecision(enrolment);
        var why = Guard.Required(reason, JuryReasonMaxLength, "Le motif");
        enrolment.Reject(why, now);
        referral.Abandon(project, staffId, NotSelectedPrefix + why, now);
    }

    /// <summary>A project leaves; in a selective promotion the first of the waiting list takes the place.</summary>
    public Enrolment? Leave(Enrolment enrolment, Project project, Referral referral, string? reason, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("Seul un projet inscrit peut quitter la session.");
        }

        var why = Guard.Required(reason, Enrolment.ReasonMaxLength, "Le motif");
        enrolment.Leave(why, now);
        referral.Abandon(project, staffId, why, now);
        return Session.IsSelective
            ? enrolments.Where(e => e.Status == EnrolmentStatus.WaitingList).OrderBy(e => e.WaitingRank).FirstOrDefault()
            : null;
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

        enrolment.Complete(outcome, note, outcome == EnrolmentOutcome.CompanyCreated ? company : null, outcome == EnrolmentOutcome.CompanyCreated ? jobs : null, now);
        if (outcome == EnrolmentOutcome.Left)
        {
            referral.Abandon(project, staffId, note ?? "Sorti du programme", now);
        }
        else
        {
            referral.Complete(project, staffId, Enrolment.Label(outcome), now);
        }
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

        if (referral.Status != ReferralStatus.Accepted)
        {
            throw new DomainException("Acceptez d'abord l'orientation de ce projet.");
        }

        if (enrolments.Any(e => e.ProjectId == project.Id && e.Status is not (EnrolmentStatus.NotSelected or EnrolmentStatus.Left)))
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

        if (enrolment.Status is not (EnrolmentStatus.Applied or EnrolmentStatus.WaitingList))
        {
            throw new DomainException("Le jury ne décide que des candidatures en attente.");
        }
    }
}
