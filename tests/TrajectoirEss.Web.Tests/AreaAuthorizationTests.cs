using System.Net;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>Each area's home page against every kind of user. Record-level checks come with the features.</summary>
public sealed class AreaAuthorizationTests(AreaAuthorizationTests.Fixture portal) : IClassFixture<AreaAuthorizationTests.Fixture>
{
    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var areas = new[] { "/porteur", "/pole", "/structure", "/coordination", "/admin" };
        var allowed = new Dictionary<string, string[]>
        {
            [Roles.Porteur] = ["/porteur"],
            [Roles.PoleStaff] = ["/pole"],
            [Roles.StructureStaff] = ["/structure"],
            [Roles.Coordinator] = ["/coordination"],
            [Roles.Admin] = ["/coordination", "/admin"],
        };
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (role, paths) in allowed)
        {
            foreach (var area in areas)
            {
                data.Add(role, area, paths.Contains(area) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AreaHome_AnswersByRole(string role, string path, HttpStatusCode expected)
    {
        using var client = await portal.SignInAsync(Fixture.EmailOf(role));
        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var page = await HtmlClient.ParseAsync(response);
            Assert.Equal("Accès refusé", page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/porteur")]
    [InlineData("/pole")]
    [InlineData("/structure")]
    [InlineData("/coordination")]
    [InlineData("/admin")]
    public async Task AreaHome_Anonymous_IsSentToTheLoginPage(string path)
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/compte/connexion", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoleHome_ShowsOnlyTheStaffMembersOwnPole()
    {
        using var client = await portal.SignInAsync(Fixture.EmailOf(Roles.PoleStaff));
        var page = await client.GetDocumentAsync("/pole/territoire");

        Assert.Equal("ADESS du Pays de Morlaix", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=perimeter-provisional]"));
        Assert.DoesNotContain("Brest Métropole", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWithoutAnOrganisation_IsRefusedTheirArea()
    {
        await portal.CreateUserAsync("sans-pole@exemple.test", Roles.PoleStaff);
        using var client = await portal.SignInAsync("sans-pole@exemple.test");
        using var response = await client.GetAsync("/pole");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public sealed class Fixture : PortalFactory
    {
        public static string EmailOf(string role) => role.ToLowerInvariant() + "@exemple.test";

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
