using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

public sealed class ProgrammeTests
{
    public static TheoryData<ProgrammeType, StructureKind> Runners() => new()
    {
        { ProgrammeType.Ideateur, StructureKind.TagBzh },
        { ProgrammeType.Revelateur, StructureKind.TagBzh },
        { ProgrammeType.Incubateur, StructureKind.TagBzh },
        { ProgrammeType.Creopss, StructureKind.Kejal },
        { ProgrammeType.CapCreationEss, StructureKind.FranceActive },
        { ProgrammeType.FondsDeConfiance, StructureKind.FranceActive },
        { ProgrammeType.CaeHosting, StructureKind.Cae },
        { ProgrammeType.ScopScicSupport, StructureKind.Urscop },
    };

    [Theory]
    [MemberData(nameof(Runners))]
    public void Create_ByTheRightKindOfStructure_Succeeds(ProgrammeType type, StructureKind kind)
    {
        var structure = new Structure(Guid.CreateVersion7(), "s", "Structure", kind, null, null);
        var programme = Programme.Create(Guid.CreateVersion7(), "p", type.Label(), type, SupportCategory.Accompagnement, structure, null);
        Assert.Equal(structure.Id, programme.StructureId);
        Assert.True(programme.IsActive);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void Create_ByAnyOtherKindOfStructure_IsRefused(ProgrammeType type, StructureKind kind)
    {
        foreach (var other in Enum.GetValues<StructureKind>().Where(k => k != kind))
        {
            var structure = new Structure(Guid.CreateVersion7(), "s", "Autre structure", other, null, null);
            var error = Assert.Throws<DomainException>(() =>
                Programme.Create(Guid.CreateVersion7(), "p", "Programme", type, SupportCategory.Formation, structure, null));
            Assert.Contains("Autre structure", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deactivate_KeepsTheProgrammeButMarksItInactive()
    {
        var kejal = new Structure(Guid.CreateVersion7(), "kejal", "Scic Kejal", StructureKind.Kejal, null, null);
        var creopss = Programme.Create(Guid.CreateVersion7(), "creopss", "Creopss", ProgrammeType.Creopss, SupportCategory.Formation, kejal, null);

        creopss.Deactivate();
        Assert.False(creopss.IsActive);
        creopss.Activate();
        Assert.True(creopss.IsActive);
    }
}
