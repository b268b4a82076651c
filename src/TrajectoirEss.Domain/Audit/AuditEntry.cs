using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Audit;

/// <summary>
/// One entry of the audit trail: who did what to which record, when, old → new. Views of a file count too.
/// Entries form a tamper-evident chain: each carries its position and a hash over its fields and the
/// previous entry's hash, set when it is saved (see the persistence layer's audit chain).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 60;
    public const int ChangesMaxLength = 8000;
    public const int HashLength = 64;

    public AuditEntry(Guid id, DateTimeOffset at, Guid actorId, string entityType, Guid entityId, string action, string? changes)
    {
        Id = id;

        // PostgreSQL keeps microseconds: the time is cut to what the database stores, so the hash computed
        // before saving matches the one recomputed from the stored row.
        At = at.AddTicks(-(at.UtcTicks % 10));
        ActorId = actorId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes is { Length: > ChangesMaxLength } ? changes[..ChangesMaxLength] : changes;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorId { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    public string Action { get; private set; }

    public string? Changes { get; private set; }

    /// <summary>Position in the chain (1, 2, …), assigned when the entry is saved.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the entry before this one (null for the first entry).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) over this entry's fields and <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; private set; }

    /// <summary>Places the entry in the chain; called when it is saved, again if that save is retried.</summary>
    public void Chain(long sequence, string? previousHash, string hash)
    {
        if (sequence < 1 || hash is not { Length: HashLength } || previousHash is { Length: not HashLength })
        {
            throw new ArgumentException("Invalid chain position or hash.");
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = hash;
    }
}
