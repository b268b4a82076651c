using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Tests;

public sealed class ListItemTests
{
    private static readonly DateTimeOffset Later = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private static string Slug(string label) => SearchText.Fold(label).Replace(' ', '-');

    private static List<ListItem> Sectors() =>
    [
        new(Guid.CreateVersion7(), ListKind.Sector, "commerce", "Commerce", 10),
        new(Guid.CreateVersion7(), ListKind.Sector, "culture", "Culture", 20),
        new(Guid.CreateVersion7(), ListKind.Sector, "energie", "Énergie", 30),
    ];

    [Theory]
    [InlineData("Économie circulaire", "economie-circulaire")]
    [InlineData("Commerce de détail", "commerce-de-detail")]
    [InlineData("Culture & patrimoine", "culture-patrimoine")]
    public void Add_MakesTheCodeFromTheLabel_AtTheEndOfTheList(string label, string code)
    {
        var sectors = Sectors();
        var item = ListItem.Add(Guid.CreateVersion7(), ListKind.Sector, label, Slug, sectors);
        Assert.Equal(code, item.Code);
        Assert.Equal(40, item.SortOrder);
        Assert.True(item.IsActive);
    }

    [Fact]
    public void Add_WithATakenCode_AddsANumber()
    {
        var sectors = Sectors();
        sectors.Add(new ListItem(Guid.CreateVersion7(), ListKind.Sector, "mer", "Pêche et mer", 40));
        var item = ListItem.Add(Guid.CreateVersion7(), ListKind.Sector, "Mer", Slug, sectors);
        Assert.Equal("mer-2", item.Code);
        Assert.Equal(50, item.SortOrder);
    }

    [Theory]
    [InlineData("Culture")]
    [InlineData("  culture ")]
    [InlineData("ÉNERGIE")]
    public void Add_ALabelAlreadyInTheList_IsRefused(string label)
    {
        var error = Assert.Throws<DomainException>(() => ListItem.Add(Guid.CreateVersion7(), ListKind.Sector, label, Slug, Sectors()));
        Assert.Equal(nameof(ListItem.Label), error.Field);
    }

    [Fact]
    public void Add_WithoutALabel_IsRefused() =>
        Assert.Equal("Le libellé est obligatoire.", Assert.Throws<DomainException>(() => ListItem.Add(Guid.CreateVersion7(), ListKind.Sector, " ", Slug, Sectors())).Message);

    [Theory]
    [InlineData("commerce", "commerce-2")]
    [InlineData("", "valeur")]
    public void UniqueCode_AvoidsTakenCodes(string slug, string expected) =>
        Assert.Equal(expected, ListItem.UniqueCode(slug, ["commerce", "culture"]));

    [Fact]
    public void UniqueCode_StaysWithinTheMaximumLength()
    {
        var longSlug = new string('a', 80);
        var first = ListItem.UniqueCode(longSlug, []);
        var second = ListItem.UniqueCode(longSlug, [first]);
        Assert.Equal(ListItem.CodeMaxLength, first.Length);
        Assert.True(second.Length <= ListItem.CodeMaxLength);
        Assert.EndsWith("-2", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("energie", -1, new[] { "commerce", "energie", "culture" })]
    [InlineData("commerce", 1, new[] { "culture", "commerce", "energie" })]
    [InlineData("commerce", -1, new[] { "commerce", "culture", "energie" })]
    [InlineData("energie", 1, new[] { "commerce", "culture", "energie" })]
    public void Move_SwapsWithTheNeighbour_AndRenumbers(string code, int offset, string[] expected)
    {
        var sectors = Sectors();
        ListItem.Move(sectors, sectors.Single(s => s.Code == code).Id, offset);
        Assert.Equal(expected, sectors.OrderBy(s => s.SortOrder).Select(s => s.Code));
        Assert.Equal([10, 20, 30], sectors.Select(s => s.SortOrder).Order());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void MoveTo_OutOfRange_IsRefused(int order) =>
        Assert.Equal(nameof(ListItem.SortOrder), Assert.Throws<DomainException>(() => Sectors()[0].MoveTo(order)).Field);

    [Fact]
    public void Deactivate_TheValueTheRulesNeed_IsRefused_ButRenameWorks()
    {
        var undecided = new ListItem(Guid.CreateVersion7(), ListKind.LegalForm, ListItem.UndecidedLegalForm, "Je ne sais pas encore", 10);
        Assert.Throws<DomainException>(undecided.Deactivate);
        undecided.Rename("Pas encore décidé");
        Assert.True(undecided.IsActive);
        Assert.Equal("Pas encore décidé", undecided.Label);
    }

    [Fact]
    public void Deactivate_ThenActivate_KeepsTheCode()
    {
        var culture = Sectors()[1];
        culture.Deactivate();
        Assert.False(culture.IsActive);
        culture.Activate();
        Assert.Equal(("culture", true), (culture.Code, culture.IsActive));
    }

    [Fact]
    public void WithDetails_JoinsTheLabelAndWhatWasTyped()
    {
        Assert.Equal("Hors périmètre", ListItem.WithDetails("Hors périmètre", "  "));
        Assert.Equal("Hors périmètre — trop loin de Brest", ListItem.WithDetails("Hors périmètre", " trop loin de Brest "));
    }

    [Fact]
    public void DetailsAsLongAsTheFormTakes_BesideTheLongestLabel_FitTheReason()
    {
        var label = new string('l', ListItem.LabelMaxLength);
        var declineDetails = new string('d', ListItem.DetailsMaxLength(Referral.ReasonMaxLength));
        Assert.Equal(Referral.ReasonMaxLength, ListItem.WithDetails(label, declineDetails).Length);

        var closingDetails = new string('d', ListItem.DetailsMaxLength(Project.ClosingReasonMaxLength));
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        project.Close(ProjectOutcome.Abandoned, ListItem.WithDetails(label, closingDetails), Guid.CreateVersion7(), Later);
        Assert.Equal(ProjectStatus.Closed, project.Status);
        Assert.Throws<DomainException>(() => ProjectTests.InStatus(ProjectStatus.Welcomed).Close(ProjectOutcome.Abandoned, ListItem.WithDetails(label, closingDetails + "d"), Guid.CreateVersion7(), Later));
    }

    [Fact]
    public void EveryKind_HasAFrenchLabel() =>
        Assert.All(Enum.GetValues<ListKind>(), k => Assert.NotEqual(k.ToString(), k.Label()));
}
