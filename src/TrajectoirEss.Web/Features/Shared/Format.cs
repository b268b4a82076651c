using System.Globalization;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>Dates and numbers as people in Brittany read them (French, Paris time).</summary>
public static class Format
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = FindParis();

    public static string Date(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, Paris).ToString("d MMMM yyyy", French) : "—";

    public static string DateTime(DateTimeOffset? value) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, Paris).ToString("d MMMM yyyy 'à' HH:mm", French) : "—";

    /// <summary>An evaluation value in its unit ("45,5 %", "120 000 €", "1,8"); a dash for none.</summary>
    public static string Measure(decimal? value, Domain.Evaluation.MeasureUnit unit) =>
        value is { } v
            ? v.ToString("#,##0.##", French) + unit switch { Domain.Evaluation.MeasureUnit.Percent => " %", Domain.Evaluation.MeasureUnit.Euros => " €", _ => "" }
            : "—";

    /// <summary>An evaluation value as it may be shown: a small cell's text ("&lt; 3"), else the number in its unit, else a dash.</summary>
    public static string Shown(Domain.Evaluation.ShownValue? value, Domain.Evaluation.MeasureUnit unit) =>
        value?.MaskedText ?? Measure(value?.Value, unit);

    /// <summary>A date and time typed in a form (Paris time) as an instant.</summary>
    public static DateTimeOffset FromParis(DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Stored as UTC: PostgreSQL's timestamptz (through Npgsql) takes only offset 0.
        return new DateTimeOffset(unspecified, Paris.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The day it is in Paris at an instant (around midnight, not the UTC day).</summary>
    public static DateOnly ParisDate(DateTimeOffset value) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, Paris).DateTime);

    /// <summary>For the value of a datetime-local input.</summary>
    public static string ParisInput(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A wait, rounded up, as said to a person: "45 secondes", "1 minute", "45 minutes", "1 heure", "2 heures 30 minutes".</summary>
    public static string Wait(int seconds)
    {
        if (seconds < 60)
        {
            return seconds <= 1 ? "1 seconde" : $"{seconds} secondes";
        }

        var minutes = (seconds + 59) / 60;
        var (hours, rest) = (minutes / 60, minutes % 60);
        var inMinutes = rest == 1 ? "1 minute" : $"{rest} minutes";
        var inHours = hours == 1 ? "1 heure" : $"{hours} heures";
        return hours == 0 ? inMinutes : rest == 0 ? inHours : $"{inHours} {inMinutes}";
    }

    /// <summary>For the datetime attribute of a time element.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
