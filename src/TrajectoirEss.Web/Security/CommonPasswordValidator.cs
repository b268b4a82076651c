using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// Refuses passwords that are easy to guess (NIST SP 800-63B §5.1.1.2, ASVS 2.1.7): those of the list of
/// common passwords shipped with the portal (Security/common-passwords.txt, embedded), one of its words
/// padded with digits and symbols ("Soleil2024!!"), and the person's own e-mail address. No composition
/// rules: length (12 at least) does the rest. The check is offline; no password ever leaves the server.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "Ce mot de passe est trop courant et serait vite deviné. Choisissez-en un autre, par exemple une phrase de plusieurs mots que vous retiendrez facilement.",
            }));
        }

        var local = user?.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && Fold(password).Contains(Fold(local), StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = "Le mot de passe ne doit pas reprendre votre adresse électronique.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>True for a listed password, or a listed word with only digits and symbols around it.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var folded = Fold(password);
        if (Common.Value.Contains(folded) || Common.Value.Contains(folded.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return true;
        }

        var letters = new string(folded.Where(char.IsLetter).ToArray());
        return letters.Length >= 4 && letters.Length < folded.Length && Common.Value.Contains(letters);
    }

    /// <summary>Lower case, accents removed ("Été" → "ete"), trimmed.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(Fold(line));
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
