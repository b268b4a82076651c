using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Shared;

/// <summary>The kinds of record an administrator changes, as the audit trail names them.</summary>
public static class AdminEntities
{
    public const string Account = "Account";
    public const string Pole = "Pole";
    public const string Structure = "Structure";
    public const string Programme = "Programme";
    public const string PublicAuthority = "PublicAuthority";
    public const string ListItem = "ListItem";
    public const string ReferenceData = "ReferenceData";
    public const string StrategyObjective = "StrategyObjective";

    /// <summary>The reference data as a whole has no id of its own: its audit entries use this one.</summary>
    public static readonly Guid ReferenceDataId = Guid.Empty;

    public static IReadOnlyList<string> All { get; } = [Account, Pole, Structure, Programme, PublicAuthority, ListItem, ReferenceData, StrategyObjective];

    public static string Label(string entityType) => entityType switch
    {
        Account => "Compte",
        Pole => "Pôle",
        Structure => "Structure",
        Programme => "Programme",
        PublicAuthority => "Autorité publique",
        ListItem => "Valeur de liste",
        ReferenceData => "Référentiel territorial",
        StrategyObjective => "Objectif de la stratégie",
        Features.Platform.CommitmentJournal.Commitment => "Engagement",
        Audit.Project => "Projet",
        _ => entityType,
    };
}

public sealed record HistoryLine(DateTimeOffset At, string Actor, string Action, string? Changes);

/// <summary>Records administrative changes (who, when, old → new) with the change itself, and reads them back.</summary>
public sealed class AdminAudit(Audit audit, TrajectoirEssDbContext db)
{
    /// <summary>How many of the newest changes a history panel shows (not paged: the journal has them all).</summary>
    public const int HistoryLength = 100;

    public static string YesNo(bool value) => value ? "oui" : "non";

    /// <summary>Records an entry listing the fields that changed; records nothing and answers false when none did.</summary>
    public bool RecordChanges(Guid actorId, string entityType, Guid entityId, string action, params (string Field, object? Old, object? New)[] changes)
    {
        var changed = changes.Where(c => !Equals(c.Old, c.New)).ToArray();
        if (changed.Length == 0)
        {
            return false;
        }

        audit.Record(actorId, entityType, entityId, action, changed);
        return true;
    }

    /// <summary>Records an action, with the fields it changed if any.</summary>
    public void Record(Guid actorId, string entityType, Guid entityId, string action, params (string Field, object? Old, object? New)[] changes) =>
        audit.Record(actorId, entityType, entityId, action, changes);

    /// <summary>The history of one record, newest first.</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(string entityType, Guid entityId, CancellationToken cancellationToken = default)
    {
        var entries = await (from a in db.AuditEntries.AsNoTracking()
                             where a.EntityType == entityType && a.EntityId == entityId
                             join u in db.Users on a.ActorId equals u.Id into withActor
                             from u in withActor.DefaultIfEmpty()
                             orderby a.At descending
                             select new HistoryLine(a.At, u == null ? "—" : u.DisplayName, a.Action, a.Changes))
            .Take(HistoryLength)
            .ToListAsync(cancellationToken);
        return entries;
    }
}
