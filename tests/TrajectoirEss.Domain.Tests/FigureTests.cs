using TrajectoirEss.Domain.Indicators;

namespace TrajectoirEss.Domain.Tests;

/// <summary>The small-cell rule, in its one home (issue 19, item 16).</summary>
public sealed class FigureTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(40, false)]
    public void ACount_IsMaskedAboveZeroAndBelowTheThreshold_AndReadsLessThanThree(long count, bool masked)
    {
        var figure = Figure.Count(count);

        Assert.Equal(masked, figure.IsMasked);
        Assert.Equal(masked ? null : (decimal?)count, figure.Disclosed);
        Assert.Equal("< 3", figure.MaskedText);
    }

    [Theory]
    [InlineData(15000, new long[] { 1 }, true)] // one study's grant
    [InlineData(36000, new long[] { 2, 2 }, true)] // two studies of two projects
    [InlineData(50000, new long[] { 3, 3 }, false)]
    [InlineData(4, new long[] { 1, 4 }, true)] // four porteurs of one project
    [InlineData(0, new long[] { 5, 0 }, false)] // no job from five companies
    [InlineData(0, new long[] { 1, 0 }, true)] // no job from one company
    [InlineData(null, new long[] { 0 }, false)] // a median of nothing
    public void AFigureDerivedFromFewerThanThreeRecords_IsMasked_WhateverItsValue(int? value, long[] groups, bool masked)
    {
        var figure = Figure.Of((decimal?)value, groups);

        Assert.Equal(masked, figure.IsMasked);
        Assert.Equal(masked ? null : (decimal?)value, figure.Disclosed);
        Assert.Equal((decimal?)value, figure.Unmasked);
        if (masked)
        {
            Assert.Equal("s", figure.MaskedText);
        }
    }

    [Theory]
    [InlineData(10, 10, false)] // 100 %
    [InlineData(0, 10, false)] // 0 %
    [InlineData(1, 10, true)] // a numerator of one
    [InlineData(9, 10, true)] // the one left out
    [InlineData(2, 2, true)] // a denominator of two
    [InlineData(0, 1, true)]
    [InlineData(0, 0, false)] // no referral: no rate, a dash
    public void ARate_IsMasked_WhenItsNumeratorItsDenominatorOrTheirDifferenceIsSmall(long numerator, long denominator, bool masked)
    {
        var figure = Figure.Rate(denominator == 0 ? null : 100m * numerator / denominator, numerator, denominator);

        Assert.Equal(masked, figure.IsMasked);
    }

    [Fact]
    public void ProtectTotal_WithholdsTheSmallestShownCell_WhenTheTotalWouldTellTheOneMaskedCell()
    {
        // 10 = 5 + 4 + 1: the total minus 5 and 4 tells the masked 1.
        var cells = Figure.ProtectTotal(Figure.Count(10), [Figure.Count(5), Figure.Count(4), Figure.Count(1), Figure.Count(0)]);

        Assert.Equal([false, true, true, false], cells.Select(c => c.IsMasked));
        Assert.True(cells[1].IsWithheld);
        Assert.Equal("s", cells[1].MaskedText); // not "< 3": it is 4
        Assert.Equal("< 3", cells[2].MaskedText);
        Assert.Equal(0, cells[3].Disclosed); // zeros stay zeros (withholding one would not hide anything)
    }

    [Fact]
    public void ProtectTotal_WithholdsMore_UntilTheMaskedCellsTogetherRestOnTheThreshold()
    {
        var amounts = new[] { Figure.Of(9000, 1), Figure.Of(60000, 4), Figure.Of(40000, 3), Figure.Of(18000, 1) };

        // The two masked cells rest on 2 studies together: their sum (total minus the rest) would still tell two grants.
        var cells = Figure.ProtectTotal(Figure.Of(127000, 9), amounts);

        Assert.Equal([true, false, true, true], cells.Select(c => c.IsMasked));
        Assert.True(cells.Where(c => c.IsMasked).Sum(c => c.Records) >= Indicators.Indicators.SmallCellThreshold);
    }

    [Fact]
    public void ProtectTotal_ChangesNothing_WhenNoCellIsMasked_OrTheTotalIsMaskedItself()
    {
        Assert.DoesNotContain(Figure.ProtectTotal(Figure.Count(9), [Figure.Count(4), Figure.Count(5)]), c => c.IsMasked);
        Assert.Equal([true, false], Figure.ProtectTotal(Figure.Count(2), [Figure.Count(2), Figure.Count(0)]).Select(c => c.IsMasked));
    }
}
