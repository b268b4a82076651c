using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

public sealed class AdminPolesTests(AdminPolesTests.Fixture portal) : IClassFixture<AdminPolesTests.Fixture>
{
    private const string MorlaixCommunaute = "242900835";
    private const string RennesMetropole = "243500139";

    [Fact]
    public async Task EditPole_IdentityContactAndFlags_AreSaved_AuditedOldToNew_AndShownInTheJournal()
    {
        var id = await portal.PoleIdAsync("rich-ess");
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/poles/{id}");

        var saved = await admin.SubmitAsync(page, $"/admin/poles/{id}", new()
        {
            ["Nom du pôle"] = "Rich'ESS Saint-Brieuc",
            ["Siège (commune)"] = "Plérin",
            ["Adresse postale"] = "3 rue de l'Économie, 22190 Plérin",
            ["Adresse électronique"] = "contact@richess.test",
            ["Téléphone"] = "02 96 00 00 00",
            ["Site web"] = "https://richess.test",
            ["Le nom est vérifié"] = "true",
            ["Le périmètre est vérifié"] = "true",
        });

        Assert.Equal("Les informations du pôle sont enregistrées.", saved.Flash());
        Assert.Equal("Rich'ESS Saint-Brieuc", saved.QuerySelector("h1")!.TextContent.Trim());
        var history = saved.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Nom : Rich'ESS → Rich'ESS Saint-Brieuc", history, StringComparison.Ordinal);
        Assert.Contains("Périmètre vérifié : non → oui", history, StringComparison.Ordinal);
        Assert.Contains("Adresse électronique : — → contact@richess.test", history, StringComparison.Ordinal);
        Assert.Contains("Alix Administration", history, StringComparison.Ordinal);

        var stored = await portal.WithDbAsync(db => db.Poles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Plérin", "02 96 00 00 00", true, true, false), (stored.Seat, stored.Phone, stored.NameVerified, stored.PerimeterVerified, stored.SeatVerified));

        var journal = await admin.GetDocumentAsync("/admin/journal?type=Pole");
        var row = journal.QuerySelectorAll("[data-testid=journal] tbody tr").First(r => r.TextContent.Contains("Rich'ESS Saint-Brieuc", StringComparison.Ordinal));
        Assert.Contains("Pôle modifié", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Siège : Saint-Brieuc → Plérin", row.TextContent, StringComparison.Ordinal);

        // The porteurs see the new contact: the pôle staff area shows the flags.
        using var staff = await portal.SignInAsync(Fixture.RichEssStaff);
        var territory = await staff.GetDocumentAsync("/pole/territoire");
        Assert.Null(territory.QuerySelector("[data-testid=perimeter-provisional]"));
    }

    [Fact]
    public async Task EditPole_WithAnInvalidEmailOrNoName_IsRefusedNextToTheField_AndNothingChanges()
    {
        var id = await portal.PoleIdAsync("adess-pays-de-guingamp");
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/poles/{id}");

        using var response = await admin.SubmitAsync(FormFor(page, $"/admin/poles/{id}"), new() { ["Nom du pôle"] = " ", ["Adresse électronique"] = "pas-une-adresse", ["Siège (commune)"] = "Paimpol" });
        var refused = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Le nom du pôle est obligatoire.", refused.ErrorFor("Input.Name"));
        Assert.StartsWith("Saisissez une adresse électronique valide", refused.ErrorFor("Input.Email"), StringComparison.Ordinal);
        Assert.Equal("Paimpol", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector("#Input_Seat")!).Value);
        var stored = await portal.WithDbAsync(db => db.Poles.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("ADESS Pays de Guingamp", stored.Name);
        Assert.NotEqual("Paimpol", stored.Seat);
    }

    [Fact]
    public async Task EditPole_SavedMeanwhileByAnotherAdministrator_ShowsBothVersions_AndKeepsWhatWasTyped()
    {
        var id = await portal.PoleIdAsync("essentiel");
        using var first = await portal.SignInAsync(AdminEmail);
        using var second = await portal.SignInAsync(Fixture.SecondAdmin);
        var firstPage = await first.GetDocumentAsync($"/admin/poles/{id}");
        var secondPage = await second.GetDocumentAsync($"/admin/poles/{id}");

        await first.SubmitAsync(firstPage, $"/admin/poles/{id}", new() { ["Téléphone"] = "02 97 11 11 11" });
        using var conflict = await second.SubmitAsync(FormFor(secondPage, $"/admin/poles/{id}"), new() { ["Téléphone"] = "02 97 22 22 22" });
        var page = await HtmlClient.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var box = page.QuerySelector("[data-testid=conflict]")!.TextContent;
        Assert.Contains("02 97 11 11 11", box, StringComparison.Ordinal);
        Assert.Contains("02 97 22 22 22", box, StringComparison.Ordinal);
        Assert.Equal("02 97 22 22 22", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Phone")!).Value);
        Assert.Equal("02 97 11 11 11", await portal.WithDbAsync(db => db.Poles.Where(p => p.Id == id).Select(p => p.Phone).SingleAsync()));

        // Saving again after reading the other version goes through.
        var saved = await second.SubmitAsync(page, $"/admin/poles/{id}");
        Assert.Equal("Les informations du pôle sont enregistrées.", saved.Flash());
    }

    [Fact]
    public async Task Perimeter_TakingAnEpciFromAnotherPole_RoutesNewSubmissions_WhileEarlierProjectsKeepTheirPole()
    {
        var earlier = await portal.SeedSubmittedProjectAsync("adess-du-pays-de-morlaix", "29151", "Projet déposé avant le changement");
        var brest = await portal.PoleIdAsync("adess-pays-de-brest");
        var morlaix = await portal.PoleIdAsync("adess-du-pays-de-morlaix");
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/poles/{brest}/perimetre");
        Assert.Contains("actuellement : ADESS du Pays de Morlaix", page.QuerySelector($"#epci-{MorlaixCommunaute}-etat")!.TextContent, StringComparison.Ordinal);

        using var response = await admin.SubmitAsync(FormFor(page, "/perimetre").Tick($"epci-{MorlaixCommunaute}", true), []);
        var saved = await HtmlClient.ParseAsync(response);

        Assert.StartsWith("Le périmètre est enregistré (1 ajout(s), 0 retrait(s))", saved.Flash(), StringComparison.Ordinal);
        Assert.Contains("dans ce périmètre", saved.QuerySelector($"#epci-{MorlaixCommunaute}-etat")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("CA Morlaix Communauté (venant de : ADESS du Pays de Morlaix)", saved.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(brest, await portal.WithDbAsync(db => db.Epcis.Where(e => e.Siren == MorlaixCommunaute).Select(e => e.PoleId).SingleAsync()));
        Assert.Equal(morlaix, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == earlier).Select(p => p.PoleId).SingleAsync()));

        using var api = portal.CreateClient();
        var morlaixCommune = (await api.GetFromJsonAsync<JsonElement[]>("/api/communes?q=morlaix"))!.Single(c => c.GetProperty("code").GetString() == "29151");
        Assert.Equal("ADESS Pays de Brest", morlaixCommune.GetProperty("pole").GetProperty("nom").GetString());

        var losing = await admin.GetDocumentAsync($"/admin/poles/{morlaix}");
        Assert.Contains("Intercommunalités cédées à ADESS Pays de Brest", losing.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perimeter_UncheckingAnEpciNobodyTakes_IsRefusedWithTheCommunesConcerned_AndNothingChanges()
    {
        var reso = await portal.PoleIdAsync("reso-solidaire");
        var before = await portal.WithDbAsync(db => db.Epcis.AsNoTracking().OrderBy(e => e.Siren).Select(e => new { e.Siren, e.PoleId }).ToListAsync());
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/poles/{reso}/perimetre");

        using var response = await admin.SubmitAsync(FormFor(page, "/perimetre").Tick($"epci-{RennesMetropole}", false), []);
        var refused = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ce changement de périmètre est refusé, rien n'a été modifié : 43 commune(s) resteraient sans pôle", refused.ErrorSummary(), StringComparison.Ordinal);
        var problems = refused.QuerySelectorAll("[data-testid=perimeter-problems] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(43, problems.Count);
        Assert.Contains("Rennes (35238) : resterait sans pôle", problems);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector($"#epci-{RennesMetropole}")!).IsChecked);
        var after = await portal.WithDbAsync(db => db.Epcis.AsNoTracking().OrderBy(e => e.Siren).Select(e => new { e.Siren, e.PoleId }).ToListAsync());
        Assert.Equal(before, after);
        Assert.False(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == reso && a.Action == "Périmètre modifié")));
    }

    [Fact]
    public async Task AddAPole_MergeAnotherIntoIt_ThenDeactivateTheEmptiedOne()
    {
        var portes = await portal.PoleIdAsync("portes-de-bretagne-solidaires");
        var project = await portal.SeedSubmittedProjectAsync("portes-de-bretagne-solidaires", "35360", "Projet de Vitré");
        using var admin = await portal.SignInAsync(AdminEmail);

        // A pôle with territory cannot be deactivated.
        using (var refused = await admin.SubmitAsync(FormFor(await admin.GetDocumentAsync($"/admin/poles/{portes}"), "/desactiver"), []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Ce pôle couvre encore 2 territoire(s)", (await HtmlClient.ParseAsync(refused)).ErrorSummary(), StringComparison.Ordinal);
        }

        var created = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/poles/nouveau"), "/admin/poles/nouveau", new()
        {
            ["Nom du pôle"] = "Pôle ESS Est Bretagne",
            ["Département"] = "35",
            ["Siège (commune)"] = "Vitré",
        });
        Assert.StartsWith("Le pôle est créé. Son périmètre est vide", created.Flash(), StringComparison.Ordinal);
        Assert.Contains("0 intercommunalité(s)", created.QuerySelector("[data-testid=perimeter-summary]")!.TextContent, StringComparison.Ordinal);

        var form = FormFor(created, "/perimetre");
        foreach (var siren in await portal.WithDbAsync(db => db.Epcis.Where(e => e.PoleId == portes).Select(e => e.Siren).ToListAsync()))
        {
            form.Tick($"epci-{siren}", true);
        }

        var merged = await HtmlClient.ParseAsync(await admin.SubmitAsync(form, []));
        Assert.StartsWith("Le périmètre est enregistré (2 ajout(s)", merged.Flash(), StringComparison.Ordinal);

        var deactivated = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/poles/{portes}"), "/desactiver");
        Assert.StartsWith("Le pôle est désactivé", deactivated.Flash(), StringComparison.Ordinal);
        Assert.Equal("Désactivé", deactivated.QuerySelector("[data-testid=pole-status]")!.TextContent.Trim());

        // Its staff keep their projects; other pôles no longer offer it for transfers; Vitré goes to the new pôle.
        using var staff = await portal.SignInAsync(Fixture.PortesStaff);
        using (var file = await staff.GetAsync($"/pole/projets/{project}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        var other = await portal.SeedSubmittedProjectAsync("reso-solidaire", "35238", "Projet rennais");
        using var rennes = await portal.SignInAsync(Fixture.RennesStaff);
        var rennesFile = await rennes.GetDocumentAsync($"/pole/projets/{other}/transferer");
        var options = rennesFile.QuerySelectorAll("#toPoleId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Pôle ESS Est Bretagne", options);
        Assert.DoesNotContain("Portes de Bretagne Solidaires", options);
        using (var forged = await rennes.SubmitAsync(FormFor(rennesFile, "/transferer"), new() { ["toPoleId"] = portes.ToString(), ["Motif"] = "Vers le pôle fusionné" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(await portal.PoleIdAsync("reso-solidaire"), await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == other).Select(p => p.PoleId).SingleAsync()));

        using var api = portal.CreateClient();
        var vitre = (await api.GetFromJsonAsync<JsonElement[]>("/api/communes?q=vitre"))!.First(c => c.GetProperty("code").GetString() == "35360");
        Assert.Equal("Pôle ESS Est Bretagne", vitre.GetProperty("pole").GetProperty("nom").GetString());
        var list = await admin.GetDocumentAsync("/admin/poles");
        Assert.Contains("désactivé", list.QuerySelectorAll("[data-testid=poles] tr").Single(r => r.TextContent.Contains("Portes de Bretagne Solidaires", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string SecondAdmin = "admin-2@exemple.test";
        public const string RichEssStaff = "staff-richess@exemple.test";
        public const string PortesStaff = "staff-portes@exemple.test";
        public const string RennesStaff = "staff-reso@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var admin = await CreateUserAsync(AdminEmail, Roles.Admin);
            await WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == admin.Id)).DisplayName = "Alix Administration"; return await db.SaveChangesAsync(); });
            await CreateUserAsync(SecondAdmin, Roles.Admin);
            await CreateUserAsync(RichEssStaff, Roles.PoleStaff, poleCode: "rich-ess");
            await CreateUserAsync(PortesStaff, Roles.PoleStaff, poleCode: "portes-de-bretagne-solidaires");
            await CreateUserAsync(RennesStaff, Roles.PoleStaff, poleCode: "reso-solidaire");
        }
    }
}
