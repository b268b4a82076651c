using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;

namespace TrajectoirEss.Domain.Evaluation;

/// <summary>A value as it may be shown: a number, the text that replaces a small cell ("&lt; 3"), or nothing.</summary>
public sealed record ShownValue(decimal? Value, string? MaskedText)
{
    public static ShownValue None { get; } = new(null, null);

    public bool IsMasked => MaskedText is not null;

    public bool IsEmpty => Value is null && MaskedText is null;

    public static ShownValue Of(ComputedValue? computed) => computed is null ? None : new(computed.Value, computed.MaskedText);

    public static ShownValue Of(Figure figure) => figure.IsMasked ? new(null, figure.MaskedText) : new(figure.Disclosed, null);
}

/// <summary>What a cell of a breakdown is: a département (its code), a pôle (its id), a programme type, an organisation (a declared value), or the region as a whole.</summary>
public enum CellKind
{
    Total = 1,
    Departement = 2,
    Pole = 3,
    Programme = 4,
    Organisation = 5,
}

/// <summary>The cells of a campaign's values: one home for their keys ("total", "departement:29", "pole:{id}", "programme:Incubateur", "organisation:Pole:{id}").</summary>
public static class EvaluationCells
{
    public static string Departement(string code) => "departement:" + code;

    public static string Pole(Guid poleId) => "pole:" + poleId.ToString("D");

    public static string Programme(ProgrammeType type) => "programme:" + type;

    public static string Organisation(OrganisationRef organisation) => "organisation:" + organisation.Kind + ":" + organisation.Id.ToString("D");

    /// <summary>A cell's kind and key (null for a cell this version does not know: shown as it is).</summary>
    public static (CellKind Kind, string Key)? Parse(string? cell)
    {
        if (cell == ComputedValue.Total)
        {
            return (CellKind.Total, string.Empty);
        }

        var colon = cell?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        var key = cell![(colon + 1)..];
        return cell[..colon] switch
        {
            "departement" => (CellKind.Departement, key),
            "pole" => (CellKind.Pole, key),
            "programme" => (CellKind.Programme, key),
            "organisation" => (CellKind.Organisation, key),
            _ => null,
        };
    }
}

/// <summary>
/// What a campaign says of an indicator: its regional value (a computed indicator's stored total; a declared one's
/// validated values, summed when they count things or euros, averaged otherwise), its cells, whether it meets its
/// target, and which indicator of another version of the frame is the same (to compare years).
/// </summary>
public static class IndicatorResults
{
    /// <summary>How the organisations' declared values make a regional value: counts and euros add up; shares, delays, scores and ratios are averaged (each organisation weighs the same).</summary>
    public static bool IsSummed(MeasureUnit unit) => unit is MeasureUnit.Count or MeasureUnit.Euros;

    /// <summary>The regional value of the indicator in the campaign (after the freeze for a computed one).</summary>
    public static ShownValue Total(Campaign campaign, EvaluationIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Terms.Source switch
        {
            IndicatorSource.Computed => ShownValue.Of(campaign.ComputedValues.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Cell == ComputedValue.Total)),
            IndicatorSource.Declared => Declared(campaign, indicator),
            _ => ShownValue.None,
        };
    }

    /// <summary>
    /// The indicator's cells other than the total: a computed one's stored cells; a declared one's validated value of
    /// each organisation (a count under the small-cell threshold shown as "&lt; 3").
    /// </summary>
    public static IReadOnlyList<(string Cell, ShownValue Value)> Cells(Campaign campaign, EvaluationIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Terms.Source switch
        {
            IndicatorSource.Computed =>
            [
                .. campaign.ComputedValues.Where(v => v.IndicatorId == indicator.Id && v.Cell != ComputedValue.Total).Select(v => (v.Cell, ShownValue.Of(v))),
            ],
            IndicatorSource.Declared =>
            [
                .. Validated(campaign, indicator).Select(v => (EvaluationCells.Organisation(v.Organisation), Shown(indicator.Terms.Unit, v.Value!.Value))),
            ],
            _ => [],
        };
    }

    /// <summary>Whether the value meets the target, the indicator's direction saying which way is good (null: no target, no value, or a descriptive indicator).</summary>
    public static bool? MeetsTarget(ShownValue value, IndicatorTerms terms)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(terms);
        return (value.Value, terms.Target, terms.Direction) switch
        {
            ({ } v, { } t, IndicatorDirection.HigherIsBetter) => v >= t,
            ({ } v, { } t, IndicatorDirection.LowerIsBetter) => v <= t,
            _ => null,
        };
    }

    /// <summary>
    /// The same indicator in two versions of the frame (a next version copies its indicators with new ids): a
    /// computed one by its measure, another by its source, unit and title.
    /// </summary>
    public static bool SameIndicator(EvaluationIndicator one, EvaluationIndicator other)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        if (one.Id == other.Id)
        {
            return true;
        }

        if (one.Terms.Source != other.Terms.Source || one.Terms.Unit != other.Terms.Unit)
        {
            return false;
        }

        return one.Terms.Source == IndicatorSource.Computed
            ? one.Terms.Measure == other.Terms.Measure
            : string.Equals(one.Title, other.Title, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The indicator of <paramref name="referential"/> that is the same as <paramref name="indicator"/>, if any.</summary>
    public static EvaluationIndicator? Counterpart(Referential referential, EvaluationIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(referential);
        return referential.Indicators.FirstOrDefault(i => i.Id == indicator.Id) ?? referential.Indicators.FirstOrDefault(i => SameIndicator(i, indicator));
    }

    private static List<DeclaredValue> Validated(Campaign campaign, EvaluationIndicator indicator) =>
        [.. campaign.Values.Where(v => v.IndicatorId == indicator.Id && v.Status == DeclaredValueStatus.Validated && v.Value is not null)];

    private static ShownValue Declared(Campaign campaign, EvaluationIndicator indicator)
    {
        var values = Validated(campaign, indicator).Select(v => v.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return ShownValue.None;
        }

        var unit = indicator.Terms.Unit;
        return IsSummed(unit)
            ? Shown(unit, values.Sum())
            : new ShownValue(Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero), null);
    }

    /// <summary>A count of people or projects under the threshold is masked, wherever it comes from (an organisation's declared value too).</summary>
    public static ShownValue Shown(MeasureUnit unit, decimal value) =>
        unit == MeasureUnit.Count && value is > 0 and < Indicators.Indicators.SmallCellThreshold
            ? new ShownValue(null, Figure.SmallCountText)
            : new ShownValue(value, null);

    /// <summary>The label of a cell for a reader ("Finistère", a pôle's or an organisation's name from <paramref name="names"/>, a programme type's label).</summary>
    public static string CellLabel(string cell, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.TryGetValue(cell, out var name))
        {
            return name;
        }

        return EvaluationCells.Parse(cell) switch
        {
            (CellKind.Total, _) => "Bretagne",
            (CellKind.Departement, var code) => Territory.Departement.OfBrittany.FirstOrDefault(d => d.Code == code)?.Name ?? code,
            (CellKind.Programme, var type) when Enum.TryParse<ProgrammeType>(type, out var t) && Enum.IsDefined(t) => t.Label(),
            _ => cell,
        };
    }
}
