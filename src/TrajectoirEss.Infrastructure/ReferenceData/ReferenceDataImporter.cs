using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.ReferenceData;

/// <summary>
/// Loads the reference data shipped with the app (départements, EPCI, communes, pôles, structures,
/// programmes, public authorities). Idempotent: it only inserts what is missing, keyed by INSEE code, SIREN or a stable
/// code, and never overwrites a value an administrator may have edited since.
/// </summary>
public sealed class ReferenceDataImporter(TrajectoirEssDbContext db, ILogger<ReferenceDataImporter> logger)
{
    public async Task<ReferenceDataReport> ImportAsync(CancellationToken cancellationToken = default)
    {
        var report = new ReferenceDataReport();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var departements = await db.Departements.Select(d => d.Code).ToHashSetAsync(cancellationToken);
        foreach (var departement in Departement.OfBrittany.Where(d => !departements.Contains(d.Code)))
        {
            db.Departements.Add(new Departement(departement.Code, departement.Name));
            report.Departements++;
        }

        var epcis = await db.Epcis.ToDictionaryAsync(e => e.Siren, cancellationToken);
        foreach (var row in ReferenceDataFiles.ReadEpcis().Where(r => !epcis.ContainsKey(r.Siren)))
        {
            var epci = new Epci(row.Siren, row.Name, row.Kind);
            db.Epcis.Add(epci);
            epcis[epci.Siren] = epci;
            report.Epcis++;
        }

        var communes = await db.Communes.ToDictionaryAsync(c => c.CodeInsee, cancellationToken);
        foreach (var row in ReferenceDataFiles.ReadCommunes().Where(r => !communes.ContainsKey(r.CodeInsee)))
        {
            var commune = new Commune(row.CodeInsee, row.Name, row.DepartementCode, row.PostalCodes, row.EpciSiren, row.Population);
            db.Communes.Add(commune);
            communes[commune.CodeInsee] = commune;
            report.Communes++;
        }

        await db.SaveChangesAsync(cancellationToken);

        var poles = await db.Poles.ToDictionaryAsync(p => p.Code, cancellationToken);
        var polesFile = ReferenceDataFiles.ReadJson<PolesFile>("poles-ess-bretagne.json");
        var poleIdByName = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in polesFile.Poles)
        {
            var code = Slug(row.Name);
            if (!poles.TryGetValue(code, out var pole))
            {
                pole = new Pole(Guid.CreateVersion7(), code, row.Name, row.Departement, row.Pays, row.Seat);
                pole.SetVerification(row.NameVerified, row.SeatVerified, row.PerimeterVerified);
                pole.SetNotes(row.Notes);
                db.Poles.Add(pole);
                poles[code] = pole;
                report.Poles++;
            }

            poleIdByName[row.Name] = pole.Id;

            // A perimeter is only filled where nobody has set it yet: an administrator's correction stays.
            foreach (var siren in row.EpciSirens)
            {
                if (epcis.TryGetValue(siren, out var epci) && epci.PoleId is null)
                {
                    epci.AttachToPole(pole.Id);
                    report.EpciAttached++;
                }
            }
        }

        foreach (var island in polesFile.CommunesWithoutEpci)
        {
            if (communes.TryGetValue(island.CodeInsee, out var commune) && commune.PoleId is null && commune.EpciSiren is null
                && poleIdByName.TryGetValue(island.Pole, out var poleId))
            {
                commune.AttachToPole(poleId);
                report.CommunesAttached++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var structures = await db.Structures.ToDictionaryAsync(s => s.Code, cancellationToken);
        var programmes = await db.Programmes.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        foreach (var row in ReferenceDataFiles.ReadJson<StructuresFile>("structures.json").Structures)
        {
            if (!structures.TryGetValue(row.Code, out var structure))
            {
                structure = new Structure(Guid.CreateVersion7(), row.Code, row.Name, row.Kind, row.Departement, row.City);
                db.Structures.Add(structure);
                structures[row.Code] = structure;
                report.Structures++;
            }

            foreach (var programme in row.Programmes.Where(p => !programmes.Contains(p.Code)))
            {
                db.Programmes.Add(Programme.Create(Guid.CreateVersion7(), programme.Code, programme.Name, programme.Type, programme.Category, structure, programme.Description));
                report.Programmes++;
            }
        }

        var listItems = await db.ListItems.Select(i => new { i.Kind, i.Code }).ToListAsync(cancellationToken);
        var existingItems = listItems.Select(i => (i.Kind, i.Code)).ToHashSet();
        foreach (var (kind, items) in ReferenceDataFiles.ReadJson<ListsFile>("lists.json").Lists)
        {
            for (var order = 0; order < items.Count; order++)
            {
                var (code, label) = (items[order][0], items[order][1]);
                if (existingItems.Add((kind, code)))
                {
                    db.ListItems.Add(new ListItem(Guid.CreateVersion7(), kind, code, label, (order + 1) * 10));
                    report.ListItems++;
                }
            }
        }

        var authorities = await db.PublicAuthorities.Select(a => a.Code).ToHashSetAsync(cancellationToken);
        foreach (var row in ReferenceDataFiles.ReadJson<PublicAuthoritiesFile>("public-authorities.json").PublicAuthorities.Where(r => !authorities.Contains(r.Code)))
        {
            var authority = new PublicAuthority(Guid.CreateVersion7(), row.Code, row.Name, row.Kind, row.Departement);
            authority.UpdateContact(row.Email, row.Website);
            db.PublicAuthorities.Add(authority);
            report.PublicAuthorities++;
        }

        await ImportCoordinationAsync(report, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Reference data imported: {Departements} départements, {Epcis} EPCI, {Communes} communes, {Poles} pôles, {Structures} structures, {Programmes} programmes, {PublicAuthorities} public authorities added",
            report.Departements, report.Epcis, report.Communes, report.Poles, report.Structures, report.Programmes, report.PublicAuthorities);
        return report;
    }

    /// <summary>
    /// The objectives of the regional strategy missing by code (an administrator's edit or deactivation stays), and
    /// the regional coordination platform if no body of its kind exists yet (its name, once created, is the admins').
    /// </summary>
    private async Task ImportCoordinationAsync(ReferenceDataReport report, CancellationToken cancellationToken)
    {
        var file = ReferenceDataFiles.ReadJson<StrategyFile>("strategy-objectives.json");
        var objectives = await db.StrategyObjectives.ToListAsync(cancellationToken);
        foreach (var row in file.Objectives)
        {
            if (!objectives.Any(o => string.Equals(SearchText.Fold(o.Code), SearchText.Fold(row.Code), StringComparison.Ordinal)))
            {
                var objective = StrategyObjective.Create(Guid.CreateVersion7(), row.AxisCode, row.AxisLabel, row.Code, row.Label, objectives);
                db.StrategyObjectives.Add(objective);
                objectives.Add(objective);
                report.StrategyObjectives++;
            }
        }

        if (!await db.Bodies.AnyAsync(b => b.Kind == BodyKind.Platform, cancellationToken))
        {
            var now = TimeProvider.System.GetUtcNow();
            var platform = Body.Create(Guid.CreateVersion7(now), BodyKind.Platform, file.PlatformBodyName, Guid.Empty, now);

            // Reference data, not anyone's act: no audit entry nor e-mail for it.
            platform.DiscardDomainEvents();
            db.Bodies.Add(platform);
            report.Bodies++;
        }
    }

    /// <summary>A stable, readable key from a name: "Réso solidaire" → "reso-solidaire".</summary>
    public static string Slug(string name) => SearchText.Fold(name).Replace(' ', '-');

    private sealed record PolesFile(List<PoleRow> Poles, List<IslandRow> CommunesWithoutEpci);

    private sealed record PoleRow(
        string Name,
        bool NameVerified,
        string? Pays,
        string Departement,
        string? Seat,
        bool SeatVerified,
        List<string> EpciSirens,
        bool PerimeterVerified,
        string? Notes);

    private sealed record IslandRow(string CodeInsee, string Pole);

    private sealed record ListsFile(Dictionary<ListKind, List<List<string>>> Lists);

    private sealed record StructuresFile(List<StructureRow> Structures);

    private sealed record StructureRow(string Code, string Name, StructureKind Kind, string? Departement, string? City, List<ProgrammeRow> Programmes);

    private sealed record PublicAuthoritiesFile(List<PublicAuthorityRow> PublicAuthorities);

    private sealed record PublicAuthorityRow(string Code, string Name, PublicAuthorityKind Kind, string? Departement, string? Email, string? Website);

    private sealed record StrategyFile(string PlatformBodyName, List<ObjectiveRow> Objectives);

    private sealed record ObjectiveRow(string AxisCode, string AxisLabel, string Code, string Label);

    private sealed record ProgrammeRow(string Code, string Name, ProgrammeType Type, SupportCategory Category, string? Description);
}

public sealed class ReferenceDataReport
{
    public int Departements { get; set; }

    public int Epcis { get; set; }

    public int Communes { get; set; }

    public int Poles { get; set; }

    public int EpciAttached { get; set; }

    public int CommunesAttached { get; set; }

    public int Structures { get; set; }

    public int Programmes { get; set; }

    public int ListItems { get; set; }

    public int PublicAuthorities { get; set; }

    public int StrategyObjectives { get; set; }

    public int Bodies { get; set; }

    public int Total => Departements + Epcis + Communes + Poles + EpciAttached + CommunesAttached + Structures + Programmes + ListItems + PublicAuthorities + StrategyObjectives + Bodies;
}
