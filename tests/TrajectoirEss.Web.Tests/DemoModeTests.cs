using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class DemoModeTests(DemoModeTests.DemoFactory portal) : IClassFixture<DemoModeTests.DemoFactory>
{
    [Theory]
    [InlineData("admin@demo.test", "/admin")]
    [InlineData("coordination@demo.test", "/coordination")]
    [InlineData("pole-morlaix@demo.test", "/pole")]
    [InlineData("pole-rennes@demo.test", "/pole")]
    [InlineData("tag29@demo.test", "/structure")]
    [InlineData("kejal@demo.test", "/structure")]
    [InlineData("franceactive@demo.test", "/structure")]
    [InlineData("porteur@demo.test", "/porteur")]
    public async Task DemoAccount_LogsInWithTheDocumentedPassword(string email, string home)
    {
        using var client = await portal.SignInAsync(email, DemoAccounts.Password);
        using var response = await client.GetAsync(home);
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task DemoMode_InProduction_IsRefusedAtStart()
    {
        // The same Production settings start without demo mode, so the refusal is demo mode's alone.
        await using (var production = new ProductionFactory(demoMode: false))
        {
            using var client = production.CreateClient();
            using var live = await client.GetAsync("/health/live");
            Assert.True(live.IsSuccessStatusCode);
        }

        await using var demoInProduction = new ProductionFactory(demoMode: true);
        Assert.ThrowsAny<Exception>(() => demoInProduction.CreateClient());
    }

    /// <summary>The demo runs in Development (scripts/run.sh): a PostgreSQL outage shows the French 503 page people would see, never a developer page.</summary>
    [Theory]
    [InlineData("/compte/connexion")]
    [InlineData("/porteur/projets/nouveau")]
    public async Task TheDemo_WithPostgreSqlDown_ShowsTheFrench503_NotADeveloperPage(string url)
    {
        await using var demo = new UnreachableDatabaseFactory("Development", demoMode: true);
        using var client = demo.CreateHtmlClient();

        using var response = await client.GetAsync(url);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Service momentanément indisponible", (await HtmlClient.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(response.Headers.RetryAfter);
        foreach (var leak in new[] { "Exception", "Npgsql", "Stack", " at TrajectoirEss" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>scripts/run.sh takes its settings from scripts/demo-env.sh: the e-mails' links follow PORT, unless PublicBaseUrl is set.</summary>
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5080")]
    [InlineData("8123", null, "http://127.0.0.1:8123")]
    [InlineData("8123", "https://demo.exemple.test", "https://demo.exemple.test")]
    public async Task RunSh_PutsItsOwnPort_InTheEmailLinks(string? port, string? publicBaseUrl, string expected)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrajectoirEss.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -euo pipefail; source scripts/demo-env.sh; printf '%s' \"${TrajectoirEss__PublicBaseUrl}\"");
        start.WorkingDirectory = root.FullName;
        start.Environment["REPO_ROOT"] = root.FullName;
        start.Environment.Remove("PORT");
        start.Environment.Remove("TrajectoirEss__PublicBaseUrl");
        if (port is not null)
        {
            start.Environment["PORT"] = port;
        }

        if (publicBaseUrl is not null)
        {
            start.Environment["TrajectoirEss__PublicBaseUrl"] = publicBaseUrl;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        Assert.Equal(expected, output);
    }

    /// <summary>A fresh database where the real start-up creates the demo accounts.</summary>
    public sealed class DemoFactory : PortalFactory
    {
        protected override bool DemoMode => true;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Startup.DatabaseInitializer>().SeedAccountsAsync();
        }
    }

    private sealed class ProductionFactory(bool demoMode) : PortalFactory
    {
        protected override bool DemoMode => demoMode;

        protected override string EnvironmentName => "Production";

        protected override string? ConnectionStringOverride => "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

        public override Task InitializeAsync() => Task.CompletedTask;
    }

    /// <summary>The portal in an environment, its PostgreSQL unreachable (nothing listens on port 1).</summary>
    private sealed class UnreachableDatabaseFactory(string environment, bool demoMode) : PortalFactory
    {
        protected override bool DemoMode => demoMode;

        protected override string EnvironmentName => environment;

        protected override string? ConnectionStringOverride => "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";

        public override Task InitializeAsync() => Task.CompletedTask;
    }
}
