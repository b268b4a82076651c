namespace TrajectoirEss.Domain.Common;

/// <summary>Checks shared by the entities; each failure is a <see cref="DomainException"/> in French.</summary>
internal static class Guard
{
    public static string Required(string? value, int maxLength, string fieldLabel, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw Error($"{fieldLabel} est obligatoire.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw Error($"{fieldLabel} ne doit pas dépasser {maxLength} caractères.", field);
        }

        return trimmed;
    }

    public static string? Optional(string? value, int maxLength, string fieldLabel, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw Error($"{fieldLabel} ne doit pas dépasser {maxLength} caractères.", field);
        }

        return trimmed;
    }

    /// <summary>A département of Brittany, or null when none is given.</summary>
    public static string? Departement(string? code, string? field = null)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return Territory.Departement.OfBrittany.Any(d => d.Code == trimmed)
            ? trimmed
            : throw Error("Choisissez un des quatre départements bretons.", field);
    }

    public static DomainException Error(string message, string? field) =>
        field is null ? new DomainException(message) : new DomainException(message, field);
}
