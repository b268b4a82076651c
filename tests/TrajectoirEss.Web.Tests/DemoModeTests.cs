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
}
