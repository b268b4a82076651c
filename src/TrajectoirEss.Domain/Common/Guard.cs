namespace TrajectoirEss.Domain.Common;

/// <summary>Checks shared by the entities; each failure is a <see cref="DomainException"/> in French.</summary>
internal static class Guard
{
    public static string Required(string? value, int maxLength, string fieldLabel)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{fieldLabel} est obligatoire.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{fieldLabel} ne doit pas dépasser {maxLength} caractères.");
        }

        return trimmed;
    }

    public static string? Optional(string? value, int maxLength, string fieldLabel)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{fieldLabel} ne doit pas dépasser {maxLength} caractères.");
        }

        return trimmed;
    }
}
