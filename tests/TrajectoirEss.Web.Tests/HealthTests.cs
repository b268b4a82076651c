using System.Net;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Live_Answers200()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithTheDatabase_Answers200()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithoutTheDatabase_Answers503()
    {
        await using var unreachable = new UnreachableDatabaseFactory();
        await unreachable.InitializeAsync();
        using var client = unreachable.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    /// <summary>The portal configured with a PostgreSQL address where nothing listens.</summary>
    private sealed class UnreachableDatabaseFactory : PortalFactory
    {
        protected override string? ConnectionStringOverride => "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";

        public override Task InitializeAsync() => Task.CompletedTask;
    }
}
