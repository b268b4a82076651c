using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Issue 19, item 19: X-Forwarded-For is believed from the configured proxies only. Without one, a script that
/// picks a new address for each request still meets the per-address login limit (100 in 5 minutes, the default).
/// The connection's address is set by <see cref="Peer"/> from a test header, as the TCP peer would be.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.NoProxyPortal portal) : IClassFixture<ForwardedHeadersTests.NoProxyPortal>
{
    /// <summary>Sets the connection's address (the TCP peer), from X-Test-Peer, before the portal's pipeline.</summary>
    internal sealed class Peer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header] is { Count: > 0 } peer ? peer.ToString() : "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Logins with unknown addresses (never the per-account limit), each with its X-Forwarded-For; their statuses.</summary>
    internal static async Task<List<HttpStatusCode>> LoginsAsync(PortalFactory portal, string peer, Func<int, string> forwardedFor, int count)
    {
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/connexion")).Form();
        client.Http.DefaultRequestHeaders.Add(Peer.Header, peer);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await client.SubmitAsync(form, new() { ["Adresse électronique"] = $"personne-{peer}-{i}@exemple.test", ["Mot de passe"] = "un essai quelconque" });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [Theory]
    [InlineData("127.0.0.1")] // the loopback, which ASP.NET Core's defaults would trust
    [InlineData("10.20.0.2")]
    public async Task WithNoProxyConfigured_XForwardedFor_IsIgnored_AndTheAddressLimitHolds(string peer)
    {
        var statuses = await LoginsAsync(portal, peer, i => $"198.51.100.{i + 1}", 110);

        Assert.All(statuses.Take(100), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(100), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Theory]
    [InlineData("FORWARDEDHEADERS_ENABLED", "true")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.exemple.test")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/99")]
    public async Task TrustingEveryone_OrAnAddressThatIsNotOne_StopsTheStart(string setting, string value)
    {
        // The same settings start with a proxy network written right, so the refusal is the setting's alone.
        await using (var accepted = new SettingFactory("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/16"))
        {
            using var client = accepted.CreateClient();
            using var live = await client.GetAsync("/health/live");
            Assert.True(live.IsSuccessStatusCode);
        }

        await using var refused = new SettingFactory(setting, value);
        Assert.ThrowsAny<Exception>(() => refused.CreateClient());
    }

    public sealed class NoProxyPortal : PortalFactory
    {
        protected override bool RateLimitingEnabled => true;

        protected override void ConfigureServices(IServiceCollection services) => services.AddTransient<IStartupFilter, Peer>();
    }

    private sealed class SettingFactory(string setting, string value) : PortalFactory
    {
        protected override string? ConnectionStringOverride => "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

        public override Task InitializeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(setting, value);
        }
    }
}

/// <summary>With a proxy network configured, its X-Forwarded-For is the client address; from anywhere else it is ignored.</summary>
public sealed class TrustedProxyTests(TrustedProxyTests.ProxyPortal portal) : IClassFixture<TrustedProxyTests.ProxyPortal>
{
    [Fact]
    public async Task FromTheConfiguredProxy_EachForwardedAddress_IsCountedOnItsOwn()
    {
        var distinct = await ForwardedHeadersTests.LoginsAsync(portal, "10.20.0.2", i => $"198.51.100.{i + 1}", 110);
        Assert.All(distinct, s => Assert.Equal(HttpStatusCode.OK, s));

        // One client behind the proxy, however many times: its own limit.
        var one = await ForwardedHeadersTests.LoginsAsync(portal, "10.20.0.3", _ => "203.0.113.77", 101);
        Assert.All(one.Take(100), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, one[100]);
    }

    [Fact]
    public async Task FromAnotherAddress_TheHeader_IsIgnored()
    {
        var statuses = await ForwardedHeadersTests.LoginsAsync(portal, "192.0.2.44", i => $"198.51.100.{i + 1}", 101);

        Assert.All(statuses.Take(100), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[100]);
    }

    public sealed class ProxyPortal : PortalFactory
    {
        protected override bool RateLimitingEnabled => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.20.0.0/16");
            builder.UseSetting("ForwardedHeaders:KnownNetworks:1", string.Empty);
        }

        protected override void ConfigureServices(IServiceCollection services) => services.AddTransient<IStartupFilter, ForwardedHeadersTests.Peer>();
    }
}
