using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Tests.Coordination;

public sealed class SemesterAndLabelsTests
{
    [Theory]
    [InlineData("2026-01-01", "1er semestre 2026")]
    [InlineData("2026-06-30", "1er semestre 2026")]
    [InlineData("2026-07-01", "2e semestre 2026")]
    [InlineData("2026-12-31", "2e semestre 2026")]
    public void Of_TakesTheHalfOfTheYear(string date, string label)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var semester = Semester.Of(on);

        Assert.Equal(label, semester.Label);
        Assert.True(semester.Contains(on));
    }

    [Fact]
    public void Of_ADateOutOfBounds_IsRefused() =>
        Assert.Equal(PlausibleDates.Message, Assert.Throws<DomainException>(() => Semester.Of(DateOnly.MaxValue)).Message);

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 3)]
    [InlineData(1999, 1)]
    [InlineData(2101, 2)]
    public void Create_OnlyTheFirstOrSecondHalfOfAPlausibleYear(int year, int half) =>
        Assert.Equal("Semester", Assert.Throws<DomainException>(() => Semester.Create(year, half, "Semester")).Field);

    [Fact]
    public void NextAndPrevious_CrossTheYear_AndOrderHolds()
    {
        var second = Semester.Create(2026, 2);

        Assert.Equal(Semester.Create(2027, 1), second.Next());
        Assert.Equal(Semester.Create(2026, 1), second.Previous());
        Assert.Equal(Semester.Create(2025, 2), Semester.Create(2026, 1).Previous());
        Assert.True(second.Previous() < second && second < second.Next());
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)), (second.StartsOn, second.EndsOn));
    }

    /// <summary>Every value has its own label (Information and Public are the same word in French).</summary>
    [Fact]
    public void EveryValue_HasAFrenchLabel()
    {
        Assert.Equal(["Acteurs de l'ESS", "Pôles ESS", "Pouvoirs publics", "Réseaux et têtes de réseau"], Enum.GetValues<College>().Select(c => c.Label()));
        Assert.All(Enum.GetValues<OrganisationKind>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<BodyKind>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<MilestoneKind>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<MilestoneState>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<AgendaItemKind>().Where(k => k != AgendaItemKind.Information), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<AgendaLinkKind>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<PlatformSessionStatus>(), s => Assert.NotEqual(s.ToString(), s.Label()));
        Assert.All(Enum.GetValues<PlatformSessionAction>(), a => Assert.NotEqual(a.ToString(), a.Label()));
        Assert.All(Enum.GetValues<AttendanceStatus>(), k => Assert.NotEqual(k.ToString(), k.Label()));
        Assert.All(Enum.GetValues<MinutesVisibility>().Where(v => v != MinutesVisibility.Public), k => Assert.NotEqual(k.ToString(), k.Label()));
    }

    [Fact]
    public void DefaultCollege_IsOneThatAcceptsTheKind() =>
        Assert.All(Enum.GetValues<OrganisationKind>(), k => Assert.True(k.DefaultCollege().Accepts(k)));
}
