using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Programmes;

/// <summary>
/// The programmes (dispositifs) of the continuum. Their names stay as the programme calls them.
/// Indicators and rules depend on the type, so it is code; names, descriptions and bounds are data.
/// </summary>
public enum ProgrammeType
{
    Ideateur = 1,
    Revelateur = 2,
    Incubateur = 3,
    Creopss = 4,
    CapCreationEss = 5,
    FondsDeConfiance = 6,
    CaeHosting = 7,
    ScopScicSupport = 8,
}

/// <summary>The three kinds of service of the continuum.</summary>
public enum SupportCategory
{
    Formation = 1,
    Accompagnement = 2,
    Financement = 3,
}

public static class ProgrammeTypes
{
    public static string Label(this ProgrammeType type) => type switch
    {
        ProgrammeType.Ideateur => "Idéateur",
        ProgrammeType.Revelateur => "Révélateur",
        ProgrammeType.Incubateur => "Incubateur",
        ProgrammeType.Creopss => "Creopss",
        ProgrammeType.CapCreationEss => "Cap création ESS",
        ProgrammeType.FondsDeConfiance => "Fonds de confiance",
        ProgrammeType.CaeHosting => "Hébergement en CAE",
        ProgrammeType.ScopScicSupport => "Accompagnement Scop / Scic",
        _ => type.ToString(),
    };

    /// <summary>
    /// A financing programme (France Active Bretagne's Cap création ESS and fonds de confiance): the one
    /// definition, by type (fixed when the programme is created), of where financing applications are made.
    /// </summary>
    public static bool IsFinancing(this ProgrammeType type) => type is ProgrammeType.CapCreationEss or ProgrammeType.FondsDeConfiance;

    /// <summary>
    /// A programme run in sessions or cohorts (idéateur sessions, incubator promotions, Creopss…): every one but the
    /// financing programmes, whose records are applications to a committee.
    /// </summary>
    public static bool HasSessions(this ProgrammeType type) => !type.IsFinancing();

    /// <summary>Which kind of structure may run a programme of this type.</summary>
    public static StructureKind RunBy(this ProgrammeType type) => type switch
    {
        ProgrammeType.Ideateur or ProgrammeType.Revelateur or ProgrammeType.Incubateur => StructureKind.TagBzh,
        ProgrammeType.Creopss => StructureKind.Kejal,
        ProgrammeType.CapCreationEss or ProgrammeType.FondsDeConfiance => StructureKind.FranceActive,
        ProgrammeType.CaeHosting => StructureKind.Cae,
        ProgrammeType.ScopScicSupport => StructureKind.Urscop,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Label(this SupportCategory category) => category switch
    {
        SupportCategory.Formation => "Formation",
        SupportCategory.Accompagnement => "Accompagnement",
        SupportCategory.Financement => "Financement",
        _ => category.ToString(),
    };
}
