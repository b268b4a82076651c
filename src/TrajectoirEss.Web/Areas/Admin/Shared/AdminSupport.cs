using System.Globalization;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Web.Areas.Admin.Shared;

/// <summary>A record an administrator asked for does not exist: the answer is a 404.</summary>
public sealed class AdminRecordNotFoundException : Exception
{
    public AdminRecordNotFoundException()
        : base("The record does not exist.")
    {
    }

    public AdminRecordNotFoundException(string message)
        : base(message)
    {
    }

    public AdminRecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public static class AdminForms
{

    /// <summary>
    /// An amount in euros as people type it: "2000", "2 000", "1 500,50", "1500.50", "20 000 €". Empty is
    /// null; anything else is refused on the field.
    /// </summary>
    public static decimal? ParseAmount(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '€' && c != '\u202F').ToArray()).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException("Saisissez un montant en euros, par exemple 2000 ou 1500,50.", field);
    }

    /// <summary>An amount as a French reader reads it: "20 000 €", "1 500,50 €".</summary>
    public static string Euros(decimal? amount) =>
        amount is { } value ? value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.00", CultureInfo.GetCultureInfo("fr-FR")) + " €" : "—";

    /// <summary>An amount for an input's value: "2000", "1500,50".</summary>
    public static string AmountInput(decimal? amount) =>
        amount is { } value ? value.ToString(value == decimal.Truncate(value) ? "0" : "0.00", CultureInfo.GetCultureInfo("fr-FR")) : string.Empty;

    /// <summary>Text folded for a LIKE pattern: lower case, without accents, with %, _ and \ escaped.</summary>
    public static string LikePattern(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var plain = new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(System.Text.NormalizationForm.FormC);
        return "%" + plain.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}

/// <summary>One field of a form that someone else saved meanwhile: what was typed, what is stored now.</summary>
public sealed record ConflictLine(string Label, string? Typed, string? Stored);

/// <summary>A département select: field name, label, the value to show, whether "none" is allowed (and what "none" says).</summary>
public sealed record DepartementField(string Name, string Label, string? Value, bool AllowNone, string? NoneLabel = null);
