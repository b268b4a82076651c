using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Projects;

public enum TrajectoryStepKind
{
    Submitted = 1,
    Welcomed = 2,
    SupportStarted = 3,
    Closed = 4,
    Reopened = 5,
    Transferred = 6,
    Referred = 7,
    ReferralAccepted = 8,
    ReferralDeclined = 9,
    ReferralInformationRequested = 10,
    ReferralStarted = 11,
    ReferralCompleted = 12,
    ReferralAbandoned = 13,
    ReferralWithdrawn = 14,
    ReferralExpired = 15,
    Paused = 16,
    Resumed = 17,
    InformationAskedFromPorteur = 18,
    FinancingGranted = 19,
    FinancingRefused = 20,
    TerritoryNeedRaised = 21,
    OpportunityStudyConcluded = 22,
    HandedOverToPorteur = 23,
}

/// <summary>
/// One step of a project's trajectory (parcours): what happened, when, who did it, with which
/// organisation, and why. Appended, never changed.
/// </summary>
public sealed class TrajectoryStep
{
    public const int OutcomeMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    internal TrajectoryStep(Guid id, TrajectoryStepKind kind, DateTimeOffset occurredAt, Guid actorId, Guid? poleId, Guid? structureId, Guid? programmeId, string? outcome, string? reason)
    {
        Id = id;
        Kind = kind;
        OccurredAt = occurredAt;
        ActorId = actorId;
        PoleId = poleId;
        StructureId = structureId;
        ProgrammeId = programmeId;
        Outcome = outcome;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public TrajectoryStepKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The account that made the step happen.</summary>
    public Guid ActorId { get; private set; }

    public Guid? PoleId { get; private set; }

    public Guid? StructureId { get; private set; }

    public Guid? ProgrammeId { get; private set; }

    public string? Outcome { get; private set; }

    public string? Reason { get; private set; }

    public static string Label(TrajectoryStepKind kind) => kind switch
    {
        TrajectoryStepKind.Submitted => "Idée déposée",
        TrajectoryStepKind.Welcomed => "Accueil par le pôle ESS",
        TrajectoryStepKind.SupportStarted => "Début de l'accompagnement",
        TrajectoryStepKind.Closed => "Projet clos",
        TrajectoryStepKind.Reopened => "Projet rouvert",
        TrajectoryStepKind.Transferred => "Transfert vers un autre pôle",
        TrajectoryStepKind.Referred => "Orientation proposée",
        TrajectoryStepKind.ReferralAccepted => "Orientation acceptée",
        TrajectoryStepKind.ReferralDeclined => "Orientation refusée",
        TrajectoryStepKind.ReferralInformationRequested => "Informations demandées par la structure",
        TrajectoryStepKind.ReferralStarted => "Entrée dans le programme",
        TrajectoryStepKind.ReferralCompleted => "Programme terminé",
        TrajectoryStepKind.ReferralAbandoned => "Programme abandonné",
        TrajectoryStepKind.ReferralWithdrawn => "Orientation retirée par le pôle",
        TrajectoryStepKind.ReferralExpired => "Orientation expirée sans réponse",
        TrajectoryStepKind.Paused => "Projet mis en pause",
        TrajectoryStepKind.Resumed => "Reprise du projet",
        TrajectoryStepKind.InformationAskedFromPorteur => "Informations demandées par le pôle",
        TrajectoryStepKind.FinancingGranted => "Financement accordé",
        TrajectoryStepKind.FinancingRefused => "Financement refusé",
        TrajectoryStepKind.TerritoryNeedRaised => "Besoin du territoire repéré",
        TrajectoryStepKind.OpportunityStudyConcluded => "Étude d'opportunité du révélateur",
        TrajectoryStepKind.HandedOverToPorteur => "Projet remis à un porteur",
        _ => kind.ToString(),
    };
}
