using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

public sealed class ProgrammeTermsTests
{
    private static Programme Financing() =>
        Programme.Create(Guid.CreateVersion7(), "cap", "Cap création ESS", ProgrammeType.CapCreationEss, SupportCategory.Financement,
            new Structure(Guid.CreateVersion7(), "fab", "France Active Bretagne", StructureKind.FranceActive, null, null), null);

    private static Programme Training() =>
        Programme.Create(Guid.CreateVersion7(), "creopss", "Creopss", ProgrammeType.Creopss, SupportCategory.Formation,
            new Structure(Guid.CreateVersion7(), "kejal", "Scic Kejal", StructureKind.Kejal, null, null), null);

    public static TheoryData<string?, string?, string, string> InvalidBounds() => new()
    {
        { "-1", null, nameof(Programme.MinAmount), "Le montant minimum ne peut pas être négatif." },
        { null, "-0.01", nameof(Programme.MaxAmount), "Le montant maximum ne peut pas être négatif." },
        { "20000", "2000", nameof(Programme.MaxAmount), "Le montant maximum doit être supérieur ou égal au montant minimum." },
        { "2000.005", null, nameof(Programme.MinAmount), "Le montant minimum se compte en euros et centimes : deux décimales au plus." },
        { null, "10000000000", nameof(Programme.MaxAmount), "Le montant maximum est trop élevé." },
    };

    [Theory]
    [MemberData(nameof(InvalidBounds))]
    public void SetTerms_WithInvalidBounds_IsRefusedOnTheRightField_AndChangesNothing(string? min, string? max, string field, string message)
    {
        var programme = Financing();
        programme.SetTerms(new ProgrammeTerms(MinAmount: 1000m, MaxAmount: 5000m));

        var error = Assert.Throws<DomainException>(() => programme.SetTerms(new ProgrammeTerms(
            MinAmount: min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture),
            MaxAmount: max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(message, error.Message);
        Assert.Equal(field, error.Field);
        Assert.Equal(1000m, programme.MinAmount);
        Assert.Equal(5000m, programme.MaxAmount);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2000", "20000")]
    [InlineData("0", "0")]
    [InlineData("1500.50", null)]
    [InlineData(null, "20000")]
    public void SetTerms_WithValidBounds_StoresThem(string? min, string? max)
    {
        var programme = Financing();
        var terms = new ProgrammeTerms(ProjectStage.EtudeFaisabilite, " Comité de sélection ", 9, "gratuit",
            min is null ? null : decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture),
            max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture));

        programme.SetTerms(terms);

        Assert.Equal(terms with { Format = "Comité de sélection" }, programme.Terms);
    }

    [Fact]
    public void SetTerms_AmountsOnANonFinancingProgramme_AreRefused()
    {
        var error = Assert.Throws<DomainException>(() => Training().SetTerms(new ProgrammeTerms(MinAmount: 100m)));
        Assert.Equal("Les montants ne concernent que les programmes de financement.", error.Message);
        Assert.Equal(nameof(Programme.MinAmount), error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    [InlineData(-3)]
    public void SetTerms_WithADurationOutOfRange_IsRefused(int months)
    {
        var error = Assert.Throws<DomainException>(() => Training().SetTerms(new ProgrammeTerms(DurationMonths: months)));
        Assert.Equal("La durée se compte en mois, de 1 à 60.", error.Message);
        Assert.Equal(nameof(Programme.DurationMonths), error.Field);
    }

    [Fact]
    public void SetTerms_WithTextTooLong_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Training().SetTerms(new ProgrammeTerms(CostForPorteur: new string('€', Programme.CostMaxLength + 1))));
        Assert.Equal(nameof(Programme.CostForPorteur), error.Field);
    }

    [Fact]
    public void Describe_ToANonFinancingCategory_WithAmounts_IsRefused()
    {
        var programme = Financing();
        programme.SetTerms(new ProgrammeTerms(MinAmount: 2000m, MaxAmount: 20000m));

        var error = Assert.Throws<DomainException>(() => programme.Describe("Cap création ESS", SupportCategory.Accompagnement, null));

        Assert.Equal(nameof(Programme.Category), error.Field);
        Assert.Equal(SupportCategory.Financement, programme.Category);
    }

    [Fact]
    public void Describe_RenamesAndTrims()
    {
        var programme = Training();
        programme.Describe("  Creopss 2027 ", SupportCategory.Formation, " Formation longue ");
        Assert.Equal("Creopss 2027", programme.Name);
        Assert.Equal("Formation longue", programme.Description);
    }

    [Fact]
    public void Structure_InAnotherRegionsDepartement_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Structure(Guid.CreateVersion7(), "cae", "CAE", StructureKind.Cae, "44", null));
        Assert.Equal(nameof(Structure.DepartementCode), error.Field);
    }

    [Fact]
    public void Structure_Update_ChangesNameAndTerritory_NotItsKind()
    {
        var cae = new Structure(Guid.CreateVersion7(), "cae", "CAE", StructureKind.Cae, null, null);
        cae.Update(" Chrysalide ", "29", " Quimper ");
        cae.UpdateContact("https://exemple.test", "contact@exemple.test");
        Assert.Equal(("Chrysalide", "29", "Quimper", StructureKind.Cae), (cae.Name, cae.DepartementCode, cae.City, cae.Kind));
    }
}
