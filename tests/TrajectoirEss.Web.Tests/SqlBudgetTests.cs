using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Counts the SQL commands each main page sends to PostgreSQL (Npgsql's own activity per command or batch,
/// whether it comes from EF Core or not) and fails above the budget: no page may issue more than 10.
/// The counts are also written to .data/bench/sql-commands.txt for the benchmark report.
/// </summary>
public sealed class SqlBudgetTests(SqlBudgetTests.Fixture portal) : IClassFixture<SqlBudgetTests.Fixture>, IDisposable
{
    public const int Budget = 10;

    private readonly ConcurrentBag<string> _commands = [];
    private ActivityListener? _listener;

    private int Count(Func<Task> request)
    {
        var database = new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database!;

        // The pages as they run once the instance hears the accounts' changes: the session check is then cached.
        var sessions = portal.Services.GetRequiredService<SessionAccountCache>();
        for (var waited = Stopwatch.StartNew(); !sessions.IsLive; Thread.Sleep(10))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The listener of account changes never connected");
        }

        _commands.Clear();
        _listener?.Dispose();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var tags = activity.TagObjects.ToDictionary(t => t.Key, t => t.Value?.ToString());
                // Physical connection opens (a cold pool) are not commands.
                if (!activity.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal)
                    && (tags.GetValueOrDefault("db.namespace") == database || tags.GetValueOrDefault("db.name") == database))
                {
                    _commands.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        request().GetAwaiter().GetResult();
        _listener.Dispose();
        _listener = null;
        return _commands.Count;
    }

    public static TheoryData<string, string> Pages() => new()
    {
        { "porteur@budget.test", "/porteur" },
        { "porteur@budget.test", "/porteur/projets/{project}" },
        { "pole@budget.test", "/pole" },
        { "pole@budget.test", "/pole?q=epicerie&page=2" },
        { "pole@budget.test", "/pole/projets/{poleProject}" },
        { "structure@budget.test", "/structure" },
        { "coordination@budget.test", "/coordination" },
        { "coordination@budget.test", "/coordination?du=2017-01-01&au=2026-12-31" },
        { "", "/api/communes?q=quimper" },
        { "", "/" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task MainPage_StaysWithinTheSqlBudget(string account, string path)
    {
        using var client = account.Length == 0 ? portal.CreateHtmlClient() : await portal.SignInAsync(account);
        var url = path.Replace("{project}", portal.PorteurProject.ToString(), StringComparison.Ordinal).Replace("{poleProject}", portal.PoleProject.ToString(), StringComparison.Ordinal);
        using (var warm = await client.GetAsync(url))
        {
            Assert.True(warm.IsSuccessStatusCode, $"GET {url} answered {(int)warm.StatusCode}");
        }

        var commands = Count(async () => { using var response = await client.GetAsync(url); });

        Record(path, commands);
        Assert.True(commands <= Budget, $"GET {path} sent {commands} SQL commands (budget {Budget}): {string.Join(", ", _commands)}");
        // The home page reads nothing, the communes come from the reference cache, and the dashboards from their
        // cache (computed by the warm-up request) with the session check from the session cache: every other page
        // reads its own data.
        Assert.True(commands > 0 || path == "/" || path.StartsWith("/api/communes", StringComparison.Ordinal) || path.StartsWith("/coordination", StringComparison.Ordinal), "No SQL command was seen: the counter does not work.");
    }

    public void Dispose() => _listener?.Dispose();

    private static void Record(string path, int commands)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrajectoirEss.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return;
        }

        var folder = Path.Combine(directory.FullName, ".data", "bench");
        Directory.CreateDirectory(folder);
        lock (WrittenLock)
        {
            // The file holds this run's counts only: the first page of a run starts it again.
            var file = Path.Combine(folder, "sql-commands.txt");
            var line = $"{DateTime.UtcNow:O}\t{path}\t{commands}\n";
            if (_writtenThisRun)
            {
                File.AppendAllText(file, line);
            }
            else
            {
                File.WriteAllText(file, line);
                _writtenThisRun = true;
            }
        }
    }

    private static readonly Lock WrittenLock = new();

    private static bool _writtenThisRun;

    public sealed class Fixture : PortalFactory
    {
        public Guid PorteurProject { get; private set; }

        public Guid PoleProject { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using (var scope = Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(2023, 2025, scale: 0.3, now: new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), seed: 11);
            }

            var porteur = await CreateUserAsync("porteur@budget.test", Roles.Porteur);
            await CreateUserAsync("pole@budget.test", Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await CreateUserAsync("structure@budget.test", Roles.StructureStaff, structureCode: "tag29");
            await CreateUserAsync("coordination@budget.test", Roles.Coordinator);
            (PorteurProject, PoleProject) = await WithDbAsync(async db =>
            {
                // The porteur takes over a generated project with a long trajectory.
                var project = await db.Projects.Where(p => p.Steps.Count >= 5).OrderBy(p => p.Id).FirstAsync();
                var owner = project.Members[0].UserId;
                project.AddCoPorteur(porteur.Id, DateTimeOffset.UtcNow);
                await db.SaveChangesAsync();
                var morlaix = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
                var poleProject = await db.Projects.Where(p => p.PoleId == morlaix && p.Status != ProjectStatus.Draft).OrderByDescending(p => p.Steps.Count).Select(p => p.Id).FirstAsync();
                return (project.Id, poleProject);
            });
        }
    }
}
