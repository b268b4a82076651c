using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Admin.PublicAuthorities;

/// <summary>The list's search and filter, from the query string.</summary>
public sealed class PublicAuthorityFilter
{
    [StringLength(SearchText.MaxLength)]
    public string? Q { get; set; }

    public PublicAuthorityKind? Type { get; set; }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;
}

public sealed record PublicAuthorityLine(Guid Id, string Name, PublicAuthorityKind Kind, string? Departement, int Accounts, bool IsActive);

public sealed record PublicAuthorityListPage(PublicAuthorityFilter Filter, IReadOnlyList<PublicAuthorityLine> Lines, Paging Paging);

/// <summary>A public authority's name, kind, département and contact.</summary>
public sealed class PublicAuthorityInput
{
    [Display(Name = "Nom de l'autorité publique")]
    [Required(ErrorMessage = "Le nom de l'autorité publique est obligatoire.")]
    [StringLength(PublicAuthority.NameMaxLength, ErrorMessage = "Le nom de l'autorité publique ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Type d'autorité publique")]
    public PublicAuthorityKind? Kind { get; set; }

    [Display(Name = "Département")]
    public string? DepartementCode { get; set; }

    [Display(Name = "Adresse électronique")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple contact@exemple.fr.")]
    [StringLength(PublicAuthority.EmailMaxLength, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string? Email { get; set; }

    [Display(Name = "Site web")]
    [Url(ErrorMessage = "Saisissez l'adresse complète du site, par exemple https://www.exemple.fr.")]
    [StringLength(PublicAuthority.WebsiteMaxLength, ErrorMessage = "Le site web ne doit pas dépasser {1} caractères.")]
    public string? Website { get; set; }

    public uint Version { get; set; }

    public static PublicAuthorityInput From(PublicAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return new PublicAuthorityInput
        {
            Name = authority.Name,
            Kind = authority.Kind,
            DepartementCode = authority.DepartementCode,
            Email = authority.Email,
            Website = authority.Website,
            Version = authority.Version,
        };
    }

    public IReadOnlyList<(string Label, string? Value)> Describe() =>
        [("Nom", Name), ("Type", Kind?.Label()), ("Département", DepartementCode), ("Adresse électronique", Email), ("Site web", Website)];
}

public sealed class PublicAuthorityEditPage
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required bool IsActive { get; init; }

    public required int Accounts { get; init; }

    public required PublicAuthorityInput Input { get; init; }

    public required uint StoredVersion { get; init; }

    public required IReadOnlyList<ConflictLine> Conflict { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }
}
