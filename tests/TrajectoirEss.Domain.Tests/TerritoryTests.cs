using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Domain.Tests;

public sealed class TerritoryTests
{
    private static readonly Guid Morlaix = Guid.CreateVersion7();
    private static readonly Guid Brest = Guid.CreateVersion7();

    private static Epci EpciOf(string siren, Guid? pole)
    {
        var epci = new Epci(siren, "EPCI " + siren, "CA");
        if (pole is { } id)
        {
            epci.AttachToPole(id);
        }

        return epci;
    }

    [Fact]
    public void ResolvePole_UsesTheEpciOfTheCommune()
    {
        var commune = new Commune("29151", "Morlaix", "29", ["29600"], "242900835", 15194);
        Assert.Equal(Morlaix, commune.ResolvePole(EpciOf("242900835", Morlaix)));
    }

    [Fact]
    public void ResolvePole_ForACommuneWithoutEpci_UsesItsOwnPole()
    {
        var ouessant = new Commune("29155", "Ouessant", "29", ["29242"], null, 860);
        Assert.Null(ouessant.ResolvePole(null));

        ouessant.AttachToPole(Brest);
        Assert.Equal(Brest, ouessant.ResolvePole(null));
    }

    [Fact]
    public void AttachToPole_ForACommuneInAnEpci_IsRefused()
    {
        var morlaix = new Commune("29151", "Morlaix", "29", ["29600"], "242900835", 15194);
        var error = Assert.Throws<DomainException>(() => morlaix.AttachToPole(Brest));
        Assert.Contains("périmètre de l'EPCI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Commune_KeepsOnlyWellFormedDistinctPostalCodesInOrder()
    {
        var rennes = new Commune("35238", "Rennes", "35", ["35700", "35000", "35200", "35000", "350"], "243500139", 230890);
        Assert.Equal(["35000", "35200", "35700"], rennes.PostalCodes);
        Assert.Equal("rennes", rennes.SearchName);
    }

    [Theory]
    [InlineData("24290083")]
    [InlineData("2429008355")]
    [InlineData("24290083A")]
    [InlineData("")]
    public void Epci_WithAMalformedSiren_IsRefused(string siren) =>
        Assert.Throws<DomainException>(() => new Epci(siren, "Nom", "CA"));

    [Fact]
    public void Coverage_ReportsUncoveredAndDoubleCoveredCommunes()
    {
        var epcis = new Dictionary<string, Epci>
        {
            ["242900835"] = EpciOf("242900835", Morlaix),
            ["242900314"] = EpciOf("242900314", null),
        };
        var covered = new Commune("29151", "Morlaix", "29", [], "242900835", 1);
        var uncovered = new Commune("29019", "Brest", "29", [], "242900314", 1);
        var island = new Commune("29155", "Ouessant", "29", [], null, 1);
        var lostIsland = new Commune("29083", "Île-de-Sein", "29", [], null, 1);
        island.AttachToPole(Brest);

        var report = TerritoryCoverage.Check([covered, uncovered, island, lostIsland], epcis);

        Assert.False(report.IsComplete);
        Assert.Equal(["29019", "29083"], report.Uncovered.Select(c => c.CodeInsee));
        Assert.Empty(report.CoveredTwice);
        Assert.Equal(Morlaix, report.PoleByCommune["29151"]);
        Assert.Equal(Brest, report.PoleByCommune["29155"]);
    }

    [Fact]
    public void Coverage_OfAFullyAssignedMap_IsComplete()
    {
        var epcis = new Dictionary<string, Epci> { ["242900835"] = EpciOf("242900835", Morlaix) };
        var report = TerritoryCoverage.Check([new Commune("29151", "Morlaix", "29", [], "242900835", 1)], epcis);
        Assert.True(report.IsComplete);
    }

    [Theory]
    [InlineData("", "Le nom du pôle est obligatoire.")]
    [InlineData("   ", "Le nom du pôle est obligatoire.")]
    public void Pole_WithoutAName_IsRefused(string name, string message)
    {
        var error = Assert.Throws<DomainException>(() => new Pole(Guid.CreateVersion7(), "code", name, "29", null, null));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Pole_WithANameTooLong_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Pole(Guid.CreateVersion7(), "code", new string('a', Pole.NameMaxLength + 1), "29", null, null));
        Assert.Equal($"Le nom du pôle ne doit pas dépasser {Pole.NameMaxLength} caractères.", error.Message);
    }

    [Fact]
    public void Pole_TrimsItsFieldsAndStoresContact()
    {
        var pole = new Pole(Guid.CreateVersion7(), "reso-solidaire", "  Réso solidaire ", "35", " Pays de Rennes ", "Rennes");
        pole.UpdateContact(" contact@exemple.test ", null, "", "  ");
        Assert.Equal("Réso solidaire", pole.Name);
        Assert.Equal("Pays de Rennes", pole.Pays);
        Assert.Equal("contact@exemple.test", pole.Email);
        Assert.Null(pole.Website);
        Assert.Null(pole.Address);
    }
}
