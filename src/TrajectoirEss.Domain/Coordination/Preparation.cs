namespace TrajectoirEss.Domain.Coordination;

/// <summary>The steps of a session's preparation, in the order they happen.</summary>
public enum MilestoneKind
{
    /// <summary>The figures of the dashboards are frozen for the session.</summary>
    DataFrozen = 1,

    /// <summary>The reading pack (dossier de séance) is published to the members.</summary>
    PackPublished = 2,

    /// <summary>The agenda is sent to the members.</summary>
    AgendaSent = 3,
}

/// <summary>Where a milestone stands on a given day (for the coordinators' reminders).</summary>
public enum MilestoneState
{
    Done = 1,

    /// <summary>Not done, due later than the reminder window.</summary>
    Upcoming = 2,

    /// <summary>Not done, due today or within <see cref="PreparationTemplate.ReminderLeadDays"/> days.</summary>
    Due = 3,

    /// <summary>Not done, its date passed.</summary>
    Late = 4,
}

/// <summary>The preparation timeline a new session starts with, and the labels of its milestones: their one home.</summary>
public static class PreparationTemplate
{
    /// <summary>How many days before a milestone's date it is reported as due.</summary>
    public const int ReminderLeadDays = 2;

    /// <summary>The milestones of a new session and how many days before the session each falls, in order.</summary>
    public static IReadOnlyList<(MilestoneKind Kind, int DaysBefore)> Default { get; } =
    [
        (MilestoneKind.DataFrozen, 21),
        (MilestoneKind.PackPublished, 10),
        (MilestoneKind.AgendaSent, 7),
    ];

    public static string Label(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.DataFrozen => "Gel des données",
        MilestoneKind.PackPublished => "Publication du dossier de séance",
        MilestoneKind.AgendaSent => "Envoi de l'ordre du jour",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Whether the milestone is done by the reading pack itself (freezing its data, publishing it), not marked done by
    /// hand: the data freeze and the pack's publication.
    /// </summary>
    public static bool IsDoneByTheReadingPack(this MilestoneKind kind) => kind is MilestoneKind.DataFrozen or MilestoneKind.PackPublished;

    public static string Label(this MilestoneState state) => state switch
    {
        MilestoneState.Done => "Fait",
        MilestoneState.Upcoming => "À venir",
        MilestoneState.Due => "À faire",
        MilestoneState.Late => "En retard",
        _ => state.ToString(),
    };
}

/// <summary>One step of a session's preparation: its date (editable), and who marked it done, when.</summary>
public sealed class PreparationMilestone
{
    internal PreparationMilestone(MilestoneKind kind, DateOnly dueOn)
    {
        Kind = kind;
        DueOn = dueOn;
    }

    private PreparationMilestone()
    {
    }

    public MilestoneKind Kind { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public Guid? DoneBy { get; private set; }

    /// <summary>The last day the coordinators were reminded of it (see <see cref="PlatformSession.TakeRemindersFor"/>).</summary>
    public DateOnly? RemindedOn { get; private set; }

    public bool IsDone => DoneAt is not null;

    public MilestoneState StateOn(DateOnly date) =>
        IsDone ? MilestoneState.Done
        : DueOn < date ? MilestoneState.Late
        : DueOn <= date.AddDays(PreparationTemplate.ReminderLeadDays) ? MilestoneState.Due
        : MilestoneState.Upcoming;

    internal void MoveTo(DateOnly dueOn) => DueOn = dueOn;

    internal void Remind(DateOnly date) => RemindedOn = date;

    internal void MarkDone(Guid userId, DateTimeOffset now)
    {
        DoneAt = now;
        DoneBy = userId;
    }

    internal void MarkNotDone()
    {
        DoneAt = null;
        DoneBy = null;
    }
}
