using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Domain.Programmes;

public enum EnrolmentStatus
{
    /// <summary>A candidacy to a selective promotion, before the jury.</summary>
    Applied = 1,
    WaitingList = 2,
    NotSelected = 3,
    Enrolled = 4,
    Completed = 5,
    Left = 6,
}

/// <summary>How a project's time in a programme ended; which ones apply depends on the programme.</summary>
public enum EnrolmentOutcome
{
    Go = 1,
    NoGo = 2,
    StudyPositive = 3,
    StudyNegative = 4,
    CompanyCreated = 5,
    Completed = 6,
    Certified = 7,
    Left = 8,
}

/// <summary>A project in a session: applied, selected or waiting, enrolled, then completed with an outcome, or left.</summary>
public sealed class Enrolment
{
    public const int NoteMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    /// <summary>The most jobs a created company may declare: beyond, the figure is not plausible for the programme's companies.</summary>
    public const int MaxJobs = 10_000;

    internal Enrolment(Guid id, Guid sessionId, Guid projectId, Guid referralId, EnrolmentStatus status, int people, DateTimeOffset now)
    {
        Id = id;
        SessionId = sessionId;
        ProjectId = projectId;
        ReferralId = referralId;
        Status = status;
        People = people;
        CreatedAt = now;
        EnrolledAt = status == EnrolmentStatus.Enrolled ? now : null;
    }

    private Enrolment()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid ReferralId { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    /// <summary>How many of the project's porteurs take part (a training may enrol only some).</summary>
    public int People { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>Position on the waiting list (1 is next).</summary>
    public int? WaitingRank { get; private set; }

    public DateTimeOffset? EnrolledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public EnrolmentOutcome? Outcome { get; private set; }

    /// <summary>The note d'intention (idéateur), the study's conclusion (révélateur), or any closing note.</summary>
    public string? Note { get; private set; }

    public string? CompanyLegalFormCode { get; private set; }

    public DateOnly? CompanyCreatedOn { get; private set; }

    public string? Siret { get; private set; }

    public int? Jobs { get; private set; }

    /// <summary>A candidacy the jury has still to decide (selected, waiting list or not selected).</summary>
    public static readonly IReadOnlyList<EnrolmentStatus> AwaitingJuryStatuses = [EnrolmentStatus.Applied, EnrolmentStatus.WaitingList];

    /// <summary>A project whose enrolment is in one of these is no longer in the session (it may apply again).</summary>
    public static readonly IReadOnlyList<EnrolmentStatus> OutOfSessionStatuses = [EnrolmentStatus.NotSelected, EnrolmentStatus.Left];

    /// <summary>The statuses that take a place in the session (its capacity counts them).</summary>
    public static readonly IReadOnlyList<EnrolmentStatus> PlaceTakingStatuses = [EnrolmentStatus.Enrolled, EnrolmentStatus.Completed];

    /// <summary>Takes a place in the session.</summary>
    public bool TakesPlace => PlaceTakingStatuses.Contains(Status);

    public static IReadOnlyList<EnrolmentOutcome> OutcomesFor(ProgrammeType type) => type switch
    {
        ProgrammeType.Ideateur => [EnrolmentOutcome.Go, EnrolmentOutcome.NoGo],
        ProgrammeType.Revelateur => [EnrolmentOutcome.StudyPositive, EnrolmentOutcome.StudyNegative],
        ProgrammeType.Incubateur => [EnrolmentOutcome.CompanyCreated, EnrolmentOutcome.Left],
        ProgrammeType.Creopss => [EnrolmentOutcome.Completed, EnrolmentOutcome.Certified, EnrolmentOutcome.Left],
        ProgrammeType.ScopScicSupport => [EnrolmentOutcome.CompanyCreated, EnrolmentOutcome.Completed, EnrolmentOutcome.Left],
        _ => [EnrolmentOutcome.Completed, EnrolmentOutcome.Left],
    };

    public static string Label(EnrolmentOutcome outcome) => outcome switch
    {
        EnrolmentOutcome.Go => "Go",
        EnrolmentOutcome.NoGo => "No-go",
        EnrolmentOutcome.StudyPositive => "Étude d'opportunité concluante",
        EnrolmentOutcome.StudyNegative => "Étude d'opportunité non concluante",
        EnrolmentOutcome.CompanyCreated => "Entreprise créée",
        EnrolmentOutcome.Completed => "Parcours terminé",
        EnrolmentOutcome.Certified => "Certifié",
        EnrolmentOutcome.Left => "Sorti du programme",
        _ => outcome.ToString(),
    };

    public static string Label(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Applied => "Candidat",
        EnrolmentStatus.WaitingList => "Liste d'attente",
        EnrolmentStatus.NotSelected => "Non retenu",
        EnrolmentStatus.Enrolled => "Inscrit",
        EnrolmentStatus.Completed => "Terminé",
        EnrolmentStatus.Left => "Sorti",
        _ => status.ToString(),
    };

    internal void Select(DateTimeOffset now)
    {
        Status = EnrolmentStatus.Enrolled;
        DecidedAt ??= now;
        EnrolledAt = now;
        WaitingRank = null;
    }

    internal void PutOnWaitingList(int rank, DateTimeOffset now)
    {
        Status = EnrolmentStatus.WaitingList;
        WaitingRank = rank;
        DecidedAt = now;
    }

    internal void Reject(string reason, DateTimeOffset now)
    {
        Status = EnrolmentStatus.NotSelected;
        DecisionReason = reason;
        DecidedAt = now;
        WaitingRank = null;
    }

    internal void Leave(string reason, DateTimeOffset now)
    {
        Status = EnrolmentStatus.Left;
        Outcome = EnrolmentOutcome.Left;
        DecisionReason = reason;
        CompletedAt = now;
    }

    internal void Complete(EnrolmentOutcome outcome, string? note, CompanyCreation? company, int? jobs, DateTimeOffset now)
    {
        Status = outcome == EnrolmentOutcome.Left ? EnrolmentStatus.Left : EnrolmentStatus.Completed;
        Outcome = outcome;
        Note = Guard.Optional(note, NoteMaxLength, "La note");
        CompanyLegalFormCode = company?.LegalFormCode;
        CompanyCreatedOn = company?.CreatedOn;
        Siret = company?.Siret;
        Jobs = jobs;
        CompletedAt = now;
    }
}
