using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Features.Account;

public sealed class LoginInput
{
    [Display(Name = "Adresse électronique")]
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Rester connecté sur cet appareil")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterInput
{
    [Display(Name = "Prénom et nom")]
    [Required(ErrorMessage = "Saisissez votre prénom et votre nom.")]
    [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "Adresse électronique")]
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "Mot de passe")]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Le mot de passe doit compter entre {2} et {1} caractères.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Confirmation du mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;

    /// <summary>Where to go once the address is confirmed and the person signed in (a co-porteur's invitation); local only.</summary>
    public string? ReturnUrl { get; set; }
}

public sealed class EmailInput
{
    [Display(Name = "Adresse électronique")]
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string Email { get; set; } = string.Empty;
}

/// <summary>Choosing a password from a link (password reset or invitation).</summary>
public sealed class SetPasswordInput
{
    [Required]
    [StringLength(64)]
    public string UserId { get; set; } = string.Empty;

    [Required]
    [StringLength(2000)]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Nouveau mot de passe")]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Le mot de passe doit compter entre {2} et {1} caractères.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Confirmation du mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>A message page; <paramref name="Next"/>, the action that follows (by default, signing in).</summary>
public sealed record MessageViewModel(string Title, string Text, bool Success = true, (string Text, string Url)? Next = null);

public sealed class TwoFactorLoginInput
{
    [Display(Name = "Code à 6 chiffres de votre application")]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application d'authentification.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeLoginInput
{
    [Display(Name = "Code de secours")]
    [Required(ErrorMessage = "Saisissez un de vos codes de secours.")]
    [StringLength(40, ErrorMessage = "Ce code n'est pas un code de secours.")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}
