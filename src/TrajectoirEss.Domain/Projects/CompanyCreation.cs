using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Projects;

/// <summary>The company a project became: its legal form, its date of creation and, once registered, its SIRET.</summary>
public sealed record CompanyCreation
{
    public CompanyCreation(string? legalFormCode, DateOnly? createdOn, string? siret, DateOnly today)
    {
        LegalFormCode = Guard.Required(legalFormCode, ProjectDetails.CodeMaxLength, "La forme juridique de l'entreprise créée");
        if (createdOn is not { } date)
        {
            throw new DomainException("Indiquez la date de création de l'entreprise.");
        }

        if (date > today || date.Year < 1900)
        {
            throw new DomainException("La date de création ne peut pas être dans le futur.");
        }

        CreatedOn = date;
        Siret = string.IsNullOrWhiteSpace(siret) ? null : Domain.Projects.Siret.Parse(siret);
    }

    public string LegalFormCode { get; }

    public DateOnly CreatedOn { get; }

    public string? Siret { get; }
}

/// <summary>A SIRET number: 14 digits whose Luhn checksum is valid (La Poste's establishments follow their own rule).</summary>
public static class Siret
{
    /// <summary>The digits of a SIRET.</summary>
    public const int Length = 14;

    /// <summary>
    /// The longest SIRET a field takes: its digits as the INSEE writes them, in groups of 3, 3, 3 and 5
    /// ("362 521 879 00034"); <see cref="Parse"/> removes the spaces.
    /// </summary>
    public const int WrittenMaxLength = Length + 3;

    private const string LaPosteSiren = "356000000";

    /// <summary>Returns the digits (spaces removed) or throws a <see cref="DomainException"/> in French.</summary>
    public static string Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digits = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException($"Un SIRET compte {Length} chiffres.");
        }

        if (!IsValid(digits))
        {
            throw new DomainException("Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez-le sur l'avis de situation de l'INSEE.");
        }

        return digits;
    }

    public static bool IsValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits != LaPosteSiren + "00012")
        {
            return digits.Sum(c => c - '0') % 5 == 0;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
