using System.Text.Json;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The dashboard's model built by hand (no database): whatever its figures, what the page, the tiles, the charts and
/// the exports read comes through the small-cell rule (issue 19, item 16).
/// </summary>
public sealed class DashboardMaskingTests
{
    private static readonly PoleInfo PoleA = new(Guid.CreateVersion7(), "Pôle A", "29");
    private static readonly PoleInfo PoleB = new(Guid.CreateVersion7(), "Pôle B", "29");
    private static readonly PoleInfo PoleC = new(Guid.CreateVersion7(), "Pôle C", "29");

    private static DashboardViewModel Model(Func<Indicator, IndicatorValues> values, Figure small) => new()
    {
        Data = new DashboardData
        {
            Filter = DashboardFilter.Year(2025),
            Poles = [PoleA, PoleB, PoleC],
            Current = IndicatorCatalog.All.ToDictionary(d => d.Code, d => values(d.Code)),
            Previous = IndicatorCatalog.All.ToDictionary(d => d.Code, d => values(d.Code)),
            Conversions = [new ConversionStep("Accueillis", small), new ConversionStep("Entrés à l'idéateur", small)],
            Flows = [new Flow("Accueil par un pôle", "Idéateur", small)],
            AbandonReasons = [new ReasonCount("Sans motif", small)],
            Delays = [new PathDelay("Accueil par un pôle", "Première orientation", small, small, small, small)],
        },
        RegionWide = true,
        PeriodLabel = "année 2025",
        Year = 2025,
        MapIndicator = Indicator.AmountGranted,
        Sectors = [],
        LegalForms = [],
        ReferenceVersion = 0,
    };

    /// <summary>Everything the page, its charts and its exports read from the model, as text.</summary>
    private static string Everything(DashboardViewModel model)
    {
        var texts = new List<string>();
        texts.AddRange(model.KeyFigures.SelectMany(k => new[] { k.Value, k.Previous, k.Change ?? string.Empty }));
        texts.AddRange(model.Rows.SelectMany(r => r.Cells.Values.SelectMany(c => new[] { c.Display, c.Sort.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        texts.AddRange(model.Tiles.Select(t => t.Display));
        texts.Add(JsonSerializer.Serialize(model.ChartData));
        texts.AddRange(DashboardController.Tables(model).SelectMany(t => t.Rows).SelectMany(r => r.Values).Select(v => v.ToString() ?? string.Empty));
        return new string(string.Join('|', texts).Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    [Fact]
    public void WithEveryFigureFromOneOrTwoRecords_NoneOfTheirValuesIsShownAnywhere()
    {
        var small = Figure.Of(987_654m, 2);
        var model = Model(_ => new IndicatorValues(Indicator.AmountGranted, small, new Dictionary<Guid, Figure> { [PoleA.Id] = Figure.Of(987_654m, 1), [PoleB.Id] = small }), small);

        var shown = Everything(model);

        Assert.DoesNotContain("987", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("654", shown, StringComparison.Ordinal);
        Assert.All(model.Tiles.Where(t => t.Pole != PoleC), t => Assert.Equal(1, t.Level));
    }

    [Fact]
    public void AMaskedPoleCell_CannotBeToldFromTheTotal_ANeighbourIsWithheld()
    {
        // 1 500 € in all: one grant of 1 000 € at pôle A (masked), 500 € over 12 grants at pôle B. Without more,
        // the total minus B would tell A's one grant.
        var model = Model(
            code => code == Indicator.AmountGranted
                ? new IndicatorValues(code, Figure.Of(1_500m, 13), new Dictionary<Guid, Figure> { [PoleA.Id] = Figure.Of(1_000m, 1), [PoleB.Id] = Figure.Of(500m, 12) })
                : new IndicatorValues(code, Figure.Empty, new Dictionary<Guid, Figure>()),
            Figure.Count(5));

        var amounts = model.Rows.Select(r => r.Cells[Indicator.AmountGranted].Display).ToList();

        Assert.Equal([Figure.SecretText, Figure.SecretText, "0"], amounts);
        Assert.Equal("1 500 €", model.KeyFigures.Single(k => k.Definition.Code == Indicator.AmountGranted).Value.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        var shown = Everything(model).Replace("1500", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("500", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("1000", shown, StringComparison.Ordinal);
    }
}
