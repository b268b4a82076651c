using System.Diagnostics;
using Microsoft.Extensions.Options;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Dashboard;

/// <summary>
/// Keeps the region-wide dashboard of the current and the previous year computed ahead: every
/// <see cref="WorkspaceOptions.DashboardRefreshSeconds"/> it recomputes those whose cached aggregates are
/// missing (at start) or no longer fresh. Opening those views then costs a cache read whatever the volume
/// of trajectories; the computation happens here, not in a request. Other filters are computed on first
/// request, then kept fresh by the requests themselves (stale-while-revalidate, <see cref="DashboardQueries.LoadAsync"/>).
/// </summary>
internal sealed class DashboardRefreshJob(IServiceScopeFactory scopes, IOptions<WorkspaceOptions> options, TimeProvider clock, ILogger<DashboardRefreshJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.DashboardRefreshJobEnabled && options.Value.DashboardCacheSeconds > 0;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.DashboardRefreshSeconds);

    /// <summary>The filters kept computed ahead: the whole region, this year (the dashboard's default) and last year.</summary>
    public static IReadOnlyList<DashboardFilter> Filters(DateTimeOffset now)
    {
        var year = Format.ParisDate(now).Year;
        return [DashboardFilter.Year(year), DashboardFilter.Year(year - 1)];
    }

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queries = services.GetRequiredService<DashboardQueries>();
        foreach (var filter in Filters(now))
        {
            var started = Stopwatch.GetTimestamp();
            if (await queries.KeepFreshAsync(filter, cancellationToken))
            {
                logger.LogDebug("Dashboard {From}–{To} recomputed in {Milliseconds} ms", filter.From, filter.To, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
