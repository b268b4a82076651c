using System.Globalization;

namespace TrajectoirEss.Domain.Common;

/// <summary>Stable codes of reference records (pôles, structures, programmes, list values), made from a name.</summary>
public static class Codes
{
    /// <summary>A code not taken yet: the slug, cut to the maximum length, with "-2", "-3"… when needed.</summary>
    public static string Unique(string? slug, IEnumerable<string> taken, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var stem = string.IsNullOrEmpty(slug) ? "valeur" : slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
        var code = stem;
        for (var n = 2; used.Contains(code); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            code = (stem.Length + suffix.Length > maxLength ? stem[..(maxLength - suffix.Length)] : stem) + suffix;
        }

        return code;
    }
}
