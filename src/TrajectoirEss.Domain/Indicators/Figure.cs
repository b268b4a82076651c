namespace TrajectoirEss.Domain.Indicators;

/// <summary>
/// A figure the dashboards show (a count, a sum, an amount, a median, a rate, a quartile…) with the number of
/// records it is derived from: the one home of the small-cell rule. Its value can only be read through
/// <see cref="Disclosed"/>, which is empty when the figure is masked, so no page, chart or export can show a
/// masked figure by forgetting to ask.
/// </summary>
/// <remarks>
/// <see cref="Records"/> is the smallest positive group of records the value rests on: for a count, the count;
/// for a sum of people over projects, the fewer of the people and the projects; for an amount, a median or a
/// quartile, the records summed or ranked; for a rate, the fewer of its denominator, its numerator and their
/// difference (a rate of 90 % over 10 tells the one record left out). A figure derived from at least one and
/// fewer than <see cref="Indicators.SmallCellThreshold"/> records is masked; so is one withheld so that a total
/// minus the other cells cannot reveal a masked one (<see cref="ProtectTotal"/>).
/// </remarks>
public readonly record struct Figure
{
    private readonly decimal? _value;

    private Figure(decimal? value, long records, bool isCount, bool isWithheld)
    {
        _value = value;
        Records = records;
        IsCount = isCount;
        IsWithheld = isWithheld;
    }

    /// <summary>No record, no value (a median of nothing, a pôle without any record): shown as zero or a dash.</summary>
    public static Figure Empty { get; }

    /// <summary>What a masked count reads, on the page and in the exports: "&lt;" and the threshold.</summary>
    public static string SmallCountText { get; } = "< " + Indicators.SmallCellThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What any other masked figure reads (secret statistique: an amount, a delay, a rate, or a withheld cell, whatever its size).</summary>
    public const string SecretText = "s";

    /// <summary>The number of records the value rests on (see the remarks).</summary>
    public long Records { get; }

    /// <summary>The value is the number of records itself (projects, studies…): "&lt; 3" is then true of a masked one.</summary>
    public bool IsCount { get; }

    /// <summary>Masked although large enough itself, so that it cannot be deduced from a total and the other cells.</summary>
    public bool IsWithheld { get; private init; }

    /// <summary>The rule: derived from at least one and fewer than the threshold's records, or withheld.</summary>
    public bool IsMasked => IsWithheld || Records is > 0 and < Indicators.SmallCellThreshold;

    /// <summary>The value as it may be shown: null when masked (or when there is no value).</summary>
    public decimal? Disclosed => IsMasked ? null : _value;

    /// <summary>The value whatever the masking: for the tests only (the web project cannot see it).</summary>
    internal decimal? Unmasked => _value;

    /// <summary>What a masked figure reads instead of its value.</summary>
    public string MaskedText => IsCount && !IsWithheld ? SmallCountText : SecretText;

    /// <summary>A count of records (projects, people, studies, passages…).</summary>
    public static Figure Count(long count) => new(count, count, isCount: true, isWithheld: false);

    /// <summary>A value derived from groups of records of these sizes (e.g. a sum of people: the projects and the people).</summary>
    public static Figure Of(decimal? value, params ReadOnlySpan<long> groups)
    {
        long records = 0;
        foreach (var group in groups)
        {
            if (group > 0 && (records == 0 || group < records))
            {
                records = group;
            }
        }

        return new Figure(value, records, isCount: false, isWithheld: false);
    }

    /// <summary>A rate (or share) of <paramref name="numerator"/> records out of <paramref name="denominator"/>.</summary>
    public static Figure Rate(decimal? value, long numerator, long denominator) => Of(value, denominator, numerator, denominator - numerator);

    /// <summary>
    /// Protects masked cells against their total: when a total is shown, the total minus the cells shown would
    /// give the sum of the masked ones, so the masked cells must together rest on at least the threshold's records.
    /// While they do not, the shown cell with the fewest records (above zero) is withheld too. For additive
    /// figures only (counts, sums, amounts), with the cells that make up the total (a row or a column).
    /// </summary>
    public static IReadOnlyList<Figure> ProtectTotal(Figure total, IReadOnlyList<Figure> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var result = cells.ToArray();
        if (total.IsMasked || total.Disclosed is null)
        {
            return result;
        }

        var maskedRecords = result.Where(c => c.IsMasked).Sum(c => c.Records);
        while (maskedRecords is > 0 and < Indicators.SmallCellThreshold)
        {
            var next = -1;
            for (var i = 0; i < result.Length; i++)
            {
                if (!result[i].IsMasked && result[i].Records > 0 && (next < 0 || result[i].Records < result[next].Records))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                break;
            }

            result[next] = result[next] with { IsWithheld = true };
            maskedRecords += result[next].Records;
        }

        return result;
    }
}
