namespace TrajectoirEss.Domain.Territory;

/// <summary>One of the four départements of Brittany.</summary>
public sealed class Departement
{
    public const int CodeLength = 2;
    public const int NameMaxLength = 60;

    public Departement(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The four départements of région 53, as the reference data knows them.</summary>
    public static IReadOnlyList<Departement> OfBrittany { get; } =
    [
        new("22", "Côtes-d'Armor"),
        new("29", "Finistère"),
        new("35", "Ille-et-Vilaine"),
        new("56", "Morbihan"),
    ];
}
