using System.Globalization;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Lists;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Areas.Coordination.Dashboard;

public sealed record KeyFigure(IndicatorDefinition Definition, string Value, string Previous, string? Change);

public sealed record PoleRow(PoleInfo Pole, IReadOnlyDictionary<Indicator, (string Display, decimal Sort)> Cells);

public sealed record Tile(PoleInfo Pole, string Display, int Level);

/// <summary>What the dashboard page shows, with small cells masked: nothing here can identify a person.</summary>
public sealed class DashboardViewModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public required DashboardData Data { get; init; }

    public required bool RegionWide { get; init; }

    public required string PeriodLabel { get; init; }

    public required int? Year { get; init; }

    public required Indicator MapIndicator { get; init; }

    public required IReadOnlyList<ListItem> Sectors { get; init; }

    public required IReadOnlyList<ListItem> LegalForms { get; init; }

    /// <summary>The version of the reference data (lists) the page was built with on this instance.</summary>
    public required long ReferenceVersion { get; init; }

    /// <summary>
    /// How long the rendered page (without the layout, which names the user) is kept: its key changes with each
    /// computation of the figures and each local edit of the lists, so this only bounds how late another
    /// instance's edit of a list shows (as the reference cache does).
    /// </summary>
    public static readonly TimeSpan FragmentLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Everything the rendered fragment depends on: the figures (their computation, hence their filter), the view, the lists.</summary>
    public string FragmentKey => string.Create(CultureInfo.InvariantCulture, $"{Data.Computation:N}|{RegionWide}|{Year}|{MapIndicator}|{PeriodLabel}|{ReferenceVersion}");

    public IReadOnlyList<KeyFigure> KeyFigures => IndicatorCatalog.All.Select(d =>
    {
        var now = Data.Current[d.Code].Total;
        var before = Data.Previous[d.Code].Total;
        string? change = null;
        if (!d.IsRate && now is { } n && before is { } b && b != 0 && !IsSmall(d, n) && !IsSmall(d, b))
        {
            change = ((n - b) / b).ToString("+0 %;-0 %;0 %", French);
        }

        return new KeyFigure(d, Display(d, now), Display(d, before), change);
    }).ToList();

    /// <summary>
    /// The pôles the filters cover, in the table, the tiles and the exports: those of the chosen département (a pôle's
    /// département is its record's, from the territory data, as the figures' filter reads it) and the chosen pôle.
    /// </summary>
    public IReadOnlyList<PoleInfo> ShownPoles => Data.Poles
        .Where(p => (Data.Filter.Departement is null || p.Departement == Data.Filter.Departement) && (Data.Filter.PoleId is null || p.Id == Data.Filter.PoleId))
        .ToList();

    public IReadOnlyList<PoleRow> Rows => ShownPoles
        .Select(p => new PoleRow(p, IndicatorCatalog.All.ToDictionary(
            d => d.Code,
            d =>
            {
                var value = Data.Current[d.Code].ByPole.GetValueOrDefault(p.Id);
                return (Display(d, value), SortValue(d, value));
            })))
        .ToList();

    public IReadOnlyList<Tile> Tiles
    {
        get
        {
            var definition = IndicatorCatalog.Of(MapIndicator);
            var shown = ShownPoles;
            var values = shown.Select(p => Data.Current[MapIndicator].ByPole.GetValueOrDefault(p.Id) ?? 0).ToList();
            var max = values.Count == 0 ? 0 : values.Max();
            return shown.Select(p =>
            {
                var value = Data.Current[MapIndicator].ByPole.GetValueOrDefault(p.Id);
                var level = max <= 0 || value is null ? 0 : (int)Math.Ceiling((double)(value.Value / max) * 4);
                return new Tile(p, Display(definition, value), IsSmall(definition, value ?? 0) ? 1 : level);
            }).ToList();
        }
    }

    /// <summary>What a masked cell reads, on the page and in the CSV and XLSX exports: "&lt;" and the threshold.</summary>
    public static string SmallCellText { get; } = "< " + IndicatorCatalog.SmallCellThreshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count of people or projects above zero and below the threshold could point at someone: it is masked.</summary>
    public static bool IsSmallCount(decimal count) => count > 0 && count < IndicatorCatalog.SmallCellThreshold;

    /// <summary>An indicator's value that is such a count (amounts and rates are never masked).</summary>
    public static bool IsSmall(IndicatorDefinition definition, decimal value) =>
        definition is { IsAmount: false, IsRate: false } && IsSmallCount(value);

    /// <summary>A count of projects as the tables and the exports show it: <see cref="SmallCellText"/> below the threshold.</summary>
    public static string Masked(int count) => IsSmallCount(count) ? SmallCellText : count.ToString(CultureInfo.InvariantCulture);

    public static string Display(IndicatorDefinition definition, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (value is not { } v)
        {
            return definition.IsRate ? "—" : "0";
        }

        if (IsSmall(definition, v))
        {
            return SmallCellText;
        }

        return definition.IsAmount ? v.ToString("#,##0", French) + " €"
            : definition.IsRate ? v.ToString("0.#", French)
            : v.ToString("#,##0", French);
    }

    public static string Number(decimal value) => value.ToString("#,##0.##", French);

    private static decimal SortValue(IndicatorDefinition definition, decimal? value) =>
        value is { } v ? (IsSmall(definition, v) ? 1 : v) : (definition.IsRate ? -1 : 0);
}
