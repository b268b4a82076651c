using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Every route under /admin, found from the app's own endpoints (so a new route is covered without
/// editing this test), against every kind of user.
/// </summary>
public sealed class AdminAuthorizationTests(AdminAuthorizationTests.Fixture portal) : IClassFixture<AdminAuthorizationTests.Fixture>
{
    private List<(string Method, string Path)> AdminRoutes()
    {
        var routes = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == "admin" || raw.StartsWith("admin/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: "/" + Fill(e.RoutePattern.RawText!))))
            .Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
        Assert.True(routes.Count >= 30, "Expected the administration routes, found: " + string.Join(", ", routes));
        return routes;
    }

    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value == "kind" ? "Sector" : Guid.NewGuid().ToString());

    private static async Task<HttpResponseMessage> SendAsync(HtmlClient client, string method, string path, string? token)
    {
        if (method == "GET")
        {
            return await client.GetAsync(path);
        }

        using var content = new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(path, content);
    }

    private static async Task<string> TokenAsync(HtmlClient client) =>
        (await client.GetDocumentAsync("/compte/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Theory]
    [InlineData(Roles.Porteur)]
    [InlineData(Roles.PoleStaff)]
    [InlineData(Roles.StructureStaff)]
    [InlineData(Roles.Coordinator)]
    public async Task EveryAdminRoute_AnswersForbidden_ToEveryOtherRole(string role)
    {
        using var client = await portal.SignInAsync(Fixture.EmailOf(role));
        var token = await TokenAsync(client);
        var wrong = new List<string>();
        foreach (var (method, path) in AdminRoutes())
        {
            using var response = await SendAsync(client, method, path, token);

            // A record's page (an id in the path) answers 404 to a role that may not see it, any other page 403.
            var expected = path.Split('/').Any(segment => Guid.TryParse(segment, out _)) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
            {
                wrong.Add($"{method} {path} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryAdminRoute_SendsAnonymousVisitorsToTheLoginPage()
    {
        using var client = portal.CreateHtmlClient();
        var wrong = new List<string>();
        foreach (var (method, path) in AdminRoutes())
        {
            using var response = await SendAsync(client, method, path, null);
            var landed = response.RequestMessage!.RequestUri!;
            if (response.StatusCode != HttpStatusCode.OK || landed.AbsolutePath != "/compte/connexion" || !landed.Query.Contains("ReturnUrl=", StringComparison.Ordinal))
            {
                wrong.Add($"{method} {path} → {(int)response.StatusCode} {landed.PathAndQuery}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryAdminRoute_IsReachedByAnAdministrator()
    {
        using var client = await portal.SignInAsync(Fixture.EmailOf(Roles.Admin));
        var token = await TokenAsync(client);
        var wrong = new List<string>();
        foreach (var (method, path) in AdminRoutes())
        {
            using var response = await SendAsync(client, method, path, token);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500)
            {
                wrong.Add($"{method} {path} → {(int)response.StatusCode}");
            }
            else if (method == "GET" && response.StatusCode == HttpStatusCode.OK && (await HtmlClient.ParseAsync(response)).QuerySelectorAll("h1").Length != 1)
            {
                wrong.Add($"{method} {path} has not exactly one h1");
            }
        }

        Assert.Empty(wrong);
    }

    public sealed class Fixture : PortalFactory
    {
        public static string EmailOf(string role) => "authz-" + role.ToLowerInvariant() + "@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(EmailOf(Roles.Porteur), Roles.Porteur);
            await CreateUserAsync(EmailOf(Roles.PoleStaff), Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await CreateUserAsync(EmailOf(Roles.StructureStaff), Roles.StructureStaff, structureCode: "tag29");
            await CreateUserAsync(EmailOf(Roles.Coordinator), Roles.Coordinator);
            await CreateUserAsync(EmailOf(Roles.Admin), Roles.Admin);
        }
    }
}
