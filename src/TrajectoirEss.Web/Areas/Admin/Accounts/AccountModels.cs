using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Accounts;

public enum AccountStatus
{
    Active = 1,
    InvitationPending = 2,
    Disabled = 3,
}

public static class AccountStatuses
{
    public static string Label(this AccountStatus status) => status switch
    {
        AccountStatus.Active => "Actif",
        AccountStatus.InvitationPending => "Invitation en attente",
        AccountStatus.Disabled => "Désactivé",
        _ => status.ToString(),
    };

    public static AccountStatus Of(bool isDisabled, bool hasPassword) =>
        isDisabled ? AccountStatus.Disabled : hasPassword ? AccountStatus.Active : AccountStatus.InvitationPending;
}

/// <summary>The list's search and filters, from the query string.</summary>
public sealed class AccountFilter
{
    [StringLength(SearchText.MaxLength)]
    public string? Q { get; set; }

    [StringLength(30)]
    public string? Role { get; set; }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;
}

public sealed record AccountLine(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string? Organisation, DateTimeOffset? LastLoginAt, AccountStatus Status);

public sealed record AccountListPage(AccountFilter Filter, IReadOnlyList<AccountLine> Lines, Paging Paging);

public sealed record Option(Guid Id, string Name);

/// <summary>Inviting a member of the programme's staff or a public partner.</summary>
public sealed class InviteInput
{
    [Display(Name = "Adresse électronique")]
    [Required(ErrorMessage = "Saisissez l'adresse électronique de la personne.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Prénom et nom")]
    [Required(ErrorMessage = "Saisissez le prénom et le nom de la personne.")]
    [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "Rôle")]
    [Required(ErrorMessage = "Choisissez le rôle.")]
    public string Role { get; set; } = string.Empty;

    [Display(Name = "Pôle (équipe d'un pôle)")]
    public Guid? PoleId { get; set; }

    [Display(Name = "Structure (équipe d'une structure)")]
    public Guid? StructureId { get; set; }

    [Display(Name = "Autorité publique (partenaire public)")]
    public Guid? PublicAuthorityId { get; set; }
}

/// <summary>Changing the role and organisation of an account.</summary>
public sealed class RoleInput
{
    [Display(Name = "Rôle")]
    [Required(ErrorMessage = "Choisissez le rôle.")]
    public string Role { get; set; } = string.Empty;

    [Display(Name = "Pôle (équipe d'un pôle)")]
    public Guid? PoleId { get; set; }

    [Display(Name = "Structure (équipe d'une structure)")]
    public Guid? StructureId { get; set; }

    [Display(Name = "Autorité publique (partenaire public)")]
    public Guid? PublicAuthorityId { get; set; }
}

public sealed class InvitePage
{
    public required InviteInput Input { get; init; }

    public required IReadOnlyList<Option> Poles { get; init; }

    public required IReadOnlyList<Option> Structures { get; init; }

    public required IReadOnlyList<Option> PublicAuthorities { get; init; }
}

public sealed class AccountPage
{
    public required Guid Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required string? Organisation { get; init; }

    public required AccountStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? LastLoginAt { get; init; }

    public required bool TwoFactorEnabled { get; init; }

    public required bool IsSelf { get; init; }

    public required RoleInput Input { get; init; }

    public required IReadOnlyList<Option> Poles { get; init; }

    public required IReadOnlyList<Option> Structures { get; init; }

    public required IReadOnlyList<Option> PublicAuthorities { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }

    public bool IsPorteur => Roles.Contains(Domain.Roles.Porteur);
}
