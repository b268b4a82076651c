using TrajectoirEss.Domain.Indicators;
using DashboardIndicators = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Domain.Evaluation;

/// <summary>The measures the portal computes from its records, that a computed evaluation indicator chooses from.</summary>
public enum MeasureCode
{
    // The dashboard's indicators (their definitions are the dashboard's, the same text).
    PorteursWelcomed = 1,
    ProjectsWelcomed = 2,
    IdeasExplored = 3,
    OpportunityStudies = 4,
    CreopssPeople = 5,
    IncubatedProjects = 6,
    StudiesFinanced = 7,
    AmountGranted = 8,
    CompaniesCreated = 9,
    Jobs = 10,
    MedianDaysToFirstContact = 11,
    ReferralsAnsweredWithinDeadline = 12,
    MedianDaysToFirstReferral = 13,

    // The evaluation's own measures.
    SecondProgrammeShare = 101,
    CollectiveProjectsShare = 102,
    CompaniesPer100Welcomed = 103,
    JobsPerCompany = 104,
    RuralPorteursShare = 105,
    DistinctStructuresPerTrajectory = 106,
}

/// <summary>A measure: its label, its definition (one per measure, shown wherever it is), its unit and the way its figure is masked.</summary>
public sealed record MeasureDefinition(MeasureCode Code, string Label, string Definition, MeasureUnit Unit, Indicator? DashboardIndicator = null);

/// <summary>
/// The catalogue of computed measures, written once in code. A measure that is a dashboard indicator takes the
/// dashboard's label and definition (<see cref="DashboardIndicators.Of"/>): one text for both, so the evaluation and
/// the dashboard can never define "projects welcomed" twice.
/// </summary>
public static class Measures
{
    /// <summary>The population under which a commune is rural for the evaluation (INSEE's threshold of the "unité urbaine").</summary>
    public const int RuralCommuneMaxPopulation = 2_000;

    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        FromDashboard(MeasureCode.PorteursWelcomed, Indicator.PorteursWelcomed, MeasureUnit.Count),
        FromDashboard(MeasureCode.ProjectsWelcomed, Indicator.ProjectsWelcomed, MeasureUnit.Count),
        FromDashboard(MeasureCode.IdeasExplored, Indicator.IdeasExplored, MeasureUnit.Count),
        FromDashboard(MeasureCode.OpportunityStudies, Indicator.OpportunityStudies, MeasureUnit.Count),
        FromDashboard(MeasureCode.CreopssPeople, Indicator.CreopssPeople, MeasureUnit.Count),
        FromDashboard(MeasureCode.IncubatedProjects, Indicator.IncubatedProjects, MeasureUnit.Count),
        FromDashboard(MeasureCode.StudiesFinanced, Indicator.StudiesFinanced, MeasureUnit.Count),
        FromDashboard(MeasureCode.AmountGranted, Indicator.AmountGranted, MeasureUnit.Euros),
        FromDashboard(MeasureCode.CompaniesCreated, Indicator.CompaniesCreated, MeasureUnit.Count),
        FromDashboard(MeasureCode.Jobs, Indicator.Jobs, MeasureUnit.Count),
        FromDashboard(MeasureCode.MedianDaysToFirstContact, Indicator.MedianDaysToFirstContact, MeasureUnit.Days),
        FromDashboard(MeasureCode.ReferralsAnsweredWithinDeadline, Indicator.ReferralsAnsweredWithin10Days, MeasureUnit.Percent),
        FromDashboard(MeasureCode.MedianDaysToFirstReferral, Indicator.DaysToFirstReferral, MeasureUnit.Days),
        new(MeasureCode.SecondProgrammeShare, "Projets qui atteignent un second programme (%)", "Part des projets accueillis pendant la période qui sont entrés ensuite dans au moins deux programmes différents de la chaîne (idéateur, révélateur, incubateur, Creopss, Cap création ESS, fonds de confiance, CAE, URSCOP).", MeasureUnit.Percent),
        new(MeasureCode.CollectiveProjectsShare, "Projets collectifs parmi les projets accueillis (%)", "Part des projets accueillis pendant la période qui comptent au moins deux porteurs déclarés.", MeasureUnit.Percent),
        new(MeasureCode.CompaniesPer100Welcomed, "Entreprises créées pour 100 projets accueillis", "Nombre d'entreprises créées pendant la période pour 100 projets accueillis pendant la même période (un rapport de flux, pas le devenir d'une cohorte).", MeasureUnit.Ratio),
        new(MeasureCode.JobsPerCompany, "Emplois par entreprise créée", "Emplois déclarés à la création des entreprises enregistrée pendant la période, divisés par le nombre de ces entreprises.", MeasureUnit.Ratio),
        new(MeasureCode.RuralPorteursShare, "Porteurs de communes de moins de 2 000 habitants (%)", "Part des porteurs des projets accueillis pendant la période dont le projet est situé dans une commune de moins de 2 000 habitants (population municipale de référence du portail).", MeasureUnit.Percent),
        new(MeasureCode.DistinctStructuresPerTrajectory, "Structures différentes sur un parcours", "Pour les projets accueillis pendant la période et orientés au moins une fois, nombre moyen de structures différentes dont ils ont suivi un programme (la coopération vue depuis les parcours).", MeasureUnit.Ratio),
    ];

    public static MeasureDefinition Of(MeasureCode code) =>
        All.SingleOrDefault(m => m.Code == code) ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown measure.");

    public static bool Exists(MeasureCode code) => All.Any(m => m.Code == code);

    private static MeasureDefinition FromDashboard(MeasureCode code, Indicator indicator, MeasureUnit unit)
    {
        var definition = DashboardIndicators.Of(indicator);
        return new(code, definition.Label, definition.Definition, unit, indicator);
    }
}
