namespace TrajectoirEss.Domain.Common;

/// <summary>
/// The dates the programme's records and filters can hold: from 2000 to 2100. A date outside (the calendar's
/// edges, 0001-01-01 or 9999-12-31, that a form or a link can carry) is refused with this message, before any
/// time-zone conversion or date arithmetic would overflow.
/// </summary>
public static class PlausibleDates
{
    public static DateOnly Earliest { get; } = new(2000, 1, 1);

    public static DateOnly Latest { get; } = new(2100, 12, 31);

    public static string Message { get; } = $"Indiquez une date entre le {Earliest:dd/MM/yyyy} et le {Latest:dd/MM/yyyy}.";

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
