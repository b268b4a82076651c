using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Domain.Projects;

/// <summary>
/// What a porteur says about their project. A draft may be incomplete; <see cref="MissingForSubmission"/>
/// lists what submission requires. Lengths are checked here, once, for every layer.
/// </summary>
public sealed record ProjectDetails
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 4000;
    public const int SocialNeedMaxLength = 2000;
    public const int HeardFromMaxLength = 200;

    /// <summary>The sector and the legal form are values of the editable lists: they hold a list code.</summary>
    public const int CodeMaxLength = ListItem.CodeMaxLength;

    public const int MinPeople = 1;
    public const int MaxPeople = 500;

    public ProjectDetails(
        string? title,
        string? summary,
        string? socialNeed,
        ProjectOrigin origin,
        string? sectorCode,
        string? legalFormCode,
        ProjectStage? stage,
        string? communeCode,
        SupportNeeds needs,
        int? peopleCount,
        string? heardFrom)
    {
        Title = Guard.Required(title, TitleMaxLength, "Le nom du projet");
        Summary = Guard.Optional(summary, SummaryMaxLength, "La description");
        SocialNeed = Guard.Optional(socialNeed, SocialNeedMaxLength, "Le besoin social");
        Origin = Enum.IsDefined(origin) ? origin : throw new DomainException("L'origine du projet n'est pas valide.");
        SectorCode = Guard.Optional(sectorCode, CodeMaxLength, "Le secteur");
        LegalFormCode = Guard.Optional(legalFormCode, CodeMaxLength, "La forme juridique");
        Stage = stage is null || Enum.IsDefined(stage.Value) ? stage : throw new DomainException("Le stade du projet n'est pas valide.");
        CommuneCode = Guard.Optional(communeCode, Commune.CodeLength, "La commune");
        Needs = (needs & ~(SupportNeeds.Formation | SupportNeeds.Accompagnement | SupportNeeds.Financement)) == 0
            ? needs
            : throw new DomainException("Les besoins indiqués ne sont pas valides.");
        PeopleCount = peopleCount is null or (>= MinPeople and <= MaxPeople)
            ? peopleCount
            : throw new DomainException($"Le nombre de personnes doit être compris entre {MinPeople} et {MaxPeople}.");
        HeardFrom = Guard.Optional(heardFrom, HeardFromMaxLength, "La façon dont vous avez connu le programme");
    }

    public string Title { get; }

    public string? Summary { get; }

    public string? SocialNeed { get; }

    public ProjectOrigin Origin { get; }

    public string? SectorCode { get; }

    public string? LegalFormCode { get; }

    public ProjectStage? Stage { get; }

    public string? CommuneCode { get; }

    public SupportNeeds Needs { get; }

    public int? PeopleCount { get; }

    public string? HeardFrom { get; }

    /// <summary>The fields, by French label, that a submission still needs.</summary>
    public IReadOnlyList<string> MissingForSubmission()
    {
        var missing = new List<string>();
        if (Summary is null)
        {
            missing.Add("la description de l'idée");
        }

        if (SocialNeed is null)
        {
            missing.Add("le besoin social auquel elle répond");
        }

        if (CommuneCode is null)
        {
            missing.Add("la commune");
        }

        if (PeopleCount is null)
        {
            missing.Add("le nombre de personnes impliquées");
        }

        if (SectorCode is null)
        {
            missing.Add("le secteur d'activité");
        }

        if (LegalFormCode is null)
        {
            missing.Add("la forme juridique envisagée");
        }

        if (Stage is null)
        {
            missing.Add("le stade du projet");
        }

        if (Needs == SupportNeeds.None)
        {
            missing.Add("au moins un besoin");
        }

        return missing;
    }
}
