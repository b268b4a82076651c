using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

public sealed class AdminListsTests(AdminListsTests.Fixture portal) : IClassFixture<AdminListsTests.Fixture>
{
    private static IElement Row(IHtmlDocument page, string code) =>
        page.QuerySelector($"[data-testid=list-items] tr[data-code='{code}']") ?? throw new InvalidOperationException($"No row for {code}");

    private static IHtmlFormElement RowForm(IHtmlDocument page, string code, string suffix) =>
        (IHtmlFormElement)Row(page, code).QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.EndsWith(suffix, StringComparison.Ordinal));

    private static List<string> Codes(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=list-items] tbody tr").Select(r => r.GetAttribute("data-code")!).ToList();

    [Fact]
    public async Task Sectors_AddRenameReorderDeactivate_AreAudited_AndTheIdeaFormFollows()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/listes/Sector");

        var added = await admin.SubmitAsync(page, "/ajouter", new() { ["Nouvelle valeur"] = "Économie de la mer" });
        Assert.Equal("« Économie de la mer » est ajouté à la liste.", added.Flash());
        Assert.Equal("economie-de-la-mer", Codes(added).Last());

        var id = Row(added, "economie-de-la-mer").QuerySelector("form")!.GetAttribute("action")!.Split('/').Last();
        using (var renamed = await admin.SubmitAsync(RowForm(added, "economie-de-la-mer", $"/valeurs/{id}"), new() { ["label"] = "Économie maritime" }))
        {
            var renamedPage = await HtmlClient.ParseAsync(renamed);
            Assert.Equal("La valeur est enregistrée.", renamedPage.Flash());
            Assert.Equal("Économie maritime", ((IHtmlInputElement)Row(renamedPage, "economie-de-la-mer").QuerySelector("input[name=label]")!).Value);
        }

        var afterUp = await HtmlClient.ParseAsync(await admin.SubmitAsync(RowForm(await admin.GetDocumentAsync("/admin/listes/Sector"), "economie-de-la-mer", "/monter"), []));
        var codes = Codes(afterUp);
        Assert.Equal("economie-de-la-mer", codes[^2]);
        Assert.Equal("autre", codes[^1]);

        var deactivated = await HtmlClient.ParseAsync(await admin.SubmitAsync(RowForm(afterUp, "culture", "/desactiver"), []));
        Assert.StartsWith("La valeur est désactivée", deactivated.Flash(), StringComparison.Ordinal);
        Assert.Contains("désactivée", Row(deactivated, "culture").TextContent, StringComparison.Ordinal);

        var history = deactivated.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Valeur modifiée : « Économie maritime »", history, StringComparison.Ordinal);
        Assert.Contains("Libellé : Économie de la mer → Économie maritime", history, StringComparison.Ordinal);
        Assert.Contains("Valeur montée : « Économie maritime »", history, StringComparison.Ordinal);
        Assert.Contains("Valeur désactivée : « Culture »", history, StringComparison.Ordinal);

        using var porteur = await portal.SignInAsync(Fixture.Porteur);
        var idea = await porteur.GetDocumentAsync("/porteur/projets/nouveau");
        var sectors = idea.QuerySelectorAll("#SectorCode option").Select(o => o.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Culture", sectors);
        Assert.Contains("Économie maritime", sectors);
        Assert.True(sectors.IndexOf("Économie maritime") < sectors.IndexOf("Autre secteur"));

        var reactivated = await HtmlClient.ParseAsync(await admin.SubmitAsync(RowForm(deactivated, "culture", "/reactiver"), []));
        Assert.Equal("La valeur est réactivée.", reactivated.Flash());
    }

    [Fact]
    public async Task EditingTheOrderNumber_MovesTheValue()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/listes/ClosingReason");
        var id = Row(page, "sans-nouvelles").QuerySelector("form")!.GetAttribute("action")!.Split('/').Last();

        var moved = await admin.SubmitAsync(page, $"/valeurs/{id}", new() { ["sortOrder"] = "1" });

        Assert.Equal("sans-nouvelles", Codes(moved)[0]);
        using var invalid = await admin.SubmitAsync(FormFor(moved, $"/valeurs/{id}"), new() { ["sortOrder"] = "-3" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("L'ordre est un nombre entier de 0 à 100000.", (await HtmlClient.ParseAsync(invalid)).ErrorFor($"sortOrder-{id}"));
    }

    [Fact]
    public async Task AddingALabelAlreadyInTheList_OrDeactivatingTheValueTheRulesNeed_IsRefused()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/listes/LegalForm");

        using var duplicate = await admin.SubmitAsync(FormFor(page, "/ajouter"), new() { ["Nouvelle valeur"] = "association LOI 1901" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("La liste contient déjà « association LOI 1901 ».", (await HtmlClient.ParseAsync(duplicate)).ErrorFor("label"));

        Assert.Null(Row(page, ListItem.UndecidedLegalForm).QuerySelector("form[action$='/desactiver']"));
        var id = await portal.WithDbAsync(db => db.ListItems.Where(i => i.Kind == ListKind.LegalForm && i.Code == ListItem.UndecidedLegalForm).Select(i => i.Id).SingleAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var forged = await admin.Http.PostAsync($"/admin/listes/valeurs/{id}/desactiver", content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.ListItems.Where(i => i.Id == id).Select(i => i.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task UnknownList_AnswersNotFound()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        using var response = await admin.GetAsync("/admin/listes/PasUneListe");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string Porteur = "porteur-listes@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
            await CreateUserAsync(Porteur, Roles.Porteur);
        }
    }
}
