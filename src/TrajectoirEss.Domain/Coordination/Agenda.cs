using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>What an agenda item is for.</summary>
public enum AgendaItemKind
{
    Information = 1,
    Analysis = 2,
    Decision = 3,

    /// <summary>The review of the commitments (engagements) since the last session.</summary>
    CommitmentsReview = 4,
}

/// <summary>What an agenda item can point at, for the members to read before and during the session.</summary>
public enum AgendaLinkKind
{
    /// <summary>A figure of the dashboards, by its key.</summary>
    DashboardFigure = 1,

    /// <summary>A section of the reading pack, by its key.</summary>
    ReadingPackSection = 2,

    /// <summary>The list of commitments (no key).</summary>
    Commitments = 3,

    /// <summary>The shared reading of the evaluation scheduled at the session (no key: the session says which).</summary>
    EvaluationReading = 4,
}

public static class AgendaLabels
{
    public static string Label(this AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Information => "Information",
        AgendaItemKind.Analysis => "Analyse",
        AgendaItemKind.Decision => "Décision",
        AgendaItemKind.CommitmentsReview => "Revue des engagements",
        _ => kind.ToString(),
    };

    public static string Label(this AgendaLinkKind kind) => kind switch
    {
        AgendaLinkKind.DashboardFigure => "Chiffre du tableau de bord",
        AgendaLinkKind.ReadingPackSection => "Partie du dossier de séance",
        AgendaLinkKind.Commitments => "Engagements",
        AgendaLinkKind.EvaluationReading => "Lecture partagée de l'évaluation",
        _ => kind.ToString(),
    };
}

/// <summary>The target of an agenda item: a dashboard figure or a reading-pack section (with its key), the commitments, or the evaluation's shared reading scheduled at the session.</summary>
public sealed record AgendaLink
{
    public const int KeyMaxLength = 100;

    private AgendaLink(AgendaLinkKind kind, string? key)
    {
        Kind = kind;
        Key = key;
    }

    public AgendaLinkKind Kind { get; }

    /// <summary>The figure's or the section's key; null for the commitments and the evaluation's reading.</summary>
    public string? Key { get; }

    public static AgendaLink Commitments { get; } = new(AgendaLinkKind.Commitments, null);

    /// <summary>The shared reading of the evaluation scheduled at the session (the page links the one scheduled there, if any).</summary>
    public static AgendaLink EvaluationReading { get; } = new(AgendaLinkKind.EvaluationReading, null);

    /// <summary>
    /// What an agenda item can point at, with the label the form offers: the sections of the dashboard and of the
    /// reading pack (their keys are the pages' anchors, <see cref="DashboardSections"/> and <see cref="ReadingPackSections"/>),
    /// the commitments, and the evaluation's shared reading scheduled at the session. The one list: the form offers it, <see cref="Target"/> accepts nothing else.
    /// </summary>
    public static IReadOnlyList<(AgendaLink Link, string Label)> Targets { get; } =
    [
        (new AgendaLink(AgendaLinkKind.DashboardFigure, DashboardSections.KeyFigures), "Tableau de bord : les chiffres clés"),
        (new AgendaLink(AgendaLinkKind.DashboardFigure, DashboardSections.ByPole), "Tableau de bord : les chiffres par pôle"),
        (new AgendaLink(AgendaLinkKind.DashboardFigure, DashboardSections.Map), "Tableau de bord : les pôles en un coup d'œil"),
        (new AgendaLink(AgendaLinkKind.DashboardFigure, DashboardSections.Paths), "Tableau de bord : des accueils aux créations"),
        (new AgendaLink(AgendaLinkKind.ReadingPackSection, ReadingPackSections.Indicators), "Dossier de séance : les indicateurs de la période"),
        (new AgendaLink(AgendaLinkKind.ReadingPackSection, ReadingPackSections.Departements), "Dossier de séance : par département"),
        (new AgendaLink(AgendaLinkKind.ReadingPackSection, ReadingPackSections.Poles), "Dossier de séance : par pôle"),
        (new AgendaLink(AgendaLinkKind.ReadingPackSection, ReadingPackSections.Paths), "Dossier de séance : les parcours des projets"),
        (new AgendaLink(AgendaLinkKind.ReadingPackSection, ReadingPackSections.Commitments), "Dossier de séance : les engagements"),
        (Commitments, "Les engagements de la plateforme"),
        (EvaluationReading, "La lecture partagée de l'évaluation inscrite à la séance"),
    ];

    /// <summary>How a form writes a link: "DashboardFigure:par-pole", "Commitments".</summary>
    public string Value => Key is null ? Kind.ToString() : $"{Kind}:{Key}";

    /// <summary>The label of a link of <see cref="Targets"/>, or its kind's and key for one recorded before the list.</summary>
    public string Label => Targets.FirstOrDefault(t => t.Link == this).Label ?? (Key is null ? Kind.Label() : $"{Kind.Label()} : {Key}");

    /// <summary>A link chosen in a form among <see cref="Targets"/> (none when blank), or a domain error on the field "Link".</summary>
    public static AgendaLink? Target(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : Targets.Select(t => t.Link).FirstOrDefault(l => l.Value == value.Trim()) ?? throw new DomainException("Choisissez la cible du lien dans la liste.", "Link");

    /// <summary>A link as a form gives it: the commitments and the evaluation's reading take no key, the others need one.</summary>
    public static AgendaLink Create(AgendaLinkKind kind, string? key) => kind switch
    {
        AgendaLinkKind.Commitments => string.IsNullOrWhiteSpace(key) ? Commitments : throw new DomainException("Le lien vers les engagements ne prend pas de clé.", "LinkKey"),
        AgendaLinkKind.EvaluationReading => string.IsNullOrWhiteSpace(key) ? EvaluationReading : throw new DomainException("Le lien vers la lecture partagée de l'évaluation ne prend pas de clé.", "LinkKey"),
        AgendaLinkKind.DashboardFigure or AgendaLinkKind.ReadingPackSection => new AgendaLink(kind, Guard.Required(key, KeyMaxLength, "La clé du lien", "LinkKey")),
        _ => throw new DomainException("Choisissez la cible du lien.", "LinkKind"),
    };
}

/// <summary>One item of a session's agenda, in its place (<see cref="Position"/>, from 1).</summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 200;
    public const int MinDurationMinutes = 1;

    internal AgendaItem(Guid id, int position, string title, int durationMinutes, AgendaItemKind kind, AgendaLink? link)
    {
        Id = id;
        Position = position;
        Title = title;
        DurationMinutes = durationMinutes;
        Kind = kind;
        Link = link;
    }

    private AgendaItem()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Position { get; internal set; }

    public string Title { get; private set; }

    public int DurationMinutes { get; private set; }

    public AgendaItemKind Kind { get; private set; }

    public AgendaLink? Link { get; private set; }
}

/// <summary>The sections of the coordination dashboard an agenda item can point at: the page's anchors.</summary>
public static class DashboardSections
{
    public const string KeyFigures = "chiffres-cles";
    public const string ByPole = "par-pole";
    public const string Map = "carte";
    public const string Paths = "parcours";
}

/// <summary>The sections of a reading pack: the page's anchors, and what an agenda item can point at.</summary>
public static class ReadingPackSections
{
    public const string Indicators = "pack-indicateurs";
    public const string Departements = "pack-departements";
    public const string Poles = "pack-poles";
    public const string Paths = "pack-parcours";
    public const string Commitments = "pack-engagements";
}
