using Microsoft.AspNetCore.Identity;

namespace TrajectoirEss.Web.Startup;

/// <summary>Identity's messages, in French.</summary>
internal sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inattendue s'est produite.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps ; recommencez.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mot de passe incorrect.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n'est pas valide ou a expiré.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Ce compte externe est déjà associé à un autre compte.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Cet identifiant n'est pas valide.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Cette adresse électronique n'est pas valide.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Cette adresse électronique a déjà un compte.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Cette adresse électronique a déjà un compte.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Ce rôle n'existe pas.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Ce rôle existe déjà.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Ce compte a déjà ce rôle.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Ce compte n'a pas ce rôle.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Le mot de passe doit compter au moins {length} caractères.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit compter au moins {uniqueChars} caractères différents.");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir un caractère spécial.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir un chiffre.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir une minuscule.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir une majuscule.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
