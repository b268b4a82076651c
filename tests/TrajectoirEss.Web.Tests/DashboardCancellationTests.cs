using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using TrajectoirEss.Web.Startup;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// A dashboard computed for a request (cache off) that the user gives up midway: the computation stops, the
/// next ones work on the same pooled connections, and the request log (the app's logger, not the static
/// start-up one) records it as given up, not as an error.
/// </summary>
public sealed class DashboardCancellationTests(DashboardCancellationTests.Fixture portal) : IClassFixture<DashboardCancellationTests.Fixture>
{
    [Fact]
    public async Task ARequestGivenUpMidComputation_StopsIt_LeavesTheNextOnesWorking_AndIsNotLoggedAsAnError()
    {
        using var coordinator = await portal.SignInAsync(Fixture.Coordinator);
        // Once first: Npgsql prepares a statement on its second use, so the given-up computation is the one that prepares.
        using (var first = await coordinator.GetAsync("/coordination?annee=2025"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The projects locked by another session: the computation waits inside its batches until the user leaves.
        await using (var blocker = new NpgsqlConnection(portal.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockProjects = new NpgsqlCommand("LOCK TABLE projects IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockProjects.ExecuteNonQueryAsync();
            }

            async Task<long> WaitingForTheLockAsync()
            {
                await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", blocker, transaction);
                return (long)(await waiting.ExecuteScalarAsync())!;
            }

            using var givenUp = new CancellationTokenSource();
            var request = coordinator.Http.GetAsync("/coordination?annee=2025", givenUp.Token);
            // Generous: with the other test classes running on 2 cores, the request can take seconds to reach its SQL.
            await WaitForAsync(async () => await WaitingForTheLockAsync() > 0, "The computation never reached the locked table (30 s).", seconds: 30);
            await givenUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

            // The computation stops with the request: its statements no longer wait for the lock.
            await WaitForAsync(async () => await WaitingForTheLockAsync() == 0, "The computation went on for 10 s after its request was given up.");
            await transaction.RollbackAsync();
        }

        for (var i = 0; i < 4; i++)
        {
            using var after = await coordinator.GetAsync("/coordination?annee=2025");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        Assert.DoesNotContain(portal.Logs.Events, e => e.Level >= LogEventLevel.Error);
        var requests = portal.Logs.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/coordination\"" && e.Properties.ContainsKey("Elapsed")).ToList();
        var givenUpLog = Assert.Single(requests, e => e.Properties.ContainsKey("ClientAborted"));
        Assert.Equal(LogEventLevel.Information, givenUpLog.Level);
        Assert.True(requests.Count(e => e.Properties["StatusCode"].ToString() == "200") >= 5, "The dashboard requests answered were not all logged.");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string failure, int seconds = 10)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(failure);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string Coordinator = "coordination-annulation@exemple.test";

        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Coordinator, Domain.Roles.Coordinator);
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.PostConfigure<WorkspaceOptions>(options => options.DashboardCacheSeconds = 0);
        }
    }
}
