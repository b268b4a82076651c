using System.ComponentModel.DataAnnotations;
using DomainStructure = TrajectoirEss.Domain.Structures.Structure;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Structures;

public sealed record StructureListLine(Guid Id, string Name, StructureKind Kind, string? Departement, string? City, int Programmes, int ActiveProgrammes, bool IsActive);

public sealed record ProgrammeLine(Guid Id, string Name, ProgrammeType Type, SupportCategory Category, bool IsActive);

/// <summary>A structure's name, territory and contact; its kind only when it is created.</summary>
public sealed class StructureInput
{
    [Display(Name = "Nom de la structure")]
    [Required(ErrorMessage = "Le nom de la structure est obligatoire.")]
    [StringLength(DomainStructure.NameMaxLength, ErrorMessage = "Le nom de la structure ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Type de structure")]
    public StructureKind? Kind { get; set; }

    [Display(Name = "Département couvert")]
    public string? DepartementCode { get; set; }

    [Display(Name = "Ville")]
    [StringLength(DomainStructure.CityMaxLength, ErrorMessage = "La ville ne doit pas dépasser {1} caractères.")]
    public string? City { get; set; }

    [Display(Name = "Site web")]
    [Url(ErrorMessage = "Saisissez l'adresse complète du site, par exemple https://www.exemple.fr.")]
    [StringLength(DomainStructure.WebsiteMaxLength, ErrorMessage = "Le site web ne doit pas dépasser {1} caractères.")]
    public string? Website { get; set; }

    [Display(Name = "Adresse électronique")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple contact@exemple.fr.")]
    [StringLength(DomainStructure.EmailMaxLength, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string? Email { get; set; }

    public uint Version { get; set; }

    public static StructureInput From(DomainStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return new StructureInput
        {
            Name = structure.Name,
            Kind = structure.Kind,
            DepartementCode = structure.DepartementCode,
            City = structure.City,
            Website = structure.Website,
            Email = structure.Email,
            Version = structure.Version,
        };
    }

    public IReadOnlyList<(string Label, string? Value)> Describe() =>
        [("Nom", Name), ("Département", DepartementCode), ("Ville", City), ("Site web", Website), ("Adresse électronique", Email)];
}

public sealed class StructureEditPage
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required StructureKind Kind { get; init; }

    public required bool IsActive { get; init; }

    public required StructureInput Input { get; init; }

    public required uint StoredVersion { get; init; }

    public required IReadOnlyList<ConflictLine> Conflict { get; init; }

    public required IReadOnlyList<ProgrammeLine> Programmes { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }
}

/// <summary>A programme's description and terms; its type only when it is created.</summary>
public sealed class ProgrammeInput
{
    [Display(Name = "Nom du programme")]
    [Required(ErrorMessage = "Le nom du programme est obligatoire.")]
    [StringLength(Programme.NameMaxLength, ErrorMessage = "Le nom du programme ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Type de programme")]
    public ProgrammeType? Type { get; set; }

    [Display(Name = "Service rendu")]
    [Required(ErrorMessage = "Choisissez le type de service : formation, accompagnement ou financement.")]
    public SupportCategory? Category { get; set; }

    [Display(Name = "Description")]
    [StringLength(Programme.DescriptionMaxLength, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
    public string? Description { get; set; }

    [Display(Name = "Stade de maturité visé")]
    public ProjectStage? TargetStage { get; set; }

    [Display(Name = "Format")]
    [StringLength(Programme.FormatMaxLength, ErrorMessage = "Le format ne doit pas dépasser {1} caractères.")]
    public string? Format { get; set; }

    [Display(Name = "Durée (en mois)")]
    public int? DurationMonths { get; set; }

    [Display(Name = "Coût pour le porteur")]
    [StringLength(Programme.CostMaxLength, ErrorMessage = "Le coût pour le porteur ne doit pas dépasser {1} caractères.")]
    public string? CostForPorteur { get; set; }

    [Display(Name = "Montant minimum (€)")]
    [StringLength(30)]
    public string? MinAmount { get; set; }

    [Display(Name = "Montant maximum (€)")]
    [StringLength(30)]
    public string? MaxAmount { get; set; }

    public uint Version { get; set; }

    public static ProgrammeInput From(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return new ProgrammeInput
        {
            Name = programme.Name,
            Type = programme.Type,
            Category = programme.Category,
            Description = programme.Description,
            TargetStage = programme.TargetStage,
            Format = programme.Format,
            DurationMonths = programme.DurationMonths,
            CostForPorteur = programme.CostForPorteur,
            MinAmount = AdminForms.AmountInput(programme.MinAmount),
            MaxAmount = AdminForms.AmountInput(programme.MaxAmount),
            Version = programme.Version,
        };
    }

    public IReadOnlyList<(string Label, string? Value)> Describe() =>
    [
        ("Nom", Name), ("Service rendu", Category?.Label()), ("Description", Description), ("Stade visé", TargetStage?.Label()),
        ("Format", Format), ("Durée (mois)", DurationMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Coût pour le porteur", CostForPorteur),
        ("Montant minimum", string.IsNullOrWhiteSpace(MinAmount) ? null : MinAmount.Trim() + " €"),
        ("Montant maximum", string.IsNullOrWhiteSpace(MaxAmount) ? null : MaxAmount.Trim() + " €"),
    ];
}

public sealed class ProgrammePage
{
    /// <summary>Null for a programme not created yet.</summary>
    public required Guid? Id { get; init; }

    public required Guid StructureId { get; init; }

    public required string StructureName { get; init; }

    public required IReadOnlyList<ProgrammeType> AllowedTypes { get; init; }

    public required bool IsActive { get; init; }

    public required ProgrammeInput Input { get; init; }

    public required uint StoredVersion { get; init; }

    public required IReadOnlyList<ConflictLine> Conflict { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }
}
