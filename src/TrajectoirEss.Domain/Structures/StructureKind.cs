namespace TrajectoirEss.Domain.Structures;

/// <summary>The kinds of support structure. Rules depend on them (who runs which programme), so they are code.</summary>
public enum StructureKind
{
    /// <summary>TAg BZH, "propulseur d'entrepreneuriat collectif" (one per département).</summary>
    TagBzh = 1,

    /// <summary>Scic Kejal, which runs the Creopss training.</summary>
    Kejal = 2,

    /// <summary>France Active Bretagne, the financer.</summary>
    FranceActive = 3,

    /// <summary>Coopérative d'activités et d'emploi.</summary>
    Cae = 4,

    /// <summary>Union régionale des Scop et Scic de l'Ouest.</summary>
    Urscop = 5,
}

public static class StructureKinds
{
    public static string Label(this StructureKind kind) => kind switch
    {
        StructureKind.TagBzh => "TAg BZH",
        StructureKind.Kejal => "Scic Kejal",
        StructureKind.FranceActive => "France Active Bretagne",
        StructureKind.Cae => "Coopérative d'activités et d'emploi",
        StructureKind.Urscop => "Union régionale des Scop et Scic",
        _ => kind.ToString(),
    };

    /// <summary>What the structures of this kind do with a project, in the porteurs' words (their sharing choices).</summary>
    public static string Role(this StructureKind kind) => kind switch
    {
        StructureKind.TagBzh => "propulseurs d'entrepreneuriat collectif : idéateur, révélateur et incubateur, un par département",
        StructureKind.Kejal => "la formation Creopss",
        StructureKind.FranceActive => "le financement : Cap création ESS et fonds de confiance",
        StructureKind.Cae => "coopératives d'activités et d'emploi : tester son activité comme entrepreneur-salarié",
        StructureKind.Urscop => "l'accompagnement à la création de Scop et de Scic",
        _ => string.Empty,
    };
}
