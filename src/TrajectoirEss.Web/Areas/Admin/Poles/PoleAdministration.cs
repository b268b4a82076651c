using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Territory;
using DomainPole = TrajectoirEss.Domain.Territory.Pole;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Poles;

/// <summary>
/// The pôles as administrators manage them: identity, contact, verification flags, perimeter, creation
/// and deactivation. A perimeter change is checked over every commune of Brittany before it is stored.
/// </summary>
public sealed class PoleAdministration(TrajectoirEssDbContext db, AdminAudit audit, ILogger<PoleAdministration> logger)
{
    /// <summary>Serialises perimeter changes: each is checked against the map as the previous one left it.</summary>
    private const long PerimeterLock = 72_600_002;

    public async Task<IReadOnlyList<PoleListLine>> ListAsync(CancellationToken cancellationToken = default)
    {
        var perCommune = from c in db.Communes
                         join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
                         from e in withEpci.DefaultIfEmpty()
                         select new { PoleId = c.PoleId ?? e.PoleId, c.Population };
        var totals = await perCommune.Where(x => x.PoleId != null).GroupBy(x => x.PoleId)
            .Select(g => new { PoleId = g.Key!.Value, Communes = g.Count(), Population = g.Sum(x => x.Population) })
            .ToDictionaryAsync(x => x.PoleId, cancellationToken);
        var epcis = await db.Epcis.Where(e => e.PoleId != null).GroupBy(e => e.PoleId)
            .Select(g => new { PoleId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.PoleId, x => x.Count, cancellationToken);
        var poles = await db.Poles.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.DepartementCode).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return poles.Select(p => new PoleListLine(
            p.Id, p.Name, p.DepartementCode, p.Seat, epcis.GetValueOrDefault(p.Id),
            totals.TryGetValue(p.Id, out var t) ? t.Communes : 0, t?.Population ?? 0,
            p.NameVerified, p.SeatVerified, p.PerimeterVerified, p.IsActive)).ToList();
    }

    public async Task<Guid> CreateAsync(Guid actorId, NewPoleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var codes = await db.Poles.Select(p => p.Code).ToListAsync(cancellationToken);
        var code = Codes.Unique(ReferenceDataImporter.Slug(input.Name ?? string.Empty), codes, DomainPole.CodeMaxLength);
        var pole = new DomainPole(Guid.CreateVersion7(), code, input.Name!, input.DepartementCode, input.Pays, input.Seat);
        if (await db.Poles.AnyAsync(p => p.Name == pole.Name, cancellationToken))
        {
            throw new DomainException($"Un pôle s'appelle déjà « {pole.Name} ».", nameof(NewPoleInput.Name));
        }

        db.Poles.Add(pole);
        audit.Record(actorId, AdminEntities.Pole, pole.Id, "Pôle créé",
            ("Nom", null, pole.Name), ("Département", null, pole.DepartementCode), ("Pays", null, pole.Pays), ("Siège", null, pole.Seat));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Pôle {PoleId} created by {ActorId}", pole.Id, actorId);
        return pole.Id;
    }

    public async Task<PoleEditPage?> EditPageAsync(Guid id, PoleInput? typed, bool conflict, CancellationToken cancellationToken = default)
    {
        var pole = await db.Poles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pole is null)
        {
            return null;
        }

        var stored = PoleInput.From(pole);
        var input = typed ?? stored;
        return new PoleEditPage
        {
            Id = id,
            Name = pole.Name,
            IsActive = pole.IsActive,
            PerimeterSize = await db.Epcis.CountAsync(e => e.PoleId == id, cancellationToken) + await db.Communes.CountAsync(c => c.EpciSiren == null && c.PoleId == id, cancellationToken),
            Input = input,
            StoredVersion = pole.Version,
            Conflict = conflict
                ? stored.Describe().Zip(input.Describe(), (s, t) => new ConflictLine(s.Label, t.Value, s.Value)).Where(l => l.Typed != l.Stored).ToList()
                : [],
            History = await audit.HistoryAsync(AdminEntities.Pole, id, cancellationToken),
        };
    }

    /// <summary>Saves the identity, contact, flags and notes; a concurrent edit by another administrator is refused.</summary>
    public async Task<bool> UpdateAsync(Guid actorId, Guid id, PoleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pole = await db.Poles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        db.Entry(pole).Property(p => p.Version).OriginalValue = input.Version;
        var before = PoleInput.From(pole).Describe();
        pole.UpdateIdentity(input.Name, input.DepartementCode, input.Pays, input.Seat);
        pole.UpdateContact(input.Email, input.Phone, input.Website, input.Address);
        pole.SetVerification(input.NameVerified, input.SeatVerified, input.PerimeterVerified);
        pole.SetNotes(input.Notes);
        var after = PoleInput.From(pole).Describe();
        if (!audit.RecordChanges(actorId, AdminEntities.Pole, id, "Pôle modifié", before.Zip(after, (b, a) => (b.Label, (object?)b.Value, (object?)a.Value)).ToArray()))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<PerimeterPage?> PerimeterPageAsync(Guid id, IReadOnlyCollection<string>? typedEpcis, IReadOnlyCollection<string>? typedCommunes, PerimeterChange? refused, CancellationToken cancellationToken = default)
    {
        var pole = await db.Poles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pole is null)
        {
            return null;
        }

        var poleNames = await db.Poles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var communes = await db.Communes.AsNoTracking()
            .Select(c => new { c.CodeInsee, c.Name, c.EpciSiren, c.DepartementCode, c.Population, c.PoleId })
            .ToListAsync(cancellationToken);
        var bySiren = communes.Where(c => c.EpciSiren != null).ToLookup(c => c.EpciSiren!, StringComparer.Ordinal);
        var epcis = await db.Epcis.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);

        string? NameOf(Guid? poleId) => poleId is { } pid ? poleNames.GetValueOrDefault(pid) : null;

        var epciLines = epcis.Select(e =>
        {
            var members = bySiren[e.Siren].OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), false)).ToList();
            var departement = members.GroupBy(c => c.DepartementCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "—";
            var isChecked = typedEpcis?.Contains(e.Siren) ?? e.PoleId == id;
            return new PerimeterEpci(e.Siren, e.Name, departement, members.Count, members.Sum(c => c.Population), e.PoleId, NameOf(e.PoleId), isChecked, members.Select(c => c.Name).ToList());
        }).ToList();
        var islands = communes.Where(c => c.EpciSiren == null).OrderBy(c => c.Name)
            .Select(c => new PerimeterIsland(c.CodeInsee, c.Name, c.PoleId, NameOf(c.PoleId), typedCommunes?.Contains(c.CodeInsee) ?? c.PoleId == id))
            .ToList();

        var problems = refused is null
            ? []
            : refused.Coverage.Uncovered.Select(c => new CoverageProblem(c.CodeInsee, c.Name, "resterait sans pôle"))
                .Concat(refused.Coverage.CoveredTwice.Select(c => new CoverageProblem(c.CodeInsee, c.Name, "relèverait de deux pôles")))
                .OrderBy(p => p.Code, StringComparer.Ordinal)
                .ToList();

        return new PerimeterPage
        {
            Id = id,
            Name = pole.Name,
            IsActive = pole.IsActive,
            PerimeterVerified = pole.PerimeterVerified,
            Epcis = epciLines,
            Islands = islands,
            Problems = problems,
            History = await audit.HistoryAsync(AdminEntities.Pole, id, cancellationToken),
        };
    }

    /// <summary>
    /// Plans the new perimeter over the whole map and applies it when every commune keeps exactly one
    /// pôle; otherwise changes nothing and returns the refused plan, which names the communes concerned.
    /// </summary>
    public async Task<PerimeterChange> ChangePerimeterAsync(Guid actorId, Guid id, IReadOnlyCollection<string> epciSirens, IReadOnlyCollection<string> communeCodes, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PerimeterLock})", cancellationToken);
        var pole = await db.Poles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        var epcis = await db.Epcis.ToListAsync(cancellationToken);
        var communes = await db.Communes.ToListAsync(cancellationToken);
        var change = PerimeterChange.Plan(pole, epciSirens, communeCodes, epcis, communes);
        if (!change.IsAllowed || change.IsEmpty)
        {
            return change;
        }

        var poleNames = await db.Poles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string From(Guid? poleId) => poleId is { } pid ? poleNames.GetValueOrDefault(pid, "?") : "sans pôle";
        change.Apply();

        audit.RecordChanges(actorId, AdminEntities.Pole, id, "Périmètre modifié",
            ("Intercommunalités reçues", null, Join(change.Taken.Select(t => $"{t.Epci.Name} (venant de : {From(t.From)})"))),
            ("Intercommunalités retirées", null, Join(change.Released.Select(e => e.Name))),
            ("Communes sans intercommunalité reçues", null, Join(change.CommunesTaken.Select(t => $"{t.Commune.Name} (venant de : {From(t.From)})"))));
        foreach (var losing in change.Taken.Where(t => t.From is not null).GroupBy(t => t.From!.Value))
        {
            audit.Record(actorId, AdminEntities.Pole, losing.Key, "Périmètre modifié", ($"Intercommunalités cédées à {pole.Name}", null, Join(losing.Select(t => t.Epci.Name))));
        }

        foreach (var losing in change.CommunesTaken.Where(t => t.From is not null).GroupBy(t => t.From!.Value))
        {
            audit.Record(actorId, AdminEntities.Pole, losing.Key, "Périmètre modifié", ($"Communes cédées à {pole.Name}", null, Join(losing.Select(t => t.Commune.Name))));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Perimeter of pôle {PoleId} changed by {ActorId}: {Taken} EPCI taken, {Released} released", id, actorId, change.Taken.Count, change.Released.Count);
        return change;
    }

    public async Task DeactivateAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PerimeterLock})", cancellationToken);
        var pole = await db.Poles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (!pole.IsActive)
        {
            return;
        }

        var epcis = await db.Epcis.AsNoTracking().Where(e => e.PoleId == id).ToListAsync(cancellationToken);
        var islands = await db.Communes.AsNoTracking().Where(c => c.EpciSiren == null && c.PoleId == id).ToListAsync(cancellationToken);
        pole.Deactivate(epcis, islands);
        audit.Record(actorId, AdminEntities.Pole, id, "Pôle désactivé", ("Actif", "oui", "non"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ActivateAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        var pole = await db.Poles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (pole.IsActive)
        {
            return;
        }

        pole.Activate();
        audit.Record(actorId, AdminEntities.Pole, id, "Pôle réactivé", ("Actif", "non", "oui"));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Join(IEnumerable<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length == 0 ? null : text;
    }
}
