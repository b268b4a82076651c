using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// The portal on a real Kestrel server (a free loopback port), on its own PostgreSQL database in demo
/// mode, and Debian's Chromium driven by Playwright. Shared by the end-to-end tests (one collection).
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StaffPassword = "Mot-de-passe-du-pole-2026";
    public const string CornouailleStaff = "pole-cornouaille@e2e.test";
    private const string DemoPassword = "Demo-Trajectoiress-2026";

    private readonly string _database = "te_e2e_" + Guid.NewGuid().ToString("N")[..12];
    private readonly int _port = FreePort();
    private IPlaywright? _playwright;

    public PortalServer()
    {
        UseKestrel(_port);
    }

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    /// <summary>The server's clock: the real time, moved forward when a journey needs a meeting to have taken place.</summary>
    public AdjustableClock Clock { get; } = new();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "trajectoiress-e2e-mail", Guid.NewGuid().ToString("N"));

    public static string ArtifactDirectory { get; } = Environment.GetEnvironmentVariable("TRAJECTOIRESS_E2E_ARTIFACTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepositoryRoot(), ".data", "e2e-artifacts");

    public IBrowser Browser { get; private set; } = null!;

    public static string DemoPasswordFor(string email) => email.EndsWith("@demo.test", StringComparison.Ordinal) ? DemoPassword : StaffPassword;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("TRAJECTOIRESS_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("The end-to-end tests need PostgreSQL: run `scripts/test.sh`, which starts a throwaway cluster and sets TRAJECTOIRESS_TEST_PG.");
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var chromium = Environment.GetEnvironmentVariable("TRAJECTOIRESS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}: install Debian's package (`sudo apt-get install chromium`) or run `scripts/test.sh`, which installs it, or set TRAJECTOIRESS_CHROMIUM.");
        }

        StartServer();
        await CreateCornouailleStaffAsync();
        Directory.CreateDirectory(ArtifactDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("TRAJECTOIRESS_TEST_PG"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var connection = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("TRAJECTOIRESS_TEST_PG")) { Database = _database }.ConnectionString;
        builder.UseEnvironment("Test");
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.UseSetting("ConnectionStrings:TrajectoirEss", connection);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("TrajectoirEss:DemoMode", "true");
        builder.UseSetting("TrajectoirEss:DemoDataScale", "0.05");
        builder.UseSetting("TrajectoirEss:PublicBaseUrl", BaseUrl);
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Referrals:JobEnabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));

        // The journeys compare the dashboard before and after: no cached aggregates.
        builder.UseSetting("Workspace:DashboardCacheSeconds", "0");
    }

    /// <summary>A new browser context (its own cookies) and page, at a given width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "fr-FR", BypassCSP = bypassCsp });
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string email, int width = 1280, bool bypassCsp = false)
    {
        var page = await NewPageAsync(width, bypassCsp: bypassCsp);
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(DemoPasswordFor(email));
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=current-user]");
        return page;
    }

    /// <summary>The first link of the last e-mail sent to an address (from the pickup folder, once the outbox has delivered what is due).</summary>
    public string LinkInLastEmailTo(string address) => Regex.Match(LastEmailTo(address).TextBody ?? string.Empty, @"https?://\S+").Value;

    /// <summary>The last e-mail sent to an address, once the outbox has delivered what is due.</summary>
    public MimeMessage LastEmailTo(string address)
    {
        WaitForTheOutbox();
        return Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address))
            ?? throw new InvalidOperationException($"No e-mail was sent to {address}.");
    }

    /// <summary>E-mails leave in the background (the outbox's service, woken by each save): waits until none is due.</summary>
    private void WaitForTheOutbox()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        for (var i = 0; i < 200; i++)
        {
            var now = DateTimeOffset.UtcNow;
            if (!db.OutboxMessages.AsNoTracking().Any(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now))
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("The e-mail outbox still has messages due after 10 s: is its background service running?");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactDirectory, $"{name}.png"), FullPage = true });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrajectoirEss.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetTempPath();
    }

    private async Task CreateCornouailleStaffAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var pole = await db.Poles.Where(p => p.Code == "adess-cornouaille").Select(p => p.Id).SingleAsync();
        var user = new ApplicationUser { UserName = CornouailleStaff, Email = CornouailleStaff, EmailConfirmed = true, DisplayName = "Corentin Cornouaille", PoleId = pole, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, StaffPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.PoleStaff);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalServer>
{
    public const string Name = "Portal";
}

/// <summary>The system's time, plus an offset a journey can move forward (and back to zero when it ends).</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
