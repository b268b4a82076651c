using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Public partners (issue 20): invited by an administrator into a public authority, they read the programme's
/// aggregates — the dashboard and its exports — and nothing else; administrators manage the public authorities.
/// </summary>
public sealed class PublicPartnerTests(PublicPartnerTests.Fixture portal) : IClassFixture<PublicPartnerTests.Fixture>
{
    private const string NewPassword = "mon mot de passe de la Région 2026";
    private const string AuthorityLabel = "Autorité publique (partenaire public)";
    private const string PartnerEmail = "partenaire.region@exemple.test";

    private Task<Guid> AuthorityIdAsync(string code) =>
        portal.WithDbAsync(db => db.PublicAuthorities.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task TheReferenceData_HoldsTheRegionTheStateAndTheFourDepartements()
    {
        var authorities = await portal.WithDbAsync(db => db.PublicAuthorities.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Kind, a.DepartementCode, a.IsActive }).ToListAsync());

        Assert.Equal(["departement-22", "departement-29", "departement-35", "departement-56", "prefecture-region-bretagne", "region-bretagne"], authorities.Select(a => a.Code));
        Assert.Equal(PublicAuthorityKind.Region, authorities.Single(a => a.Code == "region-bretagne").Kind);
        Assert.Equal(PublicAuthorityKind.State, authorities.Single(a => a.Code == "prefecture-region-bretagne").Kind);
        Assert.All(authorities.Where(a => a.Code.StartsWith("departement-", StringComparison.Ordinal)), a => Assert.Equal((PublicAuthorityKind.Departement, a.Code[^2..]), (a.Kind, a.DepartementCode!)));
        Assert.All(authorities, a => Assert.True(a.IsActive));
    }

    [Fact]
    public async Task Invite_APublicPartner_GetsAnEmail_ChoosesAPassword_AndLandsOnTheDashboard()
    {
        var region = await AuthorityIdAsync("region-bretagne");
        using (var admin = await portal.SignInAsync(AdminEmail))
        {
            var invited = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/comptes/inviter"), "/admin/comptes/inviter", new()
            {
                ["Adresse électronique"] = PartnerEmail,
                ["Prénom et nom"] = "Rozenn Partenaire",
                ["Rôle"] = Roles.PublicPartner,
                [AuthorityLabel] = region.ToString(),
            });

            Assert.Contains($"une invitation à choisir un mot de passe a été envoyée à {PartnerEmail}", invited.Flash(), StringComparison.Ordinal);
            Assert.Equal("Partenaire public", invited.QuerySelector("[data-testid=roles]")!.TextContent.Trim());
            Assert.Equal("Région Bretagne", invited.QuerySelector("[data-testid=organisation]")!.TextContent.Trim());
            Assert.Contains("Région Bretagne", invited.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

            // The list names the authority as the account's organisation, and filters by the role.
            var list = await admin.GetDocumentAsync($"/admin/comptes?role={Roles.PublicPartner}&q=partenaire.region");
            var row = Assert.Single(list.QuerySelectorAll("[data-testid=accounts] tbody tr"));
            Assert.Contains("Région Bretagne", row.TextContent, StringComparison.Ordinal);
        }

        var stored = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == PartnerEmail));
        Assert.Equal((null, null, (Guid?)region), (stored.PoleId, stored.StructureId, stored.PublicAuthorityId));
        Assert.Equal("Invitation au portail Trajectoir'ESS", portal.Emails().Last(m => m.To.Mailboxes.Single().Address == PartnerEmail).Subject);

        using var person = portal.CreateHtmlClient();
        var setPassword = await person.GetDocumentAsync(portal.LinkInLastEmailTo(PartnerEmail));
        using var landing = await person.SubmitAsync(setPassword.Form(), new() { ["Nouveau mot de passe"] = NewPassword, ["Confirmation du mot de passe"] = NewPassword });

        Assert.Equal("/coordination", landing.RequestMessage!.RequestUri!.AbsolutePath);
        var home = await HtmlClient.ParseAsync(landing);
        Assert.StartsWith("Indicateurs du programme", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var menu = home.QuerySelector("nav[aria-label='Navigation principale']")!.TextContent;
        Assert.Contains("Indicateurs du programme", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("Administration", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("Coordination régionale", menu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_APublicPartnerWithoutAnAuthority_IsRefusedNextToTheField_AndCreatesNothing()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/comptes/inviter")).Form(), new()
        {
            ["Adresse électronique"] = "sans.autorite@exemple.test",
            ["Prénom et nom"] = "Sans Autorité",
            ["Rôle"] = Roles.PublicPartner,
        });
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choisissez l'autorité publique de ce compte.", page.ErrorFor("Input.PublicAuthorityId"));
        Assert.Equal("Sans Autorité", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "sans.autorite@exemple.test")));
    }

    [Fact]
    public async Task ChangeRole_FromCoordinatorToPublicPartner_KeepsOnlyTheAuthority_AndOpensTheDashboardOnly()
    {
        var user = await portal.CreateUserAsync("devient.partenaire@exemple.test", Roles.Coordinator);
        var finistere = await AuthorityIdAsync("departement-29");
        using var admin = await portal.SignInAsync(AdminEmail);

        var changed = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/comptes/{user.Id}"), "/role", new()
        {
            ["Rôle"] = Roles.PublicPartner,
            [AuthorityLabel] = finistere.ToString(),
        });

        Assert.StartsWith("Le rôle et l'organisation sont enregistrés.", changed.Flash(), StringComparison.Ordinal);
        Assert.Equal("Département du Finistère", changed.QuerySelector("[data-testid=organisation]")!.TextContent.Trim());
        Assert.Contains("Rôle : Coordination régionale → Partenaire public", changed.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        using var partner = await portal.SignInAsync("devient.partenaire@exemple.test");
        using var dashboard = await partner.GetAsync("/coordination");
        using var territory = await partner.GetAsync("/coordination/territoire");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (dashboard.StatusCode, territory.StatusCode));
    }

    [Fact]
    public async Task ThePublicPartner_ReadsTheDashboardAndItsExports_WithNothingToChange_AndNoPersonOrProject()
    {
        await portal.CreateUserAsync("lecteur.region@exemple.test", Roles.PublicPartner, publicAuthorityCode: "region-bretagne");
        var project = await portal.SeedSubmittedProjectAsync("adess-du-pays-de-morlaix", "29151", "Projet confidentiel de Morlaix");
        using var partner = await portal.SignInAsync("lecteur.region@exemple.test");

        var page = await partner.GetDocumentAsync("/coordination?annee=2025");
        Assert.StartsWith("Indicateurs du programme — année 2025", page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("main table"));

        // Read only: the page's forms are filters (GET); no form posts anything.
        Assert.All(page.QuerySelectorAll("main form"), f => Assert.Equal("get", f.GetAttribute("method")));
        Assert.DoesNotContain("Projet confidentiel de Morlaix", page.MainText(), StringComparison.Ordinal);

        using var csv = await partner.GetAsync("/coordination/export.csv?annee=2025&table=indicateurs");
        using var xlsx = await partner.GetAsync("/coordination/export.xlsx?annee=2025");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (csv.StatusCode, csv.Content.Headers.ContentType!.MediaType!));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        // Nothing else: the pôles', structures', porteurs' and administrators' areas are refused, a project is not found.
        foreach (var (path, status) in new[]
        {
            ("/pole", HttpStatusCode.Forbidden),
            ("/pole/indicateurs", HttpStatusCode.Forbidden),
            ("/structure", HttpStatusCode.Forbidden),
            ("/porteur", HttpStatusCode.Forbidden),
            ("/admin", HttpStatusCode.Forbidden),
            ("/admin/autorites", HttpStatusCode.Forbidden),
            ("/coordination/territoire", HttpStatusCode.Forbidden),
            ($"/pole/projets/{project}", HttpStatusCode.NotFound),
            ($"/porteur/projets/{project}", HttpStatusCode.NotFound),
        })
        {
            using var response = await partner.GetAsync(path);
            Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode}, expected {(int)status}");
        }
    }

    [Fact]
    public async Task APublicPartnerWithoutAnAuthority_IsRefusedTheDashboard()
    {
        await portal.CreateUserAsync("sans.organisation@exemple.test", Roles.PublicPartner);
        using var partner = await portal.SignInAsync("sans.organisation@exemple.test");
        using var response = await partner.GetAsync("/coordination");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Region", "", "", "", "Name", "Le nom de l'autorité publique est obligatoire.")]
    [InlineData("Conseil départemental", "Departement", "", "", "", "DepartementCode", "Choisissez le département de ce conseil départemental.")]
    [InlineData("Lorient Agglomération", "", "56", "", "", "Kind", "Choisissez le type d'autorité publique dans la liste.")]
    [InlineData("Lorient Agglomération", "Epci", "56", "pas-une-adresse", "", "Email", "Saisissez une adresse électronique valide, par exemple contact@exemple.fr.")]
    [InlineData("Lorient Agglomération", "Epci", "56", "", "www.lorient-agglo.bzh", "Website", "Saisissez l'adresse complète du site, par exemple https://www.exemple.fr.")]
    [InlineData("Région Bretagne", "Region", "", "", "", "Name", "Une autorité publique s'appelle déjà « Région Bretagne ».")]
    public async Task Create_WithBadInput_ShowsTheMessageBesideTheField_AndSavesNothing(string name, string kind, string departement, string email, string website, string field, string message)
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var before = await portal.WithDbAsync(db => db.PublicAuthorities.CountAsync());

        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/autorites/nouvelle")).Form(), new()
        {
            ["Nom de l'autorité publique"] = name,
            ["Type d'autorité publique"] = kind,
            ["Département"] = departement,
            ["Adresse électronique"] = email,
            ["Site web"] = website,
        });
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.ErrorFor(field));
        Assert.Equal(name, page.QuerySelector("#Name")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await portal.WithDbAsync(db => db.PublicAuthorities.CountAsync()));
    }

    [Fact]
    public async Task Create_ThenEdit_ThenDeactivate_TheAuthorityIsNoLongerOffered_ItsAccountsStay()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var created = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/autorites/nouvelle"), "/admin/autorites/nouvelle", new()
        {
            ["Nom de l'autorité publique"] = "  Lorient Agglomération ",
            ["Type d'autorité publique"] = nameof(PublicAuthorityKind.Epci),
            ["Département"] = "56",
            ["Adresse électronique"] = "ess@lorient-agglo.bzh",
            ["Site web"] = "https://www.lorient-agglo.bzh",
        });

        Assert.StartsWith("L'autorité publique est créée.", created.Flash(), StringComparison.Ordinal);
        Assert.Equal("Lorient Agglomération", created.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Autorité publique créée", created.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        var id = await portal.WithDbAsync(db => db.PublicAuthorities.Where(a => a.Name == "Lorient Agglomération").Select(a => a.Id).SingleAsync());
        await portal.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == portal.LorientPartnerId)).PublicAuthorityId = id;
            return await db.SaveChangesAsync();
        });

        var edited = await admin.SubmitAsync(created, "/admin/autorites/" + id, new() { ["Nom de l'autorité publique"] = "Lorient Agglomération (Morbihan)" });
        Assert.Equal("L'autorité publique est enregistrée.", edited.Flash());
        Assert.Contains("Nom : Lorient Agglomération → Lorient Agglomération (Morbihan)", edited.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

        var deactivated = await admin.SubmitAsync(edited, "/desactiver");
        Assert.StartsWith("L'autorité publique est désactivée", deactivated.Flash(), StringComparison.Ordinal);
        Assert.Equal("Désactivée", deactivated.QuerySelector("[data-testid=authority-status]")!.TextContent.Trim());
        Assert.Equal("1 compte(s) rattaché(s).", deactivated.QuerySelector("[data-testid=authority-accounts]")!.TextContent.Trim());

        // No longer offered for a new account; an invitation forged with it is refused beside the field.
        var invite = await admin.GetDocumentAsync("/admin/comptes/inviter");
        Assert.Null(invite.QuerySelector($"#Input_PublicAuthorityId option[value='{id}']"));
        var token = invite.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", "lorient@exemple.test"), new("Input.DisplayName", "Loïc Lorient"), new("Input.Role", Roles.PublicPartner), new("Input.PublicAuthorityId", id.ToString())]);
        using var forged = await admin.Http.PostAsync("/admin/comptes/inviter", content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Lorient Agglomération (Morbihan) est désactivée : choisissez une autorité publique active.", (await HtmlClient.ParseAsync(forged)).ErrorFor("Input.PublicAuthorityId"));

        // Its partner keeps the dashboard; the list shows it deactivated, and it can be reactivated.
        using var partner = await portal.SignInAsync(Fixture.LorientPartnerEmail);
        using var dashboard = await partner.GetAsync("/coordination");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/autorites?q=lorient");
        Assert.Contains("désactivée", Assert.Single(list.QuerySelectorAll("[data-testid=authorities] tbody tr")).TextContent, StringComparison.Ordinal);
        var reactivated = await admin.SubmitAsync(deactivated, "/reactiver");
        Assert.Equal("L'autorité publique est réactivée.", reactivated.Flash());
        Assert.True(await portal.WithDbAsync(db => db.PublicAuthorities.Where(a => a.Id == id).Select(a => a.IsActive).SingleAsync()));
    }

    [Theory]
    [InlineData("finistere", 1)]
    [InlineData("FINISTÈRE", 1)]
    [InlineData("département", 4)]
    [InlineData("?type=State", 1)]
    [InlineData("?type=Departement&q=morbihan", 1)]
    [InlineData("introuvable", 0)]
    public async Task List_SearchesByNameIgnoringAccentsAndCase_AndFiltersByType(string query, int found)
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/autorites" + (query.StartsWith('?') ? query : "?q=" + Uri.EscapeDataString(query)));
        Assert.Equal(found, page.QuerySelectorAll("[data-testid=authorities] tbody tr").Length);
        Assert.Equal(found == 0, page.QuerySelector("[data-testid=authorities-empty]") is not null);
    }

    [Fact]
    public async Task List_PagesLongLists()
    {
        await portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 27; i++)
            {
                db.PublicAuthorities.Add(new PublicAuthority(Guid.CreateVersion7(), $"commune-test-{i:00}", $"Intercommunalité de test {i:00}", PublicAuthorityKind.Epci, "22"));
            }

            return await db.SaveChangesAsync();
        });
        using var admin = await portal.SignInAsync(AdminEmail);

        var first = await admin.GetDocumentAsync("/admin/autorites?q=de+test");
        var second = await admin.GetDocumentAsync("/admin/autorites?q=de+test&page=2");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=authorities] tbody tr").Length);
        Assert.Equal(2, second.QuerySelectorAll("[data-testid=authorities] tbody tr").Length);
        Assert.Contains("Page 2 sur 2", second.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string LorientPartnerEmail = "partenaire.lorient@exemple.test";

        public Guid LorientPartnerId { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
            LorientPartnerId = (await CreateUserAsync(LorientPartnerEmail, Roles.PublicPartner, publicAuthorityCode: "region-bretagne")).Id;
        }
    }
}
