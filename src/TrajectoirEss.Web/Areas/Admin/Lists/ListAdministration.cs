using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Lists;

public sealed record ListSummary(ListKind Kind, int Active, int Total);

public sealed record ListItemLine(Guid Id, string Code, string Label, int SortOrder, bool IsActive, bool IsRequiredByRules, int UsedBy);

public sealed class ListPage
{
    public required ListKind Kind { get; init; }

    public required IReadOnlyList<ListItemLine> Items { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }

    /// <summary>The item whose form was refused, to show the typed values again.</summary>
    public Guid? FailedItem { get; init; }
}

/// <summary>
/// The editable lists (sectors, legal forms, reasons…): add, rename, reorder, deactivate, activate.
/// Values are never deleted: records keep their code, and a deactivated value is no longer offered.
/// </summary>
public sealed class ListAdministration(TrajectoirEssDbContext db, AdminAudit audit)
{
    public async Task<IReadOnlyList<ListSummary>> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.ListItems.AsNoTracking().GroupBy(i => i.Kind)
            .Select(g => new { g.Key, Active = g.Count(i => i.IsActive), Total = g.Count() })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        return Enum.GetValues<ListKind>().Select(k => counts.TryGetValue(k, out var c) ? new ListSummary(k, c.Active, c.Total) : new ListSummary(k, 0, 0)).ToList();
    }

    public async Task<ListPage> PageAsync(ListKind kind, Guid? failedItem, CancellationToken cancellationToken = default)
    {
        var items = await db.ListItems.AsNoTracking().Where(i => i.Kind == kind).OrderBy(i => i.SortOrder).ThenBy(i => i.Label).ToListAsync(cancellationToken);
        var usage = await UsageAsync(kind, cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var entries = await (from a in db.AuditEntries.AsNoTracking()
                             where a.EntityType == AdminEntities.ListItem && ids.Contains(a.EntityId)
                             join u in db.Users on a.ActorId equals u.Id into withActor
                             from u in withActor.DefaultIfEmpty()
                             orderby a.At descending
                             select new { a.EntityId, a.At, Actor = u == null ? "—" : u.DisplayName, a.Action, a.Changes })
            .Take(AdminAudit.HistoryLength)
            .ToListAsync(cancellationToken);
        var labels = items.ToDictionary(i => i.Id, i => i.Label);
        var history = entries.Select(e => new HistoryLine(e.At, e.Actor, $"{e.Action} : « {labels[e.EntityId]} »", e.Changes)).ToList();
        return new ListPage
        {
            Kind = kind,
            Items = items.Select(i => new ListItemLine(i.Id, i.Code, i.Label, i.SortOrder, i.IsActive, i.IsRequiredByRules, usage.GetValueOrDefault(i.Code))).ToList(),
            History = history,
            FailedItem = failedItem,
        };
    }

    public async Task AddAsync(Guid actorId, ListKind kind, string? label, CancellationToken cancellationToken = default)
    {
        var sameKind = await db.ListItems.Where(i => i.Kind == kind).ToListAsync(cancellationToken);
        var item = ListItem.Add(Guid.CreateVersion7(), kind, label, ReferenceDataImporter.Slug, sameKind);
        db.ListItems.Add(item);
        audit.Record(actorId, AdminEntities.ListItem, item.Id, "Valeur ajoutée", ("Liste", null, kind.Label()), ("Libellé", null, item.Label), ("Code", null, item.Code), ("Ordre", null, item.SortOrder));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ListKind> UpdateAsync(Guid actorId, Guid id, string? label, int? sortOrder, CancellationToken cancellationToken = default)
    {
        var item = await FindAsync(id, cancellationToken);
        var (oldLabel, oldOrder) = (item.Label, item.SortOrder);
        item.Rename(label);
        item.MoveTo(sortOrder ?? throw new DomainException($"L'ordre est un nombre entier de 0 à {ListItem.MaxSortOrder}.", nameof(ListItem.SortOrder)));
        if (await db.ListItems.AnyAsync(i => i.Kind == item.Kind && i.Id != id && i.Label == item.Label, cancellationToken))
        {
            throw new DomainException($"La liste contient déjà « {item.Label} ».", nameof(ListItem.Label));
        }

        if (audit.RecordChanges(actorId, AdminEntities.ListItem, id, "Valeur modifiée", ("Libellé", oldLabel, item.Label), ("Ordre", oldOrder, item.SortOrder)))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return item.Kind;
    }

    public async Task<ListKind> MoveAsync(Guid actorId, Guid id, int offset, CancellationToken cancellationToken = default)
    {
        var item = await FindAsync(id, cancellationToken);
        var sameKind = await db.ListItems.Where(i => i.Kind == item.Kind).ToListAsync(cancellationToken);
        var oldPosition = sameKind.OrderBy(i => i.SortOrder).ThenBy(i => i.Label, StringComparer.Ordinal).ToList().FindIndex(i => i.Id == id) + 1;
        ListItem.Move(sameKind, id, offset);

        // The list is numbered 10, 20, 30… after a move: the position is the order divided by ten.
        audit.RecordChanges(actorId, AdminEntities.ListItem, id, offset < 0 ? "Valeur montée" : "Valeur descendue", ("Position", oldPosition, item.SortOrder / 10));
        await db.SaveChangesAsync(cancellationToken);
        return item.Kind;
    }

    public async Task<ListKind> SetActiveAsync(Guid actorId, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item.IsActive != active)
        {
            if (active)
            {
                item.Activate();
            }
            else
            {
                item.Deactivate();
            }

            audit.Record(actorId, AdminEntities.ListItem, id, active ? "Valeur réactivée" : "Valeur désactivée", ("Libellé", null, item.Label), ("Active", AdminAudit.YesNo(!active), AdminAudit.YesNo(active)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return item.Kind;
    }

    private async Task<ListItem> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ListItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();

    /// <summary>How many projects use each code of a list, so an administrator sees what a change affects.</summary>
    private async Task<Dictionary<string, int>> UsageAsync(ListKind kind, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking();
        var codes = kind switch
        {
            ListKind.Sector => projects.Where(p => p.SectorCode != null).Select(p => p.SectorCode!),
            ListKind.LegalForm => projects.Where(p => p.LegalFormCode != null).Select(p => p.LegalFormCode!),
            ListKind.HeardFrom => projects.Where(p => p.HeardFrom != null).Select(p => p.HeardFrom!),
            _ => null,
        };
        return codes is null
            ? []
            : await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
