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
}
