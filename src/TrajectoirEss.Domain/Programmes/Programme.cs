using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Programmes;

/// <summary>What a programme offers a porteur: the stage it targets, its format, duration, cost and, for financing, the amounts.</summary>
public sealed record ProgrammeTerms(
    ProjectStage? TargetStage = null,
    string? Format = null,
    int? DurationMonths = null,
    string? CostForPorteur = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null);

/// <summary>A programme (dispositif) run by one structure, e.g. the idéateur of TAg29.</summary>
public sealed class Programme
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2000;
    public const int FormatMaxLength = 200;
    public const int CostMaxLength = 200;
    public const int MinDurationMonths = 1;
    public const int MaxDurationMonths = 60;

    /// <summary>Amounts are euros with cents, below ten billion (numeric(12, 2)).</summary>
    public const decimal MaxAmountValue = 9_999_999_999.99m;

    public Programme(Guid id, string code, string name, ProgrammeType type, SupportCategory category, Guid structureId, string? description)
    {
        Id = id;
        Code = Guard.Required(code, CodeMaxLength, "Le code du programme");
        Name = Guard.Required(name, NameMaxLength, "Le nom du programme", nameof(Name));
        Type = type;
        Category = ValidCategory(category);
        StructureId = structureId;
        Description = Guard.Optional(description, DescriptionMaxLength, "La description", nameof(Description));
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Code, not data: the rules and indicators depend on it. Never changes after creation.</summary>
    public ProgrammeType Type { get; private set; }

    public SupportCategory Category { get; private set; }

    public Guid StructureId { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Deactivated rather than deleted: trajectories refer to it.</summary>
    public bool IsActive { get; private set; }

    /// <summary>The stage of maturity the programme is meant for.</summary>
    public ProjectStage? TargetStage { get; private set; }

    /// <summary>"Sessions collectives", "Formation longue certifiante"…</summary>
    public string? Format { get; private set; }

    public int? DurationMonths { get; private set; }

    /// <summary>What the porteur pays, in words: "environ 60 € par mois", "gratuit".</summary>
    public string? CostForPorteur { get; private set; }

    /// <summary>Financing only: the smallest amount granted, in euros; when set, it is the bound in force (see FinancingRules.BoundsFor).</summary>
    public decimal? MinAmount { get; private set; }

    /// <summary>Financing only: the largest amount granted, in euros; when set, it is the bound in force (see FinancingRules.BoundsFor).</summary>
    public decimal? MaxAmount { get; private set; }

    /// <summary>Whether financing applications are made under this programme (see <see cref="ProgrammeTypes.IsFinancing"/>).</summary>
    public bool IsFinancing => Type.IsFinancing();

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency between administrators.</summary>
    public uint Version { get; private set; }

    /// <summary>Creates a programme for a structure, refusing a programme the structure's kind cannot run.</summary>
    public static Programme Create(Guid id, string code, string name, ProgrammeType type, SupportCategory category, Structure structure, string? description)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!Enum.IsDefined(type))
        {
            throw new DomainException("Choisissez le type de programme dans la liste.", nameof(Type));
        }

        if (type.RunBy() != structure.Kind)
        {
            throw new DomainException($"Le programme « {type.Label()} » est porté par un(e) {type.RunBy().Label()}, pas par {structure.Name}.", nameof(Type));
        }

        return new Programme(id, code, name, type, category, structure.Id, description);
    }

    /// <summary>Renames the programme, changes its kind of service and its description.</summary>
    public void Describe(string? name, SupportCategory category, string? description)
    {
        var newName = Guard.Required(name, NameMaxLength, "Le nom du programme", nameof(Name));
        var newCategory = ValidCategory(category);
        var newDescription = Guard.Optional(description, DescriptionMaxLength, "La description", nameof(Description));
        if (IsFinancing && newCategory != SupportCategory.Financement)
        {
            throw new DomainException("Un programme de financement (Cap création ESS, fonds de confiance) reste dans le service « Financement » : ses règles en dépendent.", nameof(Category));
        }

        (Name, Category, Description) = (newName, newCategory, newDescription);
    }

    /// <summary>Sets the offer; every value is checked before any is stored.</summary>
    public void SetTerms(ProgrammeTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.TargetStage is { } stage && !Enum.IsDefined(stage))
        {
            throw new DomainException("Choisissez le stade visé dans la liste.", nameof(TargetStage));
        }

        var format = Guard.Optional(terms.Format, FormatMaxLength, "Le format", nameof(Format));
        if (terms.DurationMonths is { } months && (months < MinDurationMonths || months > MaxDurationMonths))
        {
            throw new DomainException($"La durée se compte en mois, de {MinDurationMonths} à {MaxDurationMonths}.", nameof(DurationMonths));
        }

        var cost = Guard.Optional(terms.CostForPorteur, CostMaxLength, "Le coût pour le porteur", nameof(CostForPorteur));
        CheckAmount(terms.MinAmount, "Le montant minimum", nameof(MinAmount));
        CheckAmount(terms.MaxAmount, "Le montant maximum", nameof(MaxAmount));
        if ((terms.MinAmount is not null || terms.MaxAmount is not null) && !IsFinancing)
        {
            throw new DomainException("Les montants ne concernent que les programmes de financement.", terms.MinAmount is not null ? nameof(MinAmount) : nameof(MaxAmount));
        }

        if (terms.MinAmount > terms.MaxAmount)
        {
            throw new DomainException("Le montant maximum doit être supérieur ou égal au montant minimum.", nameof(MaxAmount));
        }

        (TargetStage, Format, DurationMonths, CostForPorteur, MinAmount, MaxAmount) =
            (terms.TargetStage, format, terms.DurationMonths, cost, terms.MinAmount, terms.MaxAmount);
    }

    public ProgrammeTerms Terms => new(TargetStage, Format, DurationMonths, CostForPorteur, MinAmount, MaxAmount);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static SupportCategory ValidCategory(SupportCategory category) =>
        Enum.IsDefined(category) ? category : throw new DomainException("Choisissez le type de service : formation, accompagnement ou financement.", nameof(Category));

    private static void CheckAmount(decimal? amount, string label, string field)
    {
        if (amount is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            throw new DomainException($"{label} ne peut pas être négatif.", field);
        }

        if (value > MaxAmountValue)
        {
            throw new DomainException($"{label} est trop élevé.", field);
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new DomainException($"{label} se compte en euros et centimes : deux décimales au plus.", field);
        }
    }
}
