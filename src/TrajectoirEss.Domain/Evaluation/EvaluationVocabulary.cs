using System.Globalization;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Evaluation;

/// <summary>The three levels of an evaluation indicator (Avise / Hélène Duclos): what was done, what changed for the people, for the territory.</summary>
public enum IndicatorLevel
{
    /// <summary>Réalisation: what the programme did (projects welcomed, sessions run).</summary>
    Realisation = 1,

    /// <summary>Résultat: what changed for the people supported (a company created, a second programme reached).</summary>
    Resultat = 2,

    /// <summary>Impact: what changed for the territory (jobs, rural access, cooperation between actors).</summary>
    Impact = 3,
}

/// <summary>The unit of an indicator's values, baseline and target.</summary>
public enum MeasureUnit
{
    Count = 1,
    Percent = 2,
    Euros = 3,
    Days = 4,

    /// <summary>A score on a scale (<see cref="EvaluationRules.ScaleMin"/> to <see cref="EvaluationRules.ScaleMax"/>), as a survey gives it.</summary>
    Scale = 5,

    /// <summary>A ratio that is not a share (jobs per company, companies per 100 projects).</summary>
    Ratio = 6,
}

/// <summary>Which way is good news.</summary>
public enum IndicatorDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,

    /// <summary>Neither: the figure describes, it is not a performance (the share of collective projects).</summary>
    Neither = 3,
}

/// <summary>Where an indicator's values come from.</summary>
public enum IndicatorSource
{
    /// <summary>Computed from the portal's records, by a measure of the catalogue (<see cref="Measures"/>).</summary>
    Computed = 1,

    /// <summary>Declared by each organisation for the period, in the yearly campaign.</summary>
    Declared = 2,

    /// <summary>From a survey of porteurs or partners (part 2 of the evaluation).</summary>
    Survey = 3,

    /// <summary>Testimonies and interviews: a reading, not a number (part 2 of the evaluation).</summary>
    Qualitative = 4,
}

/// <summary>The breakdowns an indicator is read by.</summary>
[Flags]
public enum Breakdowns
{
    None = 0,
    Year = 1,
    Departement = 2,
    Pole = 4,
    Programme = 8,
}

/// <summary>The rules and French labels of the evaluation's vocabulary: their one home.</summary>
public static class EvaluationRules
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;

    /// <summary>The largest value any indicator holds (a count, euros, days): beyond, a typing error.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    public static string Label(this IndicatorLevel level) => level switch
    {
        IndicatorLevel.Realisation => "Réalisation",
        IndicatorLevel.Resultat => "Résultat",
        IndicatorLevel.Impact => "Impact",
        _ => level.ToString(),
    };

    public static string Label(this MeasureUnit unit) => unit switch
    {
        MeasureUnit.Count => "Nombre",
        MeasureUnit.Percent => "Pourcentage (%)",
        MeasureUnit.Euros => "Euros (€)",
        MeasureUnit.Days => "Jours",
        MeasureUnit.Scale => $"Échelle de {ScaleMin} à {ScaleMax}",
        MeasureUnit.Ratio => "Ratio",
        _ => unit.ToString(),
    };

    public static string Label(this IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.HigherIsBetter => "Plus c'est élevé, mieux c'est",
        IndicatorDirection.LowerIsBetter => "Plus c'est bas, mieux c'est",
        IndicatorDirection.Neither => "Descriptif (ni plus ni moins souhaitable)",
        _ => direction.ToString(),
    };

    public static string Label(this IndicatorSource source) => source switch
    {
        IndicatorSource.Computed => "Calculé à partir des données du portail",
        IndicatorSource.Declared => "Déclaré par les organisations",
        IndicatorSource.Survey => "Enquête",
        IndicatorSource.Qualitative => "Qualitatif (témoignages, entretiens)",
        _ => source.ToString(),
    };

    public static string Label(this Breakdowns breakdown) => breakdown switch
    {
        Breakdowns.Year => "Année",
        Breakdowns.Departement => "Département",
        Breakdowns.Pole => "Pôle",
        Breakdowns.Programme => "Programme",
        _ => string.Join(", ", Enum.GetValues<Breakdowns>().Where(b => b != Breakdowns.None && breakdown.HasFlag(b)).Select(b => b.Label())),
    };

    /// <summary>Whether the source gives numbers (a qualitative indicator has no baseline, target nor value).</summary>
    public static bool IsQuantitative(this IndicatorSource source) => source != IndicatorSource.Qualitative;

    /// <summary>
    /// A value in the unit, or a domain error on <paramref name="field"/>: a percentage from 0 to 100, a count a
    /// whole number, a score on the scale, nothing negative but nothing beyond <see cref="MaxValue"/> either.
    /// </summary>
    public static decimal Check(this MeasureUnit unit, decimal value, string what, string field)
    {
        var message = unit switch
        {
            MeasureUnit.Percent when value is < 0 or > 100 => $"{what} est un pourcentage : de 0 à 100.",
            MeasureUnit.Count when value < 0 || value != decimal.Truncate(value) => $"{what} est un nombre entier, positif ou nul.",
            MeasureUnit.Scale when value is < ScaleMin or > ScaleMax => $"{what} est une note de {ScaleMin} à {ScaleMax}.",
            MeasureUnit.Euros or MeasureUnit.Days or MeasureUnit.Ratio when value < 0 => $"{what} ne peut pas être négatif.",
            _ when value > MaxValue => $"{what} dépasse {MaxValue.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} : vérifiez la saisie.",
            _ => null,
        };
        return message is null ? value : throw new DomainException(message, field);
    }
}
