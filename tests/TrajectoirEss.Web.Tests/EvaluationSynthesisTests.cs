using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The public synthesis of the evaluation (issue 21): written and published by the coordination, read by anyone, withdrawn to correct it.</summary>
public sealed class EvaluationSynthesisTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly string LastYear = (DateTimeOffset.UtcNow.Year - 1).ToString(CultureInfo.InvariantCulture);
    private static readonly string TwoYearsAgo = (DateTimeOffset.UtcNow.Year - 2).ToString(CultureInfo.InvariantCulture);

    private string SynthesisPath => $"/coordination/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/synthese";

    [Fact]
    public async Task Publish_IsRefusedWithoutAnOpeningText_ThenPublished_ShownToThePublic_ThenWithdrawn()
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        using var anonymous = portal.CreateHtmlClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/evaluation/" + TwoYearsAgo)).StatusCode);

        // Without an opening text: the domain's message beside the field, nothing saved.
        var page = await coordinator.GetDocumentAsync(SynthesisPath);
        Assert.Contains("Les projets passent plus souvent d'un acteur à l'autre.", page.QuerySelector("[data-testid=synthesis-main-findings]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=synthesis-preview]"));
        using (var refused = await coordinator.SubmitAsync(PageForms.FormFor(page, "/synthese"), new() { ["Decision"] = "publier", ["KeyIndicatorIds"] = KeyId(page, "Projets accueillis") }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var again = await HtmlClient.ParseAsync(refused);
            Assert.Equal("Écrivez le texte d'ouverture de la synthèse avant de la publier.", again.ErrorFor("Summary"));
        }

        var draft = await ReadingAsync();
        Assert.Equal(ReadingStatus.Draft, draft.Status);
        Assert.Null(draft.Summary);
        Assert.Empty(draft.KeyIndicatorIds);

        // With a text and a key indicator: published, on the public pages.
        page = await coordinator.GetDocumentAsync(SynthesisPath);
        using (var published = await coordinator.SubmitAsync(PageForms.FormFor(page, "/synthese"), new()
        {
            ["Texte d'ouverture de la synthèse"] = "Les acteurs ont lu ensemble l'année : la coopération progresse.",
            ["KeyIndicatorIds"] = KeyId(page, "Projets accueillis"),
            ["Decision"] = "publier",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Contains("La synthèse est publiée", (await coordinator.GetDocumentAsync(SynthesisPath)).Flash(), StringComparison.Ordinal);
        var year = await anonymous.GetDocumentAsync("/evaluation/" + TwoYearsAgo);
        Assert.Contains("la coopération progresse", year.QuerySelector("[data-testid=synthesis-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Les projets passent plus souvent d'un acteur à l'autre.", year.MainText(), StringComparison.Ordinal);
        Assert.Contains("TAg29", year.QuerySelector("[data-testid=finding-interpretations]")!.TextContent, StringComparison.Ordinal);
        var key = Assert.Single(year.QuerySelectorAll("[data-testid=key-indicators] tbody tr"));
        Assert.Contains("Projets accueillis", key.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(year.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        var list = await anonymous.GetDocumentAsync("/evaluation");
        Assert.Equal([LastYear, TwoYearsAgo], list.QuerySelectorAll("[data-testid=synthesis]").Select(s => s.GetAttribute("data-year")));

        // Withdrawn: the public page is gone, the reading back in preparation.
        page = await coordinator.GetDocumentAsync(SynthesisPath);
        Assert.Contains("Synthèse publiée", page.QuerySelector("[data-testid=synthesis-status]")!.TextContent, StringComparison.Ordinal);
        using (var withdrawn = await coordinator.SubmitAsync(PageForms.FormFor(page, "/synthese"), new() { ["Decision"] = "retirer" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/evaluation/" + TwoYearsAgo)).StatusCode);
        Assert.Equal(ReadingStatus.Draft, (await ReadingAsync()).Status);
        Assert.Equal("Les acteurs ont lu ensemble l'année : la coopération progresse.", (await ReadingAsync()).Summary);
    }

    [Fact]
    public async Task BadInput_ShowsAFrenchMessageBesideTheField_SavesNothing_AndNeverFails()
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var path = $"/coordination/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/synthese";
        var before = await ReadingAsync();

        async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(Dictionary<string, string> values)
        {
            var page = await coordinator.GetDocumentAsync(path);
            using var response = await coordinator.SubmitAsync(PageForms.FormFor(page, "/synthese"), values);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await HtmlClient.ParseAsync(response);
        }

        var tooLong = await RefusedAsync(new() { ["Texte d'ouverture de la synthèse"] = new string('a', EvaluationReading.SummaryMaxLength + 1) });
        Assert.Contains("4000", tooLong.ErrorFor("Summary"), StringComparison.Ordinal);
        Assert.Equal(new string('a', EvaluationReading.SummaryMaxLength + 1), tooLong.QuerySelector("#Summary")!.TextContent);

        // An indicator that is not the frame's (a forged id), nine indicators, an id that is not one: posted as a forged form would.
        async Task<AngleSharp.Html.Dom.IHtmlDocument> ForgedAsync(IEnumerable<string> keys)
        {
            var form = PageForms.FormFor(await coordinator.GetDocumentAsync(path), "/synthese");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Version", version), .. keys.Select(k => new KeyValuePair<string, string>("KeyIndicatorIds", k))]);
            using var response = await coordinator.Http.PostAsync(path, content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await HtmlClient.ParseAsync(response);
        }

        Assert.Equal("Les indicateurs clés sont des indicateurs chiffrés du référentiel de la campagne.", (await ForgedAsync([Guid.CreateVersion7().ToString()])).ErrorFor("KeyIndicatorIds"));
        Assert.Equal("Choisissez au plus 8 indicateurs clés.", (await ForgedAsync(Enumerable.Range(0, 9).Select(_ => Guid.CreateVersion7().ToString()))).ErrorFor("KeyIndicatorIds"));
        Assert.Contains("n'est pas reconnu", (await ForgedAsync(["pas-un-id"])).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);

        // Someone else saved first: the conflict is told, what was typed kept.
        var stalePage = await coordinator.GetDocumentAsync(path);
        using (var stale = await coordinator.SubmitAsync(PageForms.FormFor(stalePage, "/synthese"), new() { ["Version"] = "1", ["Texte d'ouverture de la synthèse"] = "Texte périmé" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var again = await HtmlClient.ParseAsync(stale);
            Assert.NotNull(again.QuerySelector("[data-testid=conflict]"));
            Assert.Equal("Texte périmé", again.QuerySelector("#Summary")!.TextContent);
        }

        var after = await ReadingAsync();
        Assert.Equal(before.Summary, after.Summary);
        Assert.Equal(before.KeyIndicatorIds, after.KeyIndicatorIds);
        Assert.Equal(before.Version, after.Version);

        // No reading, or no campaign: a sentence, or a 404.
        var open = await coordinator.GetDocumentAsync($"/coordination/evaluation/campagnes/{portal.OpenCampaignId}/synthese");
        Assert.NotNull(open.QuerySelector("[data-testid=synthesis-no-reading]"));
        Assert.Empty(open.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/coordination/evaluation/campagnes/{Guid.CreateVersion7()}/synthese")).StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("%20")]
    [InlineData("%202025")]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("-1")]
    [InlineData("1999")]
    [InlineData("2025.0")]
    public async Task PublicYear_NotAYearOrNotPublished_IsNotFound(string year)
    {
        using var anonymous = portal.CreateHtmlClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/evaluation/" + year)).StatusCode);
    }

    [Fact]
    public async Task PublicPages_ShowThePublishedSynthesis_TheFrameValues_AndNoPerson()
    {
        using var anonymous = portal.CreateHtmlClient();
        var list = await anonymous.GetDocumentAsync("/evaluation");
        Assert.NotNull(list.QuerySelector("[data-testid=evaluation-method]"));
        Assert.Contains("Coopération entre acteurs", list.QuerySelector("[data-testid=evaluation-values]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("[data-testid=synthesis]"), s => s.GetAttribute("data-year") == LastYear);

        var year = await anonymous.GetDocumentAsync("/evaluation/" + LastYear);
        Assert.Contains("Les porteurs ruraux restent moins accueillis.", year.MainText(), StringComparison.Ordinal);
        Assert.Contains("Région Bretagne", year.QuerySelector("[data-testid=finding-interpretations]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, year.QuerySelectorAll("[data-testid=key-indicators] tbody tr").Length);
        Assert.Equal(2, year.QuerySelectorAll("[data-testid=synthesis-questions] li").Length);
        var people = await portal.WithDbAsync(db => db.Users.AsNoTracking().Select(u => u.DisplayName).ToListAsync());
        foreach (var person in people.Where(p => p.Length > 3))
        {
            Assert.DoesNotContain(person, year.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(person, list.Body!.TextContent, StringComparison.Ordinal);
        }

        var home = await anonymous.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("main a[href='/evaluation']"));
        Assert.NotNull(home.QuerySelector("footer a[href='/evaluation']"));
        var robots = await (await anonymous.GetAsync("/robots.txt")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Disallow: /evaluation", robots, StringComparison.Ordinal);
    }

    /// <summary>The value (the indicator's id) of the key-indicator box labelled <paramref name="title"/>.</summary>
    private static string KeyId(AngleSharp.Html.Dom.IHtmlDocument page, string title)
    {
        var label = page.QuerySelectorAll("label.form-check-label").Single(l => l.TextContent.Trim() == title);
        return page.QuerySelector("#" + label.GetAttribute("for"))!.GetAttribute("value")!;
    }

    private Task<EvaluationReading> ReadingAsync() =>
        portal.WithDbAsync(db => db.EvaluationReadings.AsNoTracking().SingleAsync(r => r.Id == portal.DraftReadingId));
}
