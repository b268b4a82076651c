using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Territory;
using DomainPole = TrajectoirEss.Domain.Territory.Pole;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Poles;

public sealed record PoleListLine(Guid Id, string Name, string Departement, string? Seat, int Epcis, int Communes, int Population, bool NameVerified, bool SeatVerified, bool PerimeterVerified, bool IsActive);

/// <summary>Creating a pôle: it starts with an empty perimeter.</summary>
public sealed class NewPoleInput
{
    [Display(Name = "Nom du pôle")]
    [Required(ErrorMessage = "Le nom du pôle est obligatoire.")]
    [StringLength(DomainPole.NameMaxLength, ErrorMessage = "Le nom du pôle ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Département")]
    [Required(ErrorMessage = "Choisissez le département du pôle.")]
    public string DepartementCode { get; set; } = string.Empty;

    [Display(Name = "Pays (territoire historique)")]
    [StringLength(DomainPole.PaysMaxLength, ErrorMessage = "Le pays ne doit pas dépasser {1} caractères.")]
    public string? Pays { get; set; }

    [Display(Name = "Siège (commune)")]
    [StringLength(DomainPole.SeatMaxLength, ErrorMessage = "Le siège ne doit pas dépasser {1} caractères.")]
    public string? Seat { get; set; }
}

/// <summary>The pôle's identity, contact, verification flags and notes.</summary>
public sealed class PoleInput
{
    [Display(Name = "Nom du pôle")]
    [Required(ErrorMessage = "Le nom du pôle est obligatoire.")]
    [StringLength(DomainPole.NameMaxLength, ErrorMessage = "Le nom du pôle ne doit pas dépasser {1} caractères.")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Département")]
    [Required(ErrorMessage = "Choisissez le département du pôle.")]
    public string DepartementCode { get; set; } = string.Empty;

    [Display(Name = "Pays (territoire historique)")]
    [StringLength(DomainPole.PaysMaxLength, ErrorMessage = "Le pays ne doit pas dépasser {1} caractères.")]
    public string? Pays { get; set; }

    [Display(Name = "Siège (commune)")]
    [StringLength(DomainPole.SeatMaxLength, ErrorMessage = "Le siège ne doit pas dépasser {1} caractères.")]
    public string? Seat { get; set; }

    [Display(Name = "Adresse postale")]
    [StringLength(DomainPole.AddressMaxLength, ErrorMessage = "L'adresse ne doit pas dépasser {1} caractères.")]
    public string? Address { get; set; }

    [Display(Name = "Adresse électronique")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple contact@exemple.fr.")]
    [StringLength(DomainPole.EmailMaxLength, ErrorMessage = "L'adresse électronique ne doit pas dépasser {1} caractères.")]
    public string? Email { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(DomainPole.PhoneMaxLength, ErrorMessage = "Le téléphone ne doit pas dépasser {1} caractères.")]
    public string? Phone { get; set; }

    [Display(Name = "Site web")]
    [Url(ErrorMessage = "Saisissez l'adresse complète du site, par exemple https://www.exemple.fr.")]
    [StringLength(DomainPole.WebsiteMaxLength, ErrorMessage = "Le site web ne doit pas dépasser {1} caractères.")]
    public string? Website { get; set; }

    [Display(Name = "Le nom est vérifié")]
    public bool NameVerified { get; set; }

    [Display(Name = "Le siège est vérifié")]
    public bool SeatVerified { get; set; }

    [Display(Name = "Le périmètre est vérifié")]
    public bool PerimeterVerified { get; set; }

    [Display(Name = "Notes (visibles des administrateurs)")]
    [StringLength(DomainPole.NotesMaxLength, ErrorMessage = "Les notes ne doivent pas dépasser {1} caractères.")]
    public string? Notes { get; set; }

    public uint Version { get; set; }

    public static PoleInput From(DomainPole pole)
    {
        ArgumentNullException.ThrowIfNull(pole);
        return new PoleInput
        {
            Name = pole.Name,
            DepartementCode = pole.DepartementCode,
            Pays = pole.Pays,
            Seat = pole.Seat,
            Address = pole.Address,
            Email = pole.Email,
            Phone = pole.Phone,
            Website = pole.Website,
            NameVerified = pole.NameVerified,
            SeatVerified = pole.SeatVerified,
            PerimeterVerified = pole.PerimeterVerified,
            Notes = pole.Notes,
            Version = pole.Version,
        };
    }

    /// <summary>The fields as people read them, for the audit trail and the conflict box.</summary>
    public IReadOnlyList<(string Label, string? Value)> Describe() =>
    [
        ("Nom", Name), ("Département", DepartementCode), ("Pays", Pays), ("Siège", Seat), ("Adresse", Address),
        ("Adresse électronique", Email), ("Téléphone", Phone), ("Site web", Website),
        ("Nom vérifié", AdminAudit.YesNo(NameVerified)), ("Siège vérifié", AdminAudit.YesNo(SeatVerified)),
        ("Périmètre vérifié", AdminAudit.YesNo(PerimeterVerified)), ("Notes", Notes),
    ];
}

public sealed class PoleEditPage
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required bool IsActive { get; init; }

    public required int PerimeterSize { get; init; }

    public required PoleInput Input { get; init; }

    public required uint StoredVersion { get; init; }

    public required IReadOnlyList<ConflictLine> Conflict { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }
}

public sealed record PerimeterEpci(string Siren, string Name, string Departement, int Communes, int Population, Guid? PoleId, string? PoleName, bool Checked, IReadOnlyList<string> CommuneNames);

public sealed record PerimeterIsland(string Code, string Name, Guid? PoleId, string? PoleName, bool Checked);

public sealed record CoverageProblem(string Code, string Name, string Problem);

public sealed class PerimeterPage
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required bool IsActive { get; init; }

    public required bool PerimeterVerified { get; init; }

    public required IReadOnlyList<PerimeterEpci> Epcis { get; init; }

    public required IReadOnlyList<PerimeterIsland> Islands { get; init; }

    public required IReadOnlyList<CoverageProblem> Problems { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }

    public int CurrentCommunes => Epcis.Where(e => e.PoleId == Id).Sum(e => e.Communes) + Islands.Count(i => i.PoleId == Id);
}
