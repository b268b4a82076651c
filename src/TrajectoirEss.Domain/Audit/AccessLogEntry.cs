namespace TrajectoirEss.Domain.Audit;

/// <summary>
/// One opening of a record holding personal data (a project file) by a member of staff: who, when, which
/// record. Append-only, kept apart from the hash-chained audit trail of changes so that reading a file stays
/// a single insert.
/// </summary>
public sealed class AccessLogEntry
{
    public AccessLogEntry(Guid id, DateTimeOffset at, Guid actorId, string entityType, Guid entityId)
    {
        Id = id;
        At = at;
        ActorId = actorId;
        EntityType = entityType;
        EntityId = entityId;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorId { get; private set; }

    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }
}
