namespace TrajectoirEss.Domain.Indicators;

/// <summary>The programme's indicators, each with one written definition (shown on the dashboard and in the README).</summary>
public enum Indicator
{
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
    ReferralsAnsweredWithin10Days = 12,
    DaysToFirstReferral = 13,
    DaysBetweenProgrammes = 14,
}

/// <summary>What an indicator counts, and how: people or projects, which event, which date decides the period.</summary>
public sealed record IndicatorDefinition(Indicator Code, string Label, string Definition, bool CountsPeople, bool IsAmount = false, bool IsRate = false)
{
    /// <summary>The pôles' values add up to the total (counts, sums, amounts; not medians nor rates): a masked cell must not be deducible from the total.</summary>
    public bool IsAdditive => !IsRate;
}

public static class Indicators
{
    /// <summary>The delay within which a structure's answer to a referral counts as prompt (the indicator "… en moins de 10 jours").</summary>
    public const int AnswerDelayDays = 10;

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new(Indicator.PorteursWelcomed, "Porteurs accueillis", "Nombre de personnes déclarées sur les projets accueillis par un pôle ESS pendant la période (date du premier accueil, c'est-à-dire du premier rendez-vous).", CountsPeople: true),
        new(Indicator.ProjectsWelcomed, "Projets accueillis", "Projets dont le premier accueil par un pôle ESS a eu lieu pendant la période.", CountsPeople: false),
        new(Indicator.IdeasExplored, "Idées explorées avec l'idéateur", "Projets entrés dans une session d'un idéateur TAg BZH pendant la période (date d'entrée dans le programme).", CountsPeople: false),
        new(Indicator.OpportunityStudies, "Études d'opportunité du révélateur", "Études d'opportunité du révélateur TAg BZH conclues pendant la période (date de conclusion), quelle que soit leur conclusion.", CountsPeople: false),
        new(Indicator.CreopssPeople, "Personnes inscrites à Creopss", "Personnes inscrites à une session Creopss de la Scic Kejal pendant la période (date d'inscription ; un projet peut inscrire plusieurs porteurs).", CountsPeople: true),
        new(Indicator.IncubatedProjects, "Projets accompagnés par l'incubateur", "Projets retenus dans une promotion d'un incubateur TAg BZH dont les dates croisent la période.", CountsPeople: false),
        new(Indicator.StudiesFinanced, "Études financées", "Demandes Cap création ESS et fonds de confiance accordées par le comité pendant la période (date de décision).", CountsPeople: false),
        new(Indicator.AmountGranted, "Montants accordés (Cap création ESS et fonds de confiance)", "Somme des montants accordés par le comité pendant la période (date de décision), en euros.", CountsPeople: false, IsAmount: true),
        new(Indicator.CompaniesCreated, "Entreprises créées", "Projets dont la création d'entreprise a été enregistrée pendant la période : clôture « entreprise créée » par le pôle ou issue « entreprise créée » d'un programme (date de l'enregistrement).", CountsPeople: false),
        new(Indicator.Jobs, "Emplois créés", "Emplois déclarés à la création des entreprises enregistrée pendant la période.", CountsPeople: true),
        new(Indicator.MedianDaysToFirstContact, "Délai médian avant le premier contact (jours)", "Médiane, pour les projets accueillis pendant la période, du nombre de jours entre le dépôt en ligne et le premier accueil.", CountsPeople: false, IsRate: true),
        new(Indicator.ReferralsAnsweredWithin10Days, $"Orientations traitées en moins de {AnswerDelayDays} jours (%)", $"Part des orientations proposées pendant la période auxquelles la structure a répondu (acceptation ou refus) en {AnswerDelayDays} jours au plus.", CountsPeople: false, IsRate: true),
    ];

    /// <summary>
    /// The delays along the trajectories, shown with the flows between programmes (median and quartiles, for the
    /// region within the filters), not by pôle.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> PathDelays { get; } =
    [
        new(Indicator.DaysToFirstReferral, "Délai entre l'accueil et la première orientation (jours)", "Pour les projets accueillis pendant la période puis orientés, nombre de jours entre leur premier accueil par un pôle ESS pendant la période et la première orientation proposée ensuite vers un programme ; médiane et quartiles.", CountsPeople: false, IsRate: true),
        new(Indicator.DaysBetweenProgrammes, "Délai entre deux programmes (jours)", "Pour les projets accueillis pendant la période, à chaque passage d'un programme au suivant de leur parcours (les flux entre programmes, par exemple idéateur → incubateur), nombre de jours entre la fin du premier (issue ou abandon) et l'entrée dans le suivant, 0 quand le suivant a commencé avant la fin du premier ; médiane et quartiles par paire de programmes.", CountsPeople: false, IsRate: true),
    ];

    /// <summary>Every definition the dashboard shows (and the README states): the indicators, then the delays.</summary>
    public static IReadOnlyList<IndicatorDefinition> Documented { get; } = [.. All, .. PathDelays];

    public static IndicatorDefinition Of(Indicator code) => Documented.Single(d => d.Code == code);

    /// <summary>
    /// A figure derived from at least one and fewer than this many records (people, projects, studies, referrals…)
    /// could identify someone: it is masked (<see cref="Figure.IsMasked"/>, the one place the rule is applied).
    /// </summary>
    public const int SmallCellThreshold = 3;
}
