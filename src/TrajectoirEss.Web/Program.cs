using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Formatting.Compact;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

// A plain static logger for start-up and fatal errors; the app's own logger is built from configuration below.
// (No CreateBootstrapLogger: a reloadable logger can be frozen once per process, and the tests start many hosts.)
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, logger) => ConfigureLogging(logger, services, builder), preserveStaticLogger: true);
    builder.AddPortal();
    var app = builder.Build();

    // `dotnet TrajectoirEss.Web.dll migrate`: apply migrations and reference data, then exit (production deployments).
    if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAccountsAsync();
        Log.Information("Database migrated");
        return 0;
    }

    // `dotnet TrajectoirEss.Web.dll generate-demo-data [scale] [fromYear] [toYear]`: the benchmark's volumes.
    if (args.Length > 0 && args[0] == "generate-demo-data")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var scale = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var from = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2017;
        var to = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : DateTime.UtcNow.Year;
        var generator = scope.ServiceProvider.GetRequiredService<TrajectoirEss.Infrastructure.Demo.DemoDataGenerator>();
        var report = await generator.GenerateAsync(from, to, scale, DateTimeOffset.UtcNow);
        await generator.CreateShowcaseAsync("porteur@demo.test", "adess-du-pays-de-morlaix", "tag29-ideateur", DateTimeOffset.UtcNow);
        await scope.ServiceProvider.GetRequiredService<TrajectoirEss.Infrastructure.Demo.DemoPlatformHistory>().CreateAsync(DateTimeOffset.UtcNow);
        Log.Information("Demo data generated at scale {Scale}: {Projects} projects", scale, report.Projects);
        return 0;
    }

    // `dotnet TrajectoirEss.Web.dll sample-reading-pack`: a published reading pack to open (the benchmark); prints its session's id.
    if (args.Length > 0 && args[0] == "sample-reading-pack")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var session = await TrajectoirEss.Web.Features.Platform.Pack.SampleReadingPack.EnsureAsync(scope.ServiceProvider, "coordination@demo.test");
        await Console.Out.WriteLineAsync($"reading pack of session {session}");
        return 0;
    }

    // `dotnet TrajectoirEss.Web.dll time-campaign-computation`: a whole campaign's computed values for the last complete year, timed (the benchmark).
    if (args.Length > 0 && args[0] == TrajectoirEss.Web.Features.Evaluation.Computation.CampaignComputationTiming.Command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await Console.Out.WriteLineAsync(await TrajectoirEss.Web.Features.Evaluation.Computation.CampaignComputationTiming.RunAsync(scope.ServiceProvider));
        return 0;
    }

    // `dotnet TrajectoirEss.Web.dll sample-evaluation`: the demo's evaluation campaigns (frozen ones computed at this volume) and their readings, if missing (the benchmark reads them).
    if (args.Length > 0 && args[0] == "sample-evaluation")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        var campaigns = await scope.ServiceProvider.GetRequiredService<TrajectoirEss.Web.Features.Evaluation.Computation.DemoCampaigns>().CreateAsync(now);
        var readings = await scope.ServiceProvider.GetRequiredService<TrajectoirEss.Web.Features.Evaluation.Computation.DemoReadings>().CreateAsync(now);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"evaluation: {campaigns} campaigns and {readings} readings created"));
        return 0;
    }

    // `dotnet TrajectoirEss.Web.dll verify-audit`: recompute the audit trail's hash chain; exit code 2 at the first broken link.
    if (args.Contains("verify-audit", StringComparer.OrdinalIgnoreCase))
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>());
        if (result.IsIntact)
        {
            Log.Information("Audit trail intact: {Entries} entries, last hash {HeadHash}", result.Entries, result.HeadHash ?? "-");
            await Console.Out.WriteLineAsync($"audit trail intact: {result.Entries} entries; last hash {result.HeadHash ?? "-"}");
            return 0;
        }

        Log.Error("Audit trail broken at entry {EntryId} (position {Sequence}): {Problem}", result.FirstBadId, result.FirstBadSequence, result.Problem);
        await Console.Error.WriteLineAsync($"audit trail BROKEN at entry {result.FirstBadId} (position {result.FirstBadSequence}): {result.Problem}; {result.Entries} entries before it are intact");
        return 2;
    }

    if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        await initializer.SeedAccountsAsync();
        await initializer.SeedDemoDataAsync();
    }

    app.UsePortalPipeline();
    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
    app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

    // An unknown address is a 404 for everybody (without this, the fallback authorisation policy would send
    // anonymous visitors to the login page first); the status code pages render it.
    // A known route called with the wrong method is a 405 (UnknownAddress).
    app.MapFallback(UnknownAddress.HandleAsync).AllowAnonymous();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped on an error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

// Readable lines in development, one JSON object per event elsewhere (for log collectors).
static void ConfigureLogging(LoggerConfiguration logger, IServiceProvider services, WebApplicationBuilder builder)
{
    logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
    if (builder.Environment.IsDevelopment())
    {
        logger.WriteTo.Console(
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
            formatProvider: CultureInfo.InvariantCulture);
    }
    else
    {
        logger.WriteTo.Console(new RenderedCompactJsonFormatter());
    }
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
