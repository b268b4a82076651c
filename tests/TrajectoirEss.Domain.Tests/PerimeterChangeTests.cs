using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Domain.Tests;

/// <summary>A small map: Morlaix covers EPCI A (2 communes), Brest covers B (1 commune) and the island; C has no commune.</summary>
public sealed class PerimeterChangeTests
{
    private readonly Pole _morlaix = new(Guid.CreateVersion7(), "morlaix", "ADESS du Pays de Morlaix", "29", null, "Morlaix");
    private readonly Pole _brest = new(Guid.CreateVersion7(), "brest", "ADESS Pays de Brest", "29", null, "Brest");
    private readonly Pole _nouveau = new(Guid.CreateVersion7(), "nouveau", "Nouveau pôle", "29", null, null);
    private readonly Epci _a = new("200000001", "CA Morlaix", "CA");
    private readonly Epci _b = new("200000002", "Brest Métropole", "METRO");
    private readonly Epci _c = new("200000003", "CC sans commune", "CC");
    private readonly List<Commune> _communes;

    public PerimeterChangeTests()
    {
        _a.AttachToPole(_morlaix.Id);
        _b.AttachToPole(_brest.Id);
        _c.AttachToPole(_morlaix.Id);
        var island = new Commune("29155", "Ouessant", "29", [], null, 860);
        island.AttachToPole(_brest.Id);
        _communes =
        [
            new Commune("29151", "Morlaix", "29", [], _a.Siren, 15000),
            new Commune("29023", "Carantec", "29", [], _a.Siren, 3000),
            new Commune("29019", "Brest", "29", [], _b.Siren, 140000),
            island,
        ];
    }

    private Epci[] Epcis => [_a, _b, _c];

    [Fact]
    public void TakingAnEpciFromAnotherPole_IsAllowed_AndMovesIt()
    {
        var change = PerimeterChange.Plan(_morlaix, [_a.Siren, _b.Siren, _c.Siren], [], Epcis, _communes);

        Assert.True(change.IsAllowed);
        Assert.Equal([(_b, (Guid?)_brest.Id)], change.Taken);
        Assert.Empty(change.Released);
        Assert.Equal(_brest.Id, _b.PoleId); // nothing moves before Apply

        change.Apply();

        Assert.Equal(_morlaix.Id, _b.PoleId);
        Assert.Equal(_morlaix.Id, change.Coverage.PoleByCommune["29019"]);
    }

    [Fact]
    public void ReleasingAnEpciNobodyTakes_IsRefused_WithTheCommunesConcerned_AndChangesNothing()
    {
        var change = PerimeterChange.Plan(_morlaix, [_c.Siren], [], Epcis, _communes);

        Assert.False(change.IsAllowed);
        Assert.Equal(["29023", "29151"], change.Coverage.Uncovered.Select(c => c.CodeInsee).Order());
        var error = Assert.Throws<DomainException>(change.Apply);
        Assert.Contains("2 commune(s) resteraient sans pôle", error.Message, StringComparison.Ordinal);
        Assert.Contains("Morlaix (29151)", error.Message, StringComparison.Ordinal);
        Assert.Equal(_morlaix.Id, _a.PoleId);
    }

    [Fact]
    public void ReleasingAnEpciWithoutCommunes_IsAllowed()
    {
        var change = PerimeterChange.Plan(_morlaix, [_a.Siren], [], Epcis, _communes);
        change.Apply();
        Assert.Null(_c.PoleId);
    }

    [Fact]
    public void ANewPole_TakesEverythingFromAnother_ThenTheEmptiedPoleCanBeDeactivated()
    {
        Assert.Throws<DomainException>(() => _brest.Deactivate(Epcis, _communes));

        PerimeterChange.Plan(_nouveau, [_b.Siren], ["29155"], Epcis, _communes).Apply();
        _brest.Deactivate(Epcis, _communes);

        Assert.False(_brest.IsActive);
        Assert.Equal(_nouveau.Id, _communes.Single(c => c.CodeInsee == "29155").PoleId);
        Assert.True(TerritoryCoverage.Check(_communes, Epcis.ToDictionary(e => e.Siren)).IsComplete);
    }

    [Fact]
    public void ReleasingAnIsland_IsRefused()
    {
        var change = PerimeterChange.Plan(_brest, [_b.Siren], [], Epcis, _communes);
        Assert.Equal(["29155"], change.Coverage.Uncovered.Select(c => c.CodeInsee));
        Assert.False(change.IsAllowed);
    }

    [Fact]
    public void ADeactivatedPole_CannotBeGivenATerritory()
    {
        _nouveau.Deactivate(Epcis, _communes);
        var error = Assert.Throws<DomainException>(() => PerimeterChange.Plan(_nouveau, [_c.Siren], [], Epcis, _communes));
        Assert.Contains("désactivé", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999999", null)]
    [InlineData(null, "29151")]
    public void UnknownEpciOrACommuneWithAnEpci_IsRefused(string? siren, string? commune) =>
        Assert.Throws<DomainException>(() => PerimeterChange.Plan(_morlaix, siren is null ? [] : [siren], commune is null ? [] : [commune], Epcis, _communes));

    [Fact]
    public void TheSamePerimeter_IsAnEmptyChange() =>
        Assert.True(PerimeterChange.Plan(_morlaix, [_a.Siren, _c.Siren], [], Epcis, _communes).IsEmpty);

    [Fact]
    public void UpdateFromReference_IntoAnEpci_DropsTheCommunesOwnPole()
    {
        var island = _communes.Single(c => c.CodeInsee == "29155");
        island.UpdateFromReference("Ouessant", "29", ["29242"], _b.Siren, 850);
        Assert.Null(island.PoleId);
        Assert.Equal(_b.Siren, island.EpciSiren);
    }

    [Fact]
    public void Pole_UpdateIdentity_RefusesADepartementOutsideBrittany()
    {
        var error = Assert.Throws<DomainException>(() => _morlaix.UpdateIdentity("ADESS", "44", null, null));
        Assert.Equal(nameof(Pole.DepartementCode), error.Field);
        Assert.Equal("29", _morlaix.DepartementCode);
    }
}
