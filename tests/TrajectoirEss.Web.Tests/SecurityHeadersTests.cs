using System.Net;
using System.Text.RegularExpressions;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The security headers on every kind of response: pages, forms, errors, static files, the API, the health checks.</summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Fixture portal) : IClassFixture<SecurityHeadersTests.Fixture>
{
    public static TheoryData<string, bool, HttpStatusCode> Responses() => new()
    {
        { "/", false, HttpStatusCode.OK },
        { "/compte/connexion", false, HttpStatusCode.OK },
        { "/adresse-inconnue", false, HttpStatusCode.NotFound },
        { "/erreur/500", false, HttpStatusCode.InternalServerError },
        { "/admin", true, HttpStatusCode.Forbidden },
        { "/porteur", true, HttpStatusCode.OK },
        { "/porteur/projets/nouveau", true, HttpStatusCode.OK },
        { "/css/site.css", false, HttpStatusCode.OK },
        { "/js/site.js", false, HttpStatusCode.OK },
        { "/favicon.ico", false, HttpStatusCode.OK },
        { "/api/communes?q=brest", false, HttpStatusCode.OK },
        { "/health/ready", false, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, bool signedIn, HttpStatusCode expected)
    {
        using var client = signedIn ? await portal.SignInAsync(Fixture.Porteur) : portal.CreateHtmlClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        if (signedIn)
        {
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoInlineScript_AndANewNonceForEachResponse()
    {
        using var client = portal.CreateHtmlClient();
        using var first = await client.GetAsync("/compte/connexion");
        using var second = await client.GetAsync("/compte/connexion");
        var nonce = NonceRegex().Match(Header(first, "Content-Security-Policy")).Groups[1].Value;

        Assert.NotEmpty(nonce);
        Assert.NotEqual(nonce, NonceRegex().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
        var page = await HtmlClient.ParseAsync(first);
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script: " + s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onerror],[onsubmit]"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceRegex();

    public sealed class Fixture : PortalFactory
    {
        public const string Porteur = "entetes@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Porteur, Roles.Porteur);
        }
    }
}
