using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;
using static TrajectoirEss.Domain.Tests.Evaluation.EvaluationFixtures;

namespace TrajectoirEss.Domain.Tests.Evaluation;

public sealed class IndicatorResultsTests
{
    private static readonly DateTimeOffset During = T0.AddDays(30);

    private static (Campaign Campaign, Referential Referential, EvaluationIndicator Declared) WithDeclared(MeasureUnit unit, decimal pole, decimal other, bool validateOther = true)
    {
        var referential = Draft();
        var declared = referential.AddIndicator(referential.Criteria[0].Id, Declared(unit, target: null) with { Title = "Valeur déclarée " + unit }, T0);
        referential.OpenConsultation(Coordinator, T0.AddDays(1));
        referential.Adopt(new DateOnly(2026, 3, 20), SessionId, null, null, Coordinator, T0.AddDays(20));
        var campaign = OpenCampaign(referential);
        campaign.Declare(referential, Pole, declared.Id, pole, null, PoleStaff, During);
        campaign.Declare(referential, OtherPole, declared.Id, other, null, PoleStaff, During);
        campaign.SubmitAll(Pole, PoleStaff, During);
        campaign.SubmitAll(OtherPole, PoleStaff, During);
        campaign.Validate(campaign.Value(Pole, declared.Id)!.Id, Coordinator, During);
        if (validateOther)
        {
            campaign.Validate(campaign.Value(OtherPole, declared.Id)!.Id, Coordinator, During);
        }

        return (campaign, referential, declared);
    }

    [Theory]
    [InlineData(MeasureUnit.Count, 4, 7, 11)]
    [InlineData(MeasureUnit.Euros, 1500, 2500, 4000)]
    [InlineData(MeasureUnit.Percent, 40, 61, 50.5)]
    [InlineData(MeasureUnit.Days, 10, 15, 12.5)]
    public void ADeclaredIndicator_SumsCountsAndEuros_AveragesTheRest_OfValidatedValuesOnly(MeasureUnit unit, int pole, int other, double expected)
    {
        var (campaign, _, declared) = WithDeclared(unit, pole, other);
        Assert.Equal((decimal)expected, IndicatorResults.Total(campaign, declared).Value);
        Assert.Equal(2, IndicatorResults.Cells(campaign, declared).Count);

        var (partial, _, alone) = WithDeclared(unit, pole, other, validateOther: false);
        Assert.Equal((decimal)pole, IndicatorResults.Total(partial, alone).Value);
        Assert.Equal([EvaluationCells.Organisation(Pole)], IndicatorResults.Cells(partial, alone).Select(c => c.Cell));
    }

    [Fact]
    public void ADeclaredCountUnderThree_IsShownAsLessThanThree_NeverItsValue()
    {
        var (campaign, _, declared) = WithDeclared(MeasureUnit.Count, 1, 1);
        var total = IndicatorResults.Total(campaign, declared);
        Assert.Null(total.Value);
        Assert.Equal("< 3", total.MaskedText);
        Assert.All(IndicatorResults.Cells(campaign, declared), c => Assert.Equal("< 3", c.Value.MaskedText));
    }

    [Fact]
    public void AComputedIndicator_IsItsStoredTotal_AndCells_MaskedTextKept()
    {
        var referential = Adopted();
        var computed = referential.Indicators.Single(i => i.Terms.Source == IndicatorSource.Computed);
        var campaign = OpenCampaign(referential);
        Assert.True(IndicatorResults.Total(campaign, computed).IsEmpty);
        var pole = Guid.CreateVersion7();
        campaign.Freeze(referential, [ComputedValue.Of(computed.Id, ComputedValue.Total, Figure.Count(431)), ComputedValue.Of(computed.Id, EvaluationCells.Pole(pole), Figure.Count(2))], Coordinator, During);
        Assert.Equal(431m, IndicatorResults.Total(campaign, computed).Value);
        var cell = Assert.Single(IndicatorResults.Cells(campaign, computed));
        Assert.Equal(("< 3", (decimal?)null), (cell.Value.MaskedText, cell.Value.Value));
        Assert.Equal((CellKind.Pole, pole.ToString("D")), EvaluationCells.Parse(cell.Cell));
    }

    [Theory]
    [InlineData(60, 50, IndicatorDirection.HigherIsBetter, true)]
    [InlineData(40, 50, IndicatorDirection.HigherIsBetter, false)]
    [InlineData(40, 50, IndicatorDirection.LowerIsBetter, true)]
    [InlineData(60, 50, IndicatorDirection.LowerIsBetter, false)]
    [InlineData(60, 50, IndicatorDirection.Neither, null)]
    public void MeetsTarget_FollowsTheDirection(int value, int target, IndicatorDirection direction, bool? expected) =>
        Assert.Equal(expected, IndicatorResults.MeetsTarget(new ShownValue(value, null), Computed(target: target) with { Direction = direction }));

    [Fact]
    public void MeetsTarget_IsUnknown_WithoutValueOrTarget()
    {
        Assert.Null(IndicatorResults.MeetsTarget(new ShownValue(null, "< 3"), Computed(target: 3)));
        Assert.Null(IndicatorResults.MeetsTarget(new ShownValue(5, null), Computed(target: null)));
    }

    [Fact]
    public void TheNextVersion_HasTheSameIndicators_UnderNewIds()
    {
        var adopted = Adopted();
        var next = adopted.StartNextVersion(Guid.CreateVersion7(), Coordinator, T0.AddDays(40));
        foreach (var indicator in adopted.Indicators)
        {
            var counterpart = IndicatorResults.Counterpart(next, indicator);
            Assert.NotNull(counterpart);
            Assert.NotEqual(indicator.Id, counterpart.Id);
        }

        Assert.False(IndicatorResults.SameIndicator(adopted.Indicators[0], adopted.Indicators[1]));
    }

    [Theory]
    [InlineData("total", CellKind.Total, "")]
    [InlineData("departement:29", CellKind.Departement, "29")]
    [InlineData("programme:Incubateur", CellKind.Programme, "Incubateur")]
    public void Cells_ParseBack(string cell, CellKind kind, string key) => Assert.Equal((kind, key), EvaluationCells.Parse(cell));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("annee")]
    [InlineData(":29")]
    [InlineData("inconnu:29")]
    public void UnknownCells_AreNotParsed(string? cell) => Assert.Null(EvaluationCells.Parse(cell));

    [Fact]
    public void CellLabels_NameDepartementsAndProgrammes()
    {
        var names = new Dictionary<string, string>();
        Assert.Equal("Finistère", IndicatorResults.CellLabel(EvaluationCells.Departement("29"), names));
        Assert.Equal(ProgrammeType.Incubateur.Label(), IndicatorResults.CellLabel(EvaluationCells.Programme(ProgrammeType.Incubateur), names));
        Assert.Equal("Bretagne", IndicatorResults.CellLabel(ComputedValue.Total, names));
    }
}
