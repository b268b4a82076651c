using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Support;

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
        Code = Guard.Required(code, CodeMaxLength, "Le code de la structure");
        Name = Guard.Required(name, NameMaxLength, "Le nom de la structure");
        Kind = kind;
        DepartementCode = departementCode;
        City = Guard.Optional(city, CityMaxLength, "La ville");
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

    public void UpdateContact(string? website, string? email)
    {
        Website = Guard.Optional(website, WebsiteMaxLength, "Le site web");
        Email = Guard.Optional(email, EmailMaxLength, "L'adresse électronique");
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
