using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Evaluation.Computation;

/// <summary>
/// For the benchmark (<c>dotnet TrajectoirEss.Web.dll time-campaign-computation</c>): the computed values of a whole
/// campaign for the last complete year, on the adopted référentiel (the demo's first one, created if there is none),
/// timed; nothing is stored. The bar: under 10 s at ten times the demo's volume.
/// </summary>
public static class CampaignComputationTiming
{
    public const string Command = "time-campaign-computation";

    /// <summary>Returns the line printed: "campaign {year} computed in {seconds} s ({values} values, {indicators} computed indicators)".</summary>
    public static async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<TrajectoirEssDbContext>();
        var demo = services.GetRequiredService<DemoEvaluation>();
        if (!await demo.ExistsAsync(cancellationToken))
        {
            await demo.CreateReferentialAsync(cancellationToken);
        }

        var referential = await db.Referentials.AsNoTracking().Where(r => r.Status == ReferentialStatus.Adopted).OrderByDescending(r => r.VersionNumber).FirstAsync(cancellationToken);
        var year = services.GetRequiredService<TimeProvider>().GetUtcNow().Year - 1;
        var measures = services.GetRequiredService<EvaluationMeasures>();
        var started = Stopwatch.GetTimestamp();
        var values = await measures.ComputeAsync(referential, year, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var indicators = referential.Indicators.Count(i => i.Terms.Source == IndicatorSource.Computed);
        return string.Create(CultureInfo.InvariantCulture, $"campaign {year} computed in {seconds:0.00} s ({values.Count} values, {indicators} computed indicators)");
    }
}
