namespace TrajectoirEss.Web.Startup;

/// <summary>Section "Workspace": delays the staff see and that the background jobs use.</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>A submitted project waiting longer than this for its first contact is flagged in the inbox.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365)]
    public int FirstContactAlertDays { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(5, 200)]
    public int PageSize { get; set; } = 25;

    /// <summary>How long the dashboard's aggregates are reused for the same filters (0: always recomputed).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int DashboardCacheSeconds { get; set; } = 60;

    /// <summary>
    /// Whether a background job checks every <see cref="DashboardRefreshSeconds"/> that the region-wide
    /// dashboard of this year and last year is computed and fresh, and recomputes it otherwise: the pages
    /// most opened then never wait for a computation, whatever the volume of data. Needs a cache
    /// (DashboardCacheSeconds above 0).
    /// </summary>
    public bool DashboardRefreshJobEnabled { get; set; } = true;

    [System.ComponentModel.DataAnnotations.Range(5, 3600)]
    public int DashboardRefreshSeconds { get; set; } = 45;
}
