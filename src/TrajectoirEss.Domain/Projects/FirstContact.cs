namespace TrajectoirEss.Domain.Projects;

/// <summary>
/// The pôle's first contact with a submitted project, and when it is late: a project submitted and not yet
/// welcomed for more than the alert delay (the setting <c>Workspace:FirstContactAlertDays</c>, in days, counted
/// to the instant, not in whole days). The one definition: the inbox's count, its rows and the project file
/// ask it, so a project waiting ten and a half days with a ten-day delay is both counted and flagged.
/// </summary>
public static class FirstContact
{
    /// <summary>A project submitted before this instant and still waiting is late (for queries: <c>p.SubmittedAt &lt; LateIfSubmittedBefore(...)</c>).</summary>
    public static DateTimeOffset LateIfSubmittedBefore(DateTimeOffset now, int alertDays) => now.AddDays(-alertDays);

    /// <summary>Whether the project waits for its first contact (submitted, not yet welcomed).</summary>
    public static bool IsAwaited(ProjectStatus status) => status == ProjectStatus.Submitted;

    public static bool IsLate(ProjectStatus status, DateTimeOffset? submittedAt, DateTimeOffset now, int alertDays) =>
        IsAwaited(status) && submittedAt < LateIfSubmittedBefore(now, alertDays);

    /// <summary>Whole days since the submission, for a project that waits for its first contact (null otherwise).</summary>
    public static int? DaysWaiting(ProjectStatus status, DateTimeOffset? submittedAt, DateTimeOffset now) =>
        IsAwaited(status) && submittedAt is { } at ? (int)(now - at).TotalDays : null;
}
