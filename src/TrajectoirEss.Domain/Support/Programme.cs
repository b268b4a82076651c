using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Support;

/// <summary>A programme (dispositif) run by one structure, e.g. the idéateur of TAg29.</summary>
public sealed class Programme
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2000;

    public Programme(Guid id, string code, string name, ProgrammeType type, SupportCategory category, Guid structureId, string? description)
    {
        Id = id;
        Code = Guard.Required(code, CodeMaxLength, "Le code du programme");
        Name = Guard.Required(name, NameMaxLength, "Le nom du programme");
        Type = type;
        Category = category;
        StructureId = structureId;
        Description = Guard.Optional(description, DescriptionMaxLength, "La description");
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public ProgrammeType Type { get; private set; }

    public SupportCategory Category { get; private set; }

    public Guid StructureId { get; private set; }

    public string? Description { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Creates a programme for a structure, refusing a programme the structure's kind cannot run.</summary>
    public static Programme Create(Guid id, string code, string name, ProgrammeType type, SupportCategory category, Structure structure, string? description)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (type.RunBy() != structure.Kind)
        {
            throw new DomainException($"Le programme « {type.Label()} » est porté par un(e) {type.RunBy().Label()}, pas par {structure.Name}.");
        }

        return new Programme(id, code, name, type, category, structure.Id, description);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
