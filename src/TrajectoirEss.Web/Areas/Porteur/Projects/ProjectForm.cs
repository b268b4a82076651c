using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Porteur.Projects;

/// <summary>The idea submission form, in short sections. Limits come from <see cref="ProjectDetails"/>.</summary>
public sealed class ProjectForm
{
    public const int MaxInvitations = 10;

    /// <summary>Generated when the form is shown: a retried or double-clicked creation finds the same project.</summary>
    public Guid ClientKey { get; set; }

    /// <summary>The row version the person started from (optimistic concurrency).</summary>
    public uint Version { get; set; }

    [Display(Name = "Nom du projet")]
    [Required(ErrorMessage = "Donnez un nom à votre projet, même provisoire.")]
    [StringLength(ProjectDetails.TitleMaxLength, ErrorMessage = "Le nom du projet ne doit pas dépasser {1} caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Votre idée en quelques phrases")]
    [StringLength(ProjectDetails.SummaryMaxLength, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
    public string? Summary { get; set; }

    [Display(Name = "À quel besoin social ou de votre territoire répond-elle ?")]
    [StringLength(ProjectDetails.SocialNeedMaxLength, ErrorMessage = "Le besoin social ne doit pas dépasser {1} caractères.")]
    public string? SocialNeed { get; set; }

    [Display(Name = "Commune où le projet se situe")]
    [StringLength(Domain.Territory.Commune.NameMaxLength, ErrorMessage = "La commune ne doit pas dépasser {1} caractères.")]
    public string? Commune { get; set; }

    /// <summary>Set when the person picked one commune among several of the same name.</summary>
    [StringLength(Domain.Territory.Commune.CodeLength)]
    public string? CommuneCode { get; set; }

    [Display(Name = "Combien de personnes portent le projet, vous compris ?")]
    [Range(ProjectDetails.MinPeople, ProjectDetails.MaxPeople, ErrorMessage = "Indiquez un nombre entre {1} et {2}.")]
    public int? PeopleCount { get; set; }

    [Display(Name = "Adresses électroniques des co-porteurs à inviter (une par ligne, facultatif)")]
    [StringLength(3000, ErrorMessage = "La liste des adresses est trop longue.")]
    public string? CoPorteurEmails { get; set; }

    [Display(Name = "Secteur d'activité")]
    [StringLength(ProjectDetails.CodeMaxLength)]
    public string? SectorCode { get; set; }

    [Display(Name = "Forme juridique envisagée")]
    [StringLength(ProjectDetails.CodeMaxLength)]
    public string? LegalFormCode { get; set; }

    [Display(Name = "Où en est le projet ?")]
    public ProjectStage? Stage { get; set; }

    [Display(Name = "Me former")]
    public bool NeedFormation { get; set; }

    [Display(Name = "Être accompagné")]
    public bool NeedAccompagnement { get; set; }

    [Display(Name = "Trouver un financement")]
    public bool NeedFinancement { get; set; }

    [Display(Name = "Comment avez-vous connu Trajectoir'ESS ?")]
    [StringLength(ProjectDetails.CodeMaxLength)]
    public string? HeardFrom { get; set; }

    [Display(Name = "J'accepte que mes données soient traitées pour l'accompagnement de mon projet (obligatoire pour le déposer)")]
    public bool ConsentProcessing { get; set; }

    public SupportNeeds Needs =>
        (NeedFormation ? SupportNeeds.Formation : SupportNeeds.None)
        | (NeedAccompagnement ? SupportNeeds.Accompagnement : SupportNeeds.None)
        | (NeedFinancement ? SupportNeeds.Financement : SupportNeeds.None);

    /// <summary>The co-porteurs' addresses, one per line (or separated by commas, semicolons or spaces).</summary>
    public IReadOnlyList<string> InvitationAddresses() =>
        (CoPorteurEmails ?? string.Empty)
            .Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public ProjectDetails ToDetails(string? communeCode) =>
        new(Title, Summary, SocialNeed, ProjectOrigin.PorteurIdea, SectorCode, LegalFormCode, Stage, communeCode, Needs, PeopleCount, HeardFrom);

    public static ProjectForm From(Project project, CommuneItem? commune) => new()
    {
        ClientKey = project.Id,
        Version = project.Version,
        Title = project.Title,
        Summary = project.Summary,
        SocialNeed = project.SocialNeed,
        Commune = commune?.Display,
        CommuneCode = commune?.Code,
        PeopleCount = project.PeopleCount,
        SectorCode = project.SectorCode,
        LegalFormCode = project.LegalFormCode,
        Stage = project.Stage,
        NeedFormation = project.Needs.HasFlag(SupportNeeds.Formation),
        NeedAccompagnement = project.Needs.HasFlag(SupportNeeds.Accompagnement),
        NeedFinancement = project.Needs.HasFlag(SupportNeeds.Financement),
        HeardFrom = project.HeardFrom,
    };
}

/// <summary>What the form page needs besides the input: the lists, and the communes to choose from.</summary>
public sealed class ProjectFormPage
{
    public required ProjectForm Form { get; init; }

    public Guid? ProjectId { get; init; }

    public bool IsSubmitted { get; init; }

    public required IReadOnlyList<ListItem> Sectors { get; init; }

    public required IReadOnlyList<ListItem> LegalForms { get; init; }

    public required IReadOnlyList<ListItem> HeardFromOptions { get; init; }

    public IReadOnlyList<CommuneItem> CommuneCandidates { get; set; } = [];

    public PoleContact? Pole { get; set; }
}
