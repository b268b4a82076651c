using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Quimperlé", "quimperle")]
    [InlineData("QUIMPERLÉ", "quimperle")]
    [InlineData("Saint-Brieuc", "saint brieuc")]
    [InlineData("L'Hermitage", "l hermitage")]
    [InlineData("  Plœmeur  ", "ploemeur")]
    [InlineData("Île-de-Bréhat", "ile de brehat")]
    [InlineData("Pont--Aven", "pont aven")]
    [InlineData("29300", "29300")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("%_'\";", "")]
    public void Fold_RemovesAccentsCaseAndPunctuation(string? input, string expected) =>
        Assert.Equal(expected, SearchText.Fold(input));
}
