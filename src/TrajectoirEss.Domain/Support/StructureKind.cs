namespace TrajectoirEss.Domain.Support;

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
