using System.Net;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_RendersInFrenchWithOneHeadingAndSkipLink()
    {
        using var client = portal.CreateHtmlClient();
        var page = await client.GetDocumentAsync("/");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Contains("ESS", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#contenu", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#contenu"));
        Assert.NotNull(page.QuerySelector("footer a[href='/donnees-personnelles']"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public async Task RobotsTxt_LetsThePublicPagesBeIndexed_NotTheSpacesBehindALogin()
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        foreach (var area in new[] { "/porteur/", "/pole/", "/structure/", "/coordination/", "/admin/", "/compte/", "/plateforme/" })
        {
            Assert.Contains($"Disallow: {area}", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Disallow: /plateforme-de-coordination", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/donnees-personnelles", "Données personnelles")]
    [InlineData("/accessibilite", "Déclaration d'accessibilité")]
    public async Task PublicPages_RenderForAnonymousVisitors(string path, string heading)
    {
        using var client = portal.CreateHtmlClient();
        var page = await client.GetDocumentAsync(path);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
    }

    [Fact]
    public async Task UnknownPage_AnswersAFrench404Page()
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.GetAsync("/cette-page-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Equal("Page introuvable", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
