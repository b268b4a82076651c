using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

public sealed record ProgrammeName(string Name, Guid StructureId, ProgrammeType Type, bool IsActive);

/// <summary>A partner structure a project can be shared with: the active structures, by kind then name.</summary>
public sealed record Partner(Guid Id, string Name, StructureKind Kind, string? DepartementCode);

/// <summary>
/// The reference data the pages name things with, read in a few queries and kept for a minute; <c>Version</c>
/// is this instance's <see cref="ReferenceDataVersion"/> it was read under (pages cached with it change with it).
/// </summary>
public sealed record ReferenceSnapshot(
    IReadOnlyDictionary<Guid, PoleContact> Poles,
    IReadOnlyDictionary<Guid, bool> ActivePoles,
    IReadOnlyDictionary<Guid, string> Structures,
    IReadOnlyList<Partner> Partners,
    IReadOnlyDictionary<Guid, ProgrammeName> Programmes,
    IReadOnlyList<ListItem> Lists,
    IReadOnlyDictionary<string, CommuneItem> Communes,
    IReadOnlyList<CommuneSearchEntry> CommunesByPopulation,
    long Version)
{
    public string? Label(ListKind kind, string? code) => code is null ? null : Lists.FirstOrDefault(i => i.Kind == kind && i.Code == code)?.Label;

    public IReadOnlyList<ListItem> Active(ListKind kind) => Lists.Where(i => i.Kind == kind && i.IsActive).OrderBy(i => i.SortOrder).ToList();
}

/// <summary>A commune as the autocomplete searches it: its folded name (<see cref="Domain.Common.SearchText.Fold"/>) beside it.</summary>
public sealed record CommuneSearchEntry(string SearchName, CommuneItem Item);

/// <summary>
/// Reference data (pôles, structures, programmes, lists, communes) cached in memory: it changes rarely, and every
/// page names things with it. A save of reference data on this instance invalidates it at once
/// (<see cref="ReferenceDataVersion"/>); other instances see the change within a minute.
/// </summary>
public sealed class ReferenceCache(IMemoryCache cache, TrajectoirEssDbContext db, ReferenceDataVersion version, ReferenceCache.RebuildGate gate)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<ReferenceSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = version.Value;
        var key = ("reference-data", current);
        if (cache.TryGetValue(key, out ReferenceSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        // One request reads the reference data again when the copy expires; the others arriving meanwhile wait
        // for its result instead of each reading the 1,202 communes (a burst of identical queries every minute).
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out snapshot) && snapshot is not null)
            {
                return snapshot;
            }

            snapshot = await ReadAsync(current, cancellationToken);
            cache.Set(key, snapshot, Lifetime);
            return snapshot;
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private async Task<ReferenceSnapshot> ReadAsync(long readVersion, CancellationToken cancellationToken)
    {
        var poles = await db.Poles.AsNoTracking().Select(p => new { Contact = new PoleContact(p.Id, p.Name, p.Seat, p.Email, p.Phone, p.Website, p.Address), p.IsActive }).ToListAsync(cancellationToken);
        var structureRows = await db.Structures.AsNoTracking().Select(s => new { s.Id, s.Name, s.Kind, s.DepartementCode, s.IsActive }).ToListAsync(cancellationToken);
        var structures = structureRows.ToDictionary(s => s.Id, s => s.Name);
        var partners = structureRows.Where(s => s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new Partner(s.Id, s.Name, s.Kind, s.DepartementCode)).ToList();
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => new ProgrammeName(p.Name, p.StructureId, p.Type, p.IsActive), cancellationToken);
        var lists = await db.ListItems.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var communes = await (from c in db.Communes.AsNoTracking()
                              join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
                              from e in withEpci.DefaultIfEmpty()
                              select new { c.CodeInsee, c.Name, c.SearchName, c.Population, c.PostalCodes, c.DepartementCode, Pole = c.PoleId ?? e.PoleId })
            .ToListAsync(cancellationToken);
        var contacts = poles.ToDictionary(p => p.Contact.Id, p => p.Contact);
        var items = communes.ToDictionary(
            c => c.CodeInsee,
            c => new CommuneItem(c.CodeInsee, c.Name, c.PostalCodes, c.DepartementCode, c.Pole is { } id && contacts.TryGetValue(id, out var pole) ? new PoleReference(id, pole.Name) : null));
        return new ReferenceSnapshot(
            contacts,
            poles.ToDictionary(p => p.Contact.Id, p => p.IsActive),
            structures,
            partners,
            programmes,
            lists,
            items,
            communes.OrderByDescending(c => c.Population).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new CommuneSearchEntry(c.SearchName, items[c.CodeInsee])).ToList(),
            readVersion);
    }

    /// <summary>Lets one reading of the reference data run at a time in this app (a singleton).</summary>
    public sealed class RebuildGate : IDisposable
    {
        internal SemaphoreSlim Semaphore { get; } = new(1, 1);

        public void Dispose() => Semaphore.Dispose();
    }
}
