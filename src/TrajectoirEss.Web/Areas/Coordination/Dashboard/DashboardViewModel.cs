using System.Globalization;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Lists;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Areas.Coordination.Dashboard;

public sealed record KeyFigure(IndicatorDefinition Definition, string Value, string Previous, string? Change);

/// <summary>One cell of a table: the figure (masked or not), what it reads, and the value it sorts by (never a masked value).</summary>
public sealed record Cell(Figure Figure, string Display, decimal Sort);

public sealed record PoleRow(PoleInfo Pole, IReadOnlyDictionary<Indicator, Cell> Cells);

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
        return new KeyFigure(d, Display(d, now), Display(d, before), Change(d, now, before));
    }).ToList();

    /// <summary>How a figure moved from one period to another ("+12 %"), for counts and sums both shown and a base above zero; null otherwise.</summary>
    public static string? Change(IndicatorDefinition definition, Figure now, Figure before)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return !definition.IsRate && now.Disclosed is { } n && before.Disclosed is { } b && b != 0
            ? ((n - b) / b).ToString("+0 %;-0 %;0 %", French)
            : null;
    }

    /// <summary>
    /// The pôles the filters cover, in the table, the tiles and the exports: those of the chosen département (a pôle's
    /// département is its record's, from the territory data, as the figures' filter reads it) and the chosen pôle.
    /// </summary>
    public IReadOnlyList<PoleInfo> ShownPoles => Data.Poles
        .Where(p => (Data.Filter.Departement is null || p.Departement == Data.Filter.Departement) && (Data.Filter.PoleId is null || p.Id == Data.Filter.PoleId))
        .ToList();

    /// <summary>
    /// The table by pôle. The pôles' cells of an additive indicator make up its total (the key figure): where one is
    /// masked, others are withheld until the total minus the cells shown cannot tell a masked figure (<see cref="Figure.ProtectTotal"/>).
    /// The tiles and the chart read these same cells.
    /// </summary>
    public IReadOnlyList<PoleRow> Rows
    {
        get
        {
            var poles = ShownPoles;
            var columns = IndicatorCatalog.All.ToDictionary(d => d.Code, d =>
            {
                var values = Data.Current[d.Code];
                var cells = poles.Select(p => values.ByPole.GetValueOrDefault(p.Id)).ToList();
                return d.IsAdditive ? Figure.ProtectTotal(values.Total, cells) : cells;
            });
            return poles.Select((p, i) => new PoleRow(p, IndicatorCatalog.All.ToDictionary(
                d => d.Code,
                d => Cell(d, columns[d.Code][i])))).ToList();
        }
    }

    public IReadOnlyList<Tile> Tiles
    {
        get
        {
            var definition = IndicatorCatalog.Of(MapIndicator);
            var cells = Rows.Select(r => (r.Pole, Figure: r.Cells[MapIndicator].Figure)).ToList();
            var max = cells.Select(c => c.Figure.Disclosed ?? 0).DefaultIfEmpty(0).Max();
            return cells.Select(c =>
            {
                var level = c.Figure.IsMasked ? 1 : max <= 0 || c.Figure.Disclosed is not { } value ? 0 : (int)Math.Ceiling((double)(value / max) * 4);
                return new Tile(c.Pole, Display(definition, c.Figure), level);
            }).ToList();
        }
    }

    /// <summary>The charts' data, the same figures as the tables beside them: masked ones are left out (null).</summary>
    public object ChartData
    {
        get
        {
            var rows = Rows;
            return new
            {
                poles = rows.Select(r => r.Pole.Name).ToArray(),
                welcomed = rows.Select(r => r.Cells[Indicator.ProjectsWelcomed].Figure).Select(f => f.IsMasked ? null : (decimal?)(f.Disclosed ?? 0)).ToArray(),
                conversions = Data.Conversions.Select(c => new { label = c.Step, value = c.Projects.Disclosed }).ToArray(),
                flows = Data.Flows.Where(x => x.Projects.Disclosed is not null).Select(x => new { from = x.From, to = x.To, flow = x.Projects.Disclosed }).ToArray(),
                reasons = Data.AbandonReasons.Select(r => new { label = r.Reason, value = r.Projects.Disclosed }).ToArray(),
            };
        }
    }

    /// <summary>What a masked count reads, on the page and in the CSV and XLSX exports: "&lt;" and the threshold.</summary>
    public static string SmallCellText => Figure.SmallCountText;

    /// <summary>A count as the tables and the exports show it.</summary>
    public static string Display(Figure count) => count.IsMasked ? count.MaskedText : (count.Disclosed ?? 0).ToString("#,##0", French);

    /// <summary>An indicator's figure as the page and the exports show it: masked, a dash (no value), or the value in its unit.</summary>
    public static string Display(IndicatorDefinition definition, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (figure.IsMasked)
        {
            return figure.MaskedText;
        }

        if (figure.Disclosed is not { } v)
        {
            return definition.IsRate ? "—" : "0";
        }

        return definition.IsAmount ? v.ToString("#,##0", French) + " €"
            : definition.IsRate ? v.ToString("0.#", French)
            : v.ToString("#,##0", French);
    }

    /// <summary>A delay in days, as the page and the exports show it.</summary>
    public static string Days(Figure days) => days.IsMasked ? days.MaskedText : days.Disclosed is { } v ? v.ToString("0.#", French) : "—";

    public static string Number(decimal value) => value.ToString("#,##0.##", French);

    // Masked cells sort as 1 (between zero and the smallest count shown), whatever their value; rates without a value before all.
    private static Cell Cell(IndicatorDefinition definition, Figure figure) =>
        new(figure, Display(definition, figure), figure.IsMasked ? 1 : figure.Disclosed ?? (definition.IsRate ? -1 : 0));
}
