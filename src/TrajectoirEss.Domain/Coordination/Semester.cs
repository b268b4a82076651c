using System.Globalization;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>
/// A half-year of the regional strategy, the rhythm of the platform (twice a year): "1er semestre 2026" is January
/// to June, "2e semestre 2026" July to December. Only years of <see cref="PlausibleDates"/> exist.
/// </summary>
public readonly record struct Semester : IComparable<Semester>
{
    private Semester(int year, int half)
    {
        Year = year;
        Half = half;
    }

    public int Year { get; }

    /// <summary>1 (January–June) or 2 (July–December).</summary>
    public int Half { get; }

    public DateOnly StartsOn => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly EndsOn => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>"1er semestre 2026", "2e semestre 2026".</summary>
    public string Label => (Half == 1 ? "1er" : "2e") + " semestre " + Year.ToString(CultureInfo.InvariantCulture);

    public static Semester Of(DateOnly date) =>
        PlausibleDates.Contains(date) ? new Semester(date.Year, date.Month <= 6 ? 1 : 2) : throw new DomainException(PlausibleDates.Message);

    /// <summary>A semester chosen in a form; a year outside <see cref="PlausibleDates"/> or a half other than 1 or 2 is refused.</summary>
    public static Semester Create(int year, int half, string? field = null)
    {
        if (half is not (1 or 2))
        {
            throw Guard.Error("Choisissez le 1er ou le 2e semestre.", field);
        }

        if (year < PlausibleDates.Earliest.Year || year > PlausibleDates.Latest.Year)
        {
            throw Guard.Error($"Indiquez une année entre {PlausibleDates.Earliest.Year} et {PlausibleDates.Latest.Year}.", field);
        }

        return new Semester(year, half);
    }

    public Semester Next() => Half == 1 ? new Semester(Year, 2) : Create(Year + 1, 1);

    public Semester Previous() => Half == 2 ? new Semester(Year, 1) : Create(Year - 1, 2);

    /// <summary>The semesters in a row (consecutive semesters differ by one).</summary>
    internal int Index => (Year * 2) + Half - 1;

    public bool Contains(DateOnly date) => date >= StartsOn && date <= EndsOn;

    public int CompareTo(Semester other) => (Year, Half).CompareTo((other.Year, other.Half));

    public override string ToString() => Label;

    public static bool operator <(Semester left, Semester right) => left.CompareTo(right) < 0;

    public static bool operator >(Semester left, Semester right) => left.CompareTo(right) > 0;

    public static bool operator <=(Semester left, Semester right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Semester left, Semester right) => left.CompareTo(right) >= 0;
}
