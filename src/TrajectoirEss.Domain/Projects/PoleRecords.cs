using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Projects;

public enum MeetingKind
{
    FirstWelcome = 1,
    FollowUp = 2,
    CollectiveSession = 3,
}

/// <summary>A meeting (rendez-vous) of the pôle with the porteurs. The first one records the welcome.</summary>
public sealed class Meeting
{
    public const int SummaryMaxLength = 2000;

    public Meeting(Guid id, Guid projectId, DateTimeOffset heldAt, MeetingKind kind, string? summary, Guid recordedBy, DateTimeOffset recordedAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Le type de rendez-vous n'est pas valide.");
        }

        if (heldAt > recordedAt.AddDays(366) || heldAt < recordedAt.AddYears(-10))
        {
            throw new DomainException("La date du rendez-vous n'est pas plausible.");
        }

        Id = id;
        ProjectId = projectId;
        HeldAt = heldAt;
        Kind = kind;
        Summary = Guard.Required(summary, SummaryMaxLength, "Le compte rendu");
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Summary { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static string Label(MeetingKind kind) => kind switch
    {
        MeetingKind.FirstWelcome => "Premier accueil",
        MeetingKind.FollowUp => "Suivi",
        MeetingKind.CollectiveSession => "Séance collective",
        _ => kind.ToString(),
    };

    /// <summary>Records the meeting; the first one with a submitted project is its welcome (accueil).</summary>
    public static Meeting Record(Project project, DateTimeOffset heldAt, MeetingKind kind, string? summary, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        heldAt = heldAt.ToUniversalTime();
        if (project.Status is ProjectStatus.Draft or ProjectStatus.Closed)
        {
            throw new DomainException("Un rendez-vous ne peut être noté que pour un projet déposé et en cours.");
        }

        if (project.SubmittedAt is { } submitted && heldAt < submitted.AddDays(-1))
        {
            throw new DomainException("Le rendez-vous ne peut pas précéder le dépôt du projet.");
        }

        var meeting = new Meeting(Guid.CreateVersion7(now), project.Id, heldAt, kind, summary, staffId, now);
        var welcomes = project.Status == ProjectStatus.Submitted;
        if (welcomes)
        {
            project.Welcome(staffId, heldAt);
        }

        project.Raise(new MeetingRecorded(project, meeting, welcomes, staffId, now));
        return meeting;
    }
}

/// <summary>A note of the pôle's staff on a project: never shown to porteurs, never exported to them.</summary>
public sealed class InternalNote
{
    public const int BodyMaxLength = 4000;

    /// <summary>A member of the pôle's staff writes a note on the project.</summary>
    public static InternalNote Write(Project project, Guid staffId, string? body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        var note = new InternalNote(Guid.CreateVersion7(now), project.Id, staffId, body, now);
        project.Raise(new InternalNoteAdded(project, note, staffId, now));
        return note;
    }

    public InternalNote(Guid id, Guid projectId, Guid authorId, string? body, DateTimeOffset writtenAt)
    {
        Id = id;
        ProjectId = projectId;
        AuthorId = authorId;
        Body = Guard.Required(body, BodyMaxLength, "La note");
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
}

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
