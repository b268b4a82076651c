using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>
/// The portal in memory, on its own PostgreSQL database cloned from the run's template, with e-mails
/// written to a folder of its own. Shared by the tests of one class (IClassFixture).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Un-mot-de-passe-de-test-2026";

    private readonly bool _migrateOnStart;
    private readonly bool _ownsDatabase = true;
    private string? _database;

    /// <summary>
    /// The portal's cookies are Secure (__Host- prefix): the test client speaks to https://localhost, the
    /// in-memory server does not care about TLS, and the cookie container sends Secure cookies over https only.
    /// </summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public PortalFactory()
    {
        ClientOptions.BaseAddress = BaseAddress;
    }

    internal PortalFactory(string database, bool migrateOnStart, bool ownsDatabase = true)
        : this()
    {
        _database = database;
        _migrateOnStart = migrateOnStart;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>A second instance of the app on the same database (as behind a load balancer); disposing it keeps the database.</summary>
    public PortalFactory AnotherInstance() => new(_database ?? throw new InvalidOperationException("The database is not created yet."), migrateOnStart: false, ownsDatabase: false);

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "trajectoiress-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => TestPostgres.ConnectionStringFor(_database ?? throw new InvalidOperationException("The database is not created yet."));

    protected virtual bool DemoMode => false;

    protected virtual string EnvironmentName => "Test";

    protected virtual string? ConnectionStringOverride => null;

    public virtual async Task InitializeAsync() => _database ??= await TestPostgres.CreateDatabaseAsync();

    public async Task StartAsync()
    {
        // Creating the server runs Program: options validation, and migrations when asked.
        _ = Server;
        await Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null && !_migrateOnStart && _ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // What the Development host checks (scripts/run.sh runs it): no singleton holds a scoped service, every service can be built.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.UseSetting("ConnectionStrings:TrajectoirEss", ConnectionStringOverride ?? ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", _migrateOnStart ? "true" : "false");
        builder.UseSetting("TrajectoirEss:DemoMode", DemoMode ? "true" : "false");
        builder.UseSetting("TrajectoirEss:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);

        // The tests deliver the outbox themselves (Emails(), DeliverOutboxAsync), with the clock they choose.
        builder.UseSetting("Email:OutboxEnabled", "false");

        // The tests run the referral deadlines and the retention job themselves, with the clock they choose.
        builder.UseSetting("Referrals:JobEnabled", "false");
        builder.UseSetting("Retention:JobEnabled", "false");
        builder.UseSetting("PlatformReminders:JobEnabled", "false");
        builder.UseSetting("CampaignReminders:JobEnabled", "false");
        builder.UseSetting("Workspace:DashboardRefreshJobEnabled", "false");

        // Off by default so that every test need not enrol an authenticator: the tests of these features turn them on.
        builder.UseSetting("Security:RequireTwoFactorForStaff", RequireTwoFactorForStaff ? "true" : "false");
        builder.UseSetting("RateLimiting:Enabled", RateLimitingEnabled ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            if (FastPasswordHashing)
            {
                // 210,000 PBKDF2 iterations cost ~0.15 s a hash: the suite would spend minutes hashing. PasswordTests checks the real setting.
                services.PostConfigure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            }

            ConfigureServices(services);
        });
    }

    /// <summary>Two-factor authentication required for staff (the production default); off unless a test class turns it on.</summary>
    protected virtual bool RequireTwoFactorForStaff => false;

    protected virtual bool RateLimitingEnabled => false;

    protected virtual bool FastPasswordHashing => true;

    /// <summary>Replace services for one test class (a clock, a log sink…).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public HtmlClient CreateHtmlClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true, BaseAddress = BaseAddress }));

    public async Task<T> WithDbAsync<T>(Func<TrajectoirEssDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>());
    }

    /// <summary>Creates a confirmed account with a role, attached to a pôle, structure or public authority by reference code.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string role, string? poleCode = null, string? structureCode = null, string? publicAuthorityCode = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Compte " + email,
            CreatedAt = DateTimeOffset.UtcNow,
            PoleId = poleCode is null ? null : await db.Poles.Where(p => p.Code == poleCode).Select(p => (Guid?)p.Id).SingleAsync(),
            StructureId = structureCode is null ? null : await db.Structures.Where(s => s.Code == structureCode).Select(s => (Guid?)s.Id).SingleAsync(),
            PublicAuthorityId = publicAuthorityCode is null ? null : await db.PublicAuthorities.Where(a => a.Code == publicAuthorityCode).Select(a => (Guid?)a.Id).SingleAsync(),
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HtmlClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateHtmlClient();
        var page = await client.GetDocumentAsync("/compte/connexion");
        var response = await client.SubmitAsync(page.Form(), new() { ["Adresse électronique"] = email, ["Mot de passe"] = password });
        var landing = await HtmlClient.ParseAsync(response);
        Assert.True(landing.QuerySelector("[data-testid=current-user]") is not null, $"Login as {email} failed: {landing.QuerySelector("main")?.TextContent}");
        return client;
    }

    /// <summary>Logs in by hand (no cookie container, no redirects) and returns the session cookie as "name=value", to send as a Cookie header.</summary>
    public async Task<string> SessionCookieAsync(string email, string password = Password)
    {
        using var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress });
        using var page = await http.GetAsync("/compte/connexion");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Web.Security.PortalCookies.Antiforgery, StringComparison.Ordinal)).Split(';')[0];
        var token = (await HtmlClient.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Web.Security.PortalCookies.Session, StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>GET with only the given cookie; the status, or 401 when sent to the login page.</summary>
    public async Task<System.Net.HttpStatusCode> GetWithCookieAsync(string cookie, string path)
    {
        using var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/compte/connexion" ? System.Net.HttpStatusCode.Unauthorized : response.StatusCode;
    }

    /// <summary>Runs the outbox's dispatcher until no message is due (as the app's background service would); answers the messages handed over.</summary>
    public async Task<int> DeliverOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DrainAsync();
    }

    /// <summary>The e-mails delivered to the pickup folder, in the order they were written, once the outbox is delivered.</summary>
    public IReadOnlyList<MimeMessage> Emails()
    {
        // On the thread pool: no test's synchronisation context to block on.
        Task.Run(DeliverOutboxAsync).GetAwaiter().GetResult();
        return Directory.Exists(MailDirectory)
            ? Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList()
            : [];
    }

    /// <summary>The path and query of the first link of the last e-mail sent to an address.</summary>
    public string LinkInLastEmailTo(string address)
    {
        var message = Emails().LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address))
            ?? throw new InvalidOperationException($"No e-mail was sent to {address}.");
        var match = Regex.Match(message.TextBody ?? string.Empty, @"https?://[^\s]+");
        Assert.True(match.Success, "The e-mail has no link: " + message.TextBody);
        var uri = new Uri(match.Value);
        return uri.PathAndQuery;
    }
}
