using System.Globalization;
using System.Text;

namespace TrajectoirEss.Domain.Common;

/// <summary>
/// Folds text for accent- and case-insensitive matching: "Quimperlé" and "QUIMPERLE" both become
/// "quimperle"; hyphens, apostrophes and repeated spaces become one space ("Saint-Brieuc" → "saint brieuc").
/// </summary>
public static class SearchText
{
    /// <summary>The longest text a search box takes (the staff's inbox, the administrators' list of accounts).</summary>
    public const int MaxLength = 200;

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd().Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }
}
