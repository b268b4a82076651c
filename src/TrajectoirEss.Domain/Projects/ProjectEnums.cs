namespace TrajectoirEss.Domain.Projects;

/// <summary>Where a project stands in the programme. Changes only through the methods of <see cref="Project"/>.</summary>
public enum ProjectStatus
{
    Draft = 1,
    Submitted = 2,
    Welcomed = 3,
    InSupport = 4,
    Closed = 5,

    /// <summary>On hold at the porteurs' request (or without news); resumed later.</summary>
    Paused = 6,
}

/// <summary>How a closed project ended.</summary>
public enum ProjectOutcome
{
    Created = 1,
    Abandoned = 2,
    Reoriented = 3,
}

/// <summary>Stages of maturity, in order (DOMAIN.md §4).</summary>
public enum ProjectStage
{
    Idee = 1,
    Emergence = 2,
    EtudeOpportunite = 3,
    EtudeFaisabilite = 4,
    Creation = 5,
    Demarrage = 6,
    Developpement = 7,
    ChangementEchelle = 8,
}

/// <summary>Where the project comes from.</summary>
public enum ProjectOrigin
{
    /// <summary>A porteur's own idea.</summary>
    PorteurIdea = 1,

    /// <summary>A territory's unmet need, raised by a local authority or a partner (révélateur).</summary>
    TerritoryNeed = 2,
}

/// <summary>The kinds of service a porteur asks for; several at once.</summary>
[Flags]
public enum SupportNeeds
{
    None = 0,
    Formation = 1,
    Accompagnement = 2,
    Financement = 4,
}

public enum MemberRole
{
    Owner = 1,
    CoPorteur = 2,
}

public static class ProjectLabels
{
    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "Brouillon",
        ProjectStatus.Submitted => "Déposé, en attente d'accueil",
        ProjectStatus.Welcomed => "Accueilli par le pôle",
        ProjectStatus.InSupport => "En accompagnement",
        ProjectStatus.Closed => "Clos",
        ProjectStatus.Paused => "En pause",
        _ => status.ToString(),
    };

    public static string Label(this ProjectOutcome outcome) => outcome switch
    {
        ProjectOutcome.Created => "Entreprise créée",
        ProjectOutcome.Abandoned => "Abandonné",
        ProjectOutcome.Reoriented => "Réorienté hors du programme",
        _ => outcome.ToString(),
    };

    public static string Label(this ProjectStage stage) => stage switch
    {
        ProjectStage.Idee => "Idée",
        ProjectStage.Emergence => "Émergence (idéation)",
        ProjectStage.EtudeOpportunite => "Étude d'opportunité",
        ProjectStage.EtudeFaisabilite => "Étude de faisabilité",
        ProjectStage.Creation => "Création",
        ProjectStage.Demarrage => "Démarrage, consolidation",
        ProjectStage.Developpement => "Développement",
        ProjectStage.ChangementEchelle => "Changement d'échelle",
        _ => stage.ToString(),
    };

    public static string Label(this SupportNeeds need) => need switch
    {
        SupportNeeds.Formation => "Me former",
        SupportNeeds.Accompagnement => "Être accompagné",
        SupportNeeds.Financement => "Trouver un financement",
        _ => need.ToString(),
    };

    public static IEnumerable<SupportNeeds> Each(this SupportNeeds needs) =>
        new[] { SupportNeeds.Formation, SupportNeeds.Accompagnement, SupportNeeds.Financement }.Where(n => needs.HasFlag(n));
}
