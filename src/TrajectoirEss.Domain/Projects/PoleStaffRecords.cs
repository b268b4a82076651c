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

    /// <summary>Whether a meeting can be recorded for a project in this status: a project "déposé et en cours".</summary>
    public static bool CanRecord(ProjectStatus status) => Project.OpenStatuses.Contains(status);

    /// <summary>Records the meeting; the first one with a submitted project is its welcome (accueil).</summary>
    public static Meeting Record(Project project, DateTimeOffset heldAt, MeetingKind kind, string? summary, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        heldAt = heldAt.ToUniversalTime();
        if (!CanRecord(project.Status))
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
