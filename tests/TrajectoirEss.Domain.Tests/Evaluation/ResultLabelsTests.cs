using TrajectoirEss.Domain.Evaluation;

namespace TrajectoirEss.Domain.Tests.Evaluation;

/// <summary>How the report and the public synthesis word a result: a target met or not, a small count masked.</summary>
public sealed class ResultLabelsTests
{
    [Theory]
    [InlineData(true, "Cible atteinte")]
    [InlineData(false, "Cible non atteinte")]
    [InlineData(null, "Sans objet")]
    public void TargetLabel_SaysWhetherTheTargetIsMet(bool? meets, string expected) =>
        Assert.Equal(expected, ResultLabels.TargetLabel(meets));

    [Theory]
    [InlineData(MeasureUnit.Count, 0, "0", null)]
    [InlineData(MeasureUnit.Count, 1, null, "< 3")]
    [InlineData(MeasureUnit.Count, 2, null, "< 3")]
    [InlineData(MeasureUnit.Count, 3, "3", null)]
    [InlineData(MeasureUnit.Percent, 2, "2", null)]
    [InlineData(MeasureUnit.Euros, 1, "1", null)]
    [InlineData(MeasureUnit.Days, 2, "2", null)]
    public void Shown_MasksACountUnderThree_AndNothingElse(MeasureUnit unit, int value, string? shown, string? masked)
    {
        var result = IndicatorResults.Shown(unit, value);

        Assert.Equal(shown, result.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(masked, result.MaskedText);
    }
}
