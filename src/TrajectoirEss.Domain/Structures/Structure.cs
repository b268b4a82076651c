using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Structures;

/// <summary>A support structure that runs programmes: a TAg BZH, the Scic Kejal, France Active Bretagne, a CAE, the URSCOP.</summary>
public sealed class Structure
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 150;
    public const int CityMaxLength = 100;
    public const int WebsiteMaxLength = 300;
    public const int EmailMaxLength = 254;

    public Structure(Guid id, string code, string name, StructureKind kind, string? departementCode, string? city)
    {
        Id = id;
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choisissez le type de structure dans la liste.", nameof(Kind));
        }

        Code = Guard.Required(code, CodeMaxLength, "Le code de la structure");
        Name = Guard.Required(name, NameMaxLength, "Le nom de la structure", nameof(Name));
        Kind = kind;
        DepartementCode = Guard.Departement(departementCode, nameof(DepartementCode));
        City = Guard.Optional(city, CityMaxLength, "La ville", nameof(City));
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable identifier of the reference data (e.g. "tag29"); never shown.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public StructureKind Kind { get; private set; }

    /// <summary>The département it covers, when it covers one (a TAg); null for regional structures.</summary>
    public string? DepartementCode { get; private set; }

    public string? City { get; private set; }

    public string? Website { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Deactivated rather than deleted: trajectories refer to it.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency between administrators.</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Corrects the name and the territory. The kind never changes: the structure's programmes depend on it.
    /// </summary>
    public void Update(string? name, string? departementCode, string? city)
    {
        var newName = Guard.Required(name, NameMaxLength, "Le nom de la structure", nameof(Name));
        var newDepartement = Guard.Departement(departementCode, nameof(DepartementCode));
        var newCity = Guard.Optional(city, CityMaxLength, "La ville", nameof(City));
        (Name, DepartementCode, City) = (newName, newDepartement, newCity);
    }

    public void UpdateContact(string? website, string? email)
    {
        var newWebsite = Guard.Optional(website, WebsiteMaxLength, "Le site web", nameof(Website));
        var newEmail = Guard.Optional(email, EmailMaxLength, "L'adresse électronique", nameof(Email));
        (Website, Email) = (newWebsite, newEmail);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
