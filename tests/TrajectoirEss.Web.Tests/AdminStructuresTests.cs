using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

public sealed class AdminStructuresTests(AdminStructuresTests.Fixture portal) : IClassFixture<AdminStructuresTests.Fixture>
{
    private async Task<(HtmlClient Admin, IHtmlDocument Structure, Guid Id)> NewCaeAsync(string name)
    {
        var admin = await portal.SignInAsync(AdminEmail);
        var created = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/structures/nouvelle"), "/admin/structures/nouvelle", new()
        {
            ["Type de structure"] = nameof(StructureKind.Cae),
            ["Nom de la structure"] = name,
            ["Département couvert"] = "29",
            ["Ville"] = "Quimper",
            ["Site web"] = "https://cae.test",
            ["Adresse électronique"] = "contact@cae.test",
        });
        var id = Guid.Parse(created.QuerySelector("form[data-testid=structure-form]")!.GetAttribute("action")!.Split('/').Last());
        return (admin, created, id);
    }

    [Fact]
    public async Task CreateACae_ThenAProgrammeWithBounds_IsStoredAndAudited()
    {
        var (admin, structure, id) = await NewCaeAsync("Coop des Monts");
        using var _ = admin;
        Assert.Equal("La structure est créée. Ajoutez-lui ses programmes.", structure.Flash());
        Assert.Contains("Structure créée", structure.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

        var form = await admin.GetDocumentAsync($"/admin/structures/{id}/programmes/nouveau");
        Assert.Equal(["CaeHosting"], form.QuerySelectorAll("#Input_Type option").Select(o => o.GetAttribute("value")));
        var created = await admin.SubmitAsync(form, "/programmes/nouveau", new()
        {
            ["Nom du programme"] = "Entrepreneur-salarié (CAPE) — Coop des Monts",
            ["Service rendu"] = nameof(SupportCategory.Accompagnement),
            ["Stade de maturité visé"] = nameof(ProjectStage.Creation),
            ["Format"] = "Contrat CAPE, rendez-vous individuels",
            ["Durée (en mois)"] = "18",
            ["Coût pour le porteur"] = "10 % du chiffre d'affaires",
        });

        Assert.Equal("Le programme est créé.", created.Flash());
        var programme = await portal.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.StructureId == id));
        Assert.Equal((ProgrammeType.CaeHosting, ProjectStage.Creation, 18, "10 % du chiffre d'affaires"), (programme.Type, programme.TargetStage, programme.DurationMonths, programme.CostForPorteur));

        // A financing programme of France Active Bretagne with its bounds, in euros with cents.
        var fab = await portal.WithDbAsync(db => db.Structures.Where(s => s.Code == "france-active-bretagne").Select(s => s.Id).SingleAsync());
        var financing = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/structures/{fab}/programmes/nouveau"), "/programmes/nouveau", new()
        {
            ["Nom du programme"] = "Prêt d'honneur solidaire",
            ["Type de programme"] = nameof(ProgrammeType.CapCreationEss),
            ["Service rendu"] = nameof(SupportCategory.Financement),
            ["Montant minimum (€)"] = "2 000",
            ["Montant maximum (€)"] = "20000,50",
        });
        Assert.Equal("Le programme est créé.", financing.Flash());
        Assert.Contains("Montant maximum : — → 20000,50 €", financing.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        var bounds = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Prêt d'honneur solidaire").Select(p => new { p.MinAmount, p.MaxAmount }).SingleAsync());
        Assert.Equal((2000m, 20000.50m), (bounds.MinAmount, bounds.MaxAmount));
    }

    [Theory]
    [InlineData("20000", "2000", "Input.MaxAmount", "Le montant maximum doit être supérieur ou égal au montant minimum.")]
    [InlineData("-5", "", "Input.MinAmount", "Le montant minimum ne peut pas être négatif.")]
    [InlineData("", "-1", "Input.MaxAmount", "Le montant maximum ne peut pas être négatif.")]
    [InlineData("deux mille", "", "Input.MinAmount", "Saisissez un montant en euros, par exemple 2000 ou 1500,50.")]
    public async Task ProgrammeWithInvalidBounds_IsRefusedNextToTheField_AndNothingIsWritten(string min, string max, string field, string message)
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var fab = await portal.WithDbAsync(db => db.Structures.Where(s => s.Code == "france-active-bretagne").Select(s => s.Id).SingleAsync());
        var before = await portal.WithDbAsync(db => db.Programmes.CountAsync());
        var form = await admin.GetDocumentAsync($"/admin/structures/{fab}/programmes/nouveau");

        using var response = await admin.SubmitAsync(FormFor(form, "/programmes/nouveau"), new()
        {
            ["Nom du programme"] = "Programme aux bornes fausses",
            ["Type de programme"] = nameof(ProgrammeType.FondsDeConfiance),
            ["Service rendu"] = nameof(SupportCategory.Financement),
            ["Montant minimum (€)"] = min,
            ["Montant maximum (€)"] = max,
        });
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.ErrorFor(field));
        Assert.Contains(message, page.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Programme aux bornes fausses", ((IHtmlInputElement)page.QuerySelector("#Input_Name")!).Value);
        Assert.Equal(min, ((IHtmlInputElement)page.QuerySelector("#Input_MinAmount")!).Value);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task EditProgramme_WithAmountsOnAnAccompaniment_IsRefused_ThenFixed()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var creopss = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "kejal-creopss").Select(p => p.Id).SingleAsync());
        var page = await admin.GetDocumentAsync($"/admin/programmes/{creopss}");

        using var refused = await admin.SubmitAsync(FormFor(page, $"/admin/programmes/{creopss}"), new() { ["Montant minimum (€)"] = "100" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Les montants ne concernent que les programmes de financement.", (await HtmlClient.ParseAsync(refused)).ErrorFor("Input.MinAmount"));

        var saved = await admin.SubmitAsync(page, $"/admin/programmes/{creopss}", new() { ["Durée (en mois)"] = "10", ["Format"] = "Formation longue certifiante", ["Coût pour le porteur"] = "pris en charge" });
        Assert.Equal("Le programme est enregistré.", saved.Flash());
        Assert.Contains("Durée (mois) : — → 10", saved.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

        using var tooLong = await admin.SubmitAsync(FormFor(saved, $"/admin/programmes/{creopss}"), new() { ["Durée (en mois)"] = "61" });
        Assert.Equal("La durée se compte en mois, de 1 à 60.", (await HtmlClient.ParseAsync(tooLong)).ErrorFor("Input.DurationMonths"));
        Assert.Equal(10, await portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == creopss).Select(p => p.DurationMonths).SingleAsync()));
    }

    [Fact]
    public async Task DeactivateAProgramme_KeepsIt_AndShowsItDeactivated()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var id = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "tag22-revelateur").Select(p => p.Id).SingleAsync());

        var deactivated = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/programmes/{id}"), "/desactiver");

        Assert.StartsWith("Le programme est désactivé", deactivated.Flash(), StringComparison.Ordinal);
        Assert.Equal("Désactivé", deactivated.QuerySelector("[data-testid=programme-status]")!.TextContent.Trim());
        Assert.False(await portal.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync()));
        using var staff = await portal.SignInAsync(Fixture.Tag22Staff);
        Assert.Contains("Révélateur TAg22 — Accompagnement (désactivé)", (await staff.GetDocumentAsync("/structure/programmes")).MainText(), StringComparison.Ordinal);

        var reactivated = await admin.SubmitAsync(deactivated, "/reactiver");
        Assert.Equal("Le programme est réactivé.", reactivated.Flash());
    }

    [Fact]
    public async Task EditStructure_AndDeactivateIt_ThenItTakesNoNewProgramme()
    {
        var (admin, structure, id) = await NewCaeAsync("Coop éphémère");
        using var _ = admin;
        var saved = await admin.SubmitAsync(structure, $"/admin/structures/{id}", new() { ["Ville"] = "Brest", ["Département couvert"] = "" });
        Assert.Equal("La structure est enregistrée.", saved.Flash());
        Assert.Contains("Ville : Quimper → Brest", saved.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Structures.Where(s => s.Id == id).Select(s => s.DepartementCode).SingleAsync()));

        var deactivated = await admin.SubmitAsync(saved, "/desactiver");
        Assert.Equal("Désactivée", deactivated.QuerySelector("[data-testid=structure-status]")!.TextContent.Trim());
        Assert.Null(deactivated.QuerySelector($"a[href='/admin/structures/{id}/programmes/nouveau']"));

        using var forged = await admin.SubmitAsync((await admin.GetDocumentAsync($"/admin/structures/{id}/programmes/nouveau")).Form(), new() { ["Nom du programme"] = "Trop tard", ["Service rendu"] = "Accompagnement" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("est désactivée", (await HtmlClient.ParseAsync(forged)).ErrorSummary(), StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string Tag22Staff = "staff-tag22@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
            await CreateUserAsync(Tag22Staff, Roles.StructureStaff, structureCode: "tag22");
        }
    }
}
