using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Evaluation.Campaigns;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// A yearly campaign of the evaluation (issue 21) through the real forms: the coordination opens it, the organisations
/// asked declare and submit, the coordination returns and validates, reminds the late ones once a day, and freezes it.
/// </summary>
public sealed class EvaluationCampaignWorkflowTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Campaigns = "/coordination/evaluation/campagnes";
    private const string Declarations = "/plateforme/evaluation/declarations";

    private Task<HtmlClient> SignInAsync(Actor actor) => portal.SignInAsync(SeededPortal.ActorEmails[actor]);

    private int EmailsTo(Actor actor, string subjectPart) =>
        portal.Emails().Count(m => m.To.Mailboxes.Any(b => b.Address == SeededPortal.ActorEmails[actor]) && (m.Subject ?? string.Empty).Contains(subjectPart, StringComparison.Ordinal));

    private Task<Campaign> CampaignAsync(Guid id) => portal.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")?.TextContent ?? string.Empty;

    [Fact]
    public async Task TheWholeCycle_OpenDeclareReturnCorrectValidateRemindFreeze()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        using var pole = await SignInAsync(Actor.PoleStaff);
        var year = DateTimeOffset.UtcNow.Year - 3;
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));

        // The form proposes the last complete year without a campaign, and the pôles and structures of the platform.
        var form = await coordinator.GetDocumentAsync($"{Campaigns}/nouvelle");
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#Input_Year")!.GetAttribute("value"));
        var boxes = form.QuerySelectorAll("input[name='Input.Organisations']").Cast<IHtmlInputElement>().ToList();
        var morlaix = PlatformKey(OrganisationKind.Pole, portal.MorlaixPoleId);
        var tag29 = PlatformKey(OrganisationKind.Structure, portal.Tag29Id);
        Assert.True(boxes.Single(b => b.Value == morlaix).IsChecked);
        Assert.True(boxes.Single(b => b.Value == tag29).IsChecked);
        Assert.False(boxes.Single(b => b.Value == PlatformKey(OrganisationKind.PublicAuthority, portal.RegionId)).IsChecked);
        var open = FormFor(form, "/nouvelle");
        foreach (var box in boxes.Where(b => b.Value != morlaix && b.Value != tag29))
        {
            open.Tick(box.Id!, false);
        }

        using var opened = await coordinator.SubmitAsync(open, new() { ["Échéance des déclarations"] = deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var page = await HtmlClient.ParseAsync(opened);
        Assert.Contains("La campagne est ouverte", page.Flash(), StringComparison.Ordinal);
        var id = Guid.Parse(opened.RequestMessage!.RequestUri!.AbsolutePath.Split('/').Last());
        Assert.Equal(new[] { morlaix, tag29 }.Order(StringComparer.Ordinal), (await CampaignAsync(id)).Organisations.Select(o => PlatformKey(o.Kind, o.Id)).Order(StringComparer.Ordinal));
        Assert.Equal(Declarations, portal.LinkInLastEmailTo(SeededPortal.ActorEmails[Actor.PoleStaff]));
        Assert.Equal(1, EmailsTo(Actor.StructureWithReferral, $"Évaluation {year} : vos indicateurs à déclarer"));
        Assert.Equal(0, EmailsTo(Actor.Financer, $"Évaluation {year} : vos indicateurs à déclarer"));

        // The pôle sees the campaign from its space; a percentage over 100 is refused beside the field, what was typed kept.
        Assert.Contains($"{year}", Text(await pole.GetDocumentAsync("/plateforme"), "declarations-link"), StringComparison.Ordinal);
        var percent = $"/{id}/indicateurs/{portal.DeclaredPercentIndicatorId}";
        var count = $"/{id}/indicateurs/{portal.DeclaredCountIndicatorId}";
        using var refused = await pole.SubmitAsync(FormFor(await pole.GetDocumentAsync(Declarations), percent), new() { ["Valeur"] = "120", ["Commentaire"] = "Enquête de satisfaction" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await HtmlClient.ParseAsync(refused);
        Assert.Contains("pourcentage", again.ErrorFor("Input.Value"), StringComparison.Ordinal);
        Assert.Equal("120", FormFor(again, percent).QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));
        Assert.Empty((await CampaignAsync(id)).Values);

        await pole.SubmitAsync(await pole.GetDocumentAsync(Declarations), percent, new() { ["Valeur"] = "62,5", ["Commentaire"] = "Enquête de satisfaction" });
        await pole.SubmitAsync(await pole.GetDocumentAsync(Declarations), count, new() { ["Valeur"] = "9" });
        var submitted = await pole.SubmitAsync(await pole.GetDocumentAsync(Declarations), $"/{id}/transmettre");
        Assert.Contains("2 valeur(s) transmise(s)", submitted.Flash(), StringComparison.Ordinal);
        var values = (await CampaignAsync(id)).Values;
        Assert.All(values, v => Assert.Equal(DeclaredValueStatus.Submitted, v.Status));
        var percentValue = values.Single(v => v.IndicatorId == portal.DeclaredPercentIndicatorId);
        Assert.Equal(62.5m, percentValue.Value);

        // The coordination returns the percentage: a comment is required; the pôle is e-mailed with it.
        var campaignPage = await coordinator.GetDocumentAsync($"{Campaigns}/{id}");
        Assert.Contains("62,5 %", campaignPage.MainText(), StringComparison.Ordinal);
        var returnForm = $"/valeurs/{percentValue.Id}/renvoyer";
        using var noComment = await coordinator.SubmitAsync(FormFor(campaignPage, returnForm), []);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.False(string.IsNullOrEmpty((await HtmlClient.ParseAsync(noComment)).ErrorFor("ReturnComment")));
        var returned = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync($"{Campaigns}/{id}"), returnForm, new() { ["Commentaire de retour"] = "Le périmètre de l'enquête est à préciser." });
        Assert.Contains("renvoyée", returned.Flash(), StringComparison.Ordinal);
        var mail = portal.Emails().Last(m => m.To.Mailboxes.Any(b => b.Address == SeededPortal.ActorEmails[Actor.PoleStaff]));
        Assert.Contains("Le périmètre de l'enquête est à préciser.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(Declarations, portal.LinkInLastEmailTo(SeededPortal.ActorEmails[Actor.PoleStaff]));

        // The pôle reads the comment, corrects and submits that value.
        var declarations = await pole.GetDocumentAsync(Declarations);
        Assert.Contains("Le périmètre de l'enquête est à préciser.", Text(declarations, "return-comment"), StringComparison.Ordinal);
        await pole.SubmitAsync(declarations, percent, new() { ["Valeur"] = "60" });
        var resubmitted = await pole.SubmitAsync(await pole.GetDocumentAsync(Declarations), $"{percent}/transmettre");
        Assert.Contains("transmise", resubmitted.Flash(), StringComparison.Ordinal);

        // The coordination validates both: the pôle is complete, TAg29 not.
        foreach (var value in (await CampaignAsync(id)).Values)
        {
            var validated = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync($"{Campaigns}/{id}"), $"/valeurs/{value.Id}/valider");
            Assert.Contains("validée", validated.Flash(), StringComparison.Ordinal);
        }

        campaignPage = await coordinator.GetDocumentAsync($"{Campaigns}/{id}");
        var rows = campaignPage.QuerySelectorAll("[data-testid=completeness] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("ADESS du Pays de Morlaix", StringComparison.Ordinal) && r.Contains("100 %", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("TAg29", StringComparison.OrdinalIgnoreCase) && r.Contains(" 0 %", StringComparison.Ordinal));
        Assert.Contains("Validée par la coordination", (await pole.GetDocumentAsync(Declarations)).MainText(), StringComparison.Ordinal);

        // Remind: TAg29's staff once; a second click the same day reminds nobody.
        var remindSubject = $"Évaluation {year} : vos indicateurs sont attendus";
        var reminded = await coordinator.SubmitAsync(campaignPage, "/relance");
        Assert.Contains("1 organisation(s)", reminded.Flash(), StringComparison.Ordinal);
        Assert.Equal(1, EmailsTo(Actor.StructureWithReferral, remindSubject));
        Assert.Equal(0, EmailsTo(Actor.PoleStaff, remindSubject));
        var twice = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync($"{Campaigns}/{id}"), "/relance");
        Assert.Contains("Aucune organisation à relancer", twice.Flash(), StringComparison.Ordinal);
        Assert.Equal(1, EmailsTo(Actor.StructureWithReferral, remindSubject));

        // Freeze: only once confirmed; then the page says so and offers no form.
        using var unconfirmed = await coordinator.SubmitAsync(FormFor(await coordinator.GetDocumentAsync($"{Campaigns}/{id}"), "/figer"), []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Cochez la case", (await HtmlClient.ParseAsync(unconfirmed)).ErrorFor("Confirm"), StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Open, (await CampaignAsync(id)).Status);
        var frozen = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync($"{Campaigns}/{id}"), "/figer", new() { ["Je confirme : la campagne ne changera plus"] = "true" });
        Assert.Contains("La campagne est figée", frozen.Flash(), StringComparison.Ordinal);
        Assert.Equal("Figée", Text(frozen, "status").Trim());
        Assert.NotEmpty(Text(frozen, "frozen"));
        Assert.Empty(frozen.QuerySelectorAll("main form"));

        // After the freeze: a declared value is refused with the domain's message, nothing saved.
        var token = await SeededPortal.TokenAsync(pole);
        using var late = await pole.Http.PostAsync(Declarations + count, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Value", "12")]));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains(Campaign.FrozenMessage, (await HtmlClient.ParseAsync(late)).MainText(), StringComparison.Ordinal);
        Assert.Equal(9m, (await CampaignAsync(id)).Values.Single(v => v.IndicatorId == portal.DeclaredCountIndicatorId).Value);
        using var lateRemind = await coordinator.Http.PostAsync($"{Campaigns}/{id}/relance", new FormUrlEncodedContent([new("__RequestVerificationToken", await SeededPortal.TokenAsync(coordinator))]));
        Assert.Equal(HttpStatusCode.BadRequest, lateRemind.StatusCode);

        // The audit trail keeps the opening, the moves and the freeze.
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CampaignAuditHandlers.CampaignEntity && a.EntityId == id).Select(a => a.Action).ToListAsync());
        Assert.Contains("Campagne ouverte", audit);
        Assert.Contains("Campagne figée", audit);
        Assert.Contains(audit, a => a.StartsWith("Valeur déclarée", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1999", "2030-01-01", "Input.Year", "entre 2000 et 2100")]
    [InlineData("2101", "2030-01-01", "Input.Year", "entre 2000 et 2100")]
    [InlineData("", "2030-01-01", "Input.Year", "entre 2000 et 2100")]
    [InlineData("2019", "2020-01-01", "Input.Deadline", "à venir")]
    [InlineData("2019", "0001-01-01", "Input.Deadline", "à venir")]
    [InlineData("2019", "9999-12-31", "Input.Deadline", "à venir")]
    [InlineData("2019", "", "Input.Deadline", "à venir")]
    public async Task Open_RefusesBadInput_BesideTheField_NothingSaved(string year, string deadline, string field, string message)
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var before = await portal.WithDbAsync(db => db.Campaigns.CountAsync());
        using var response = await coordinator.SubmitAsync(FormFor(await coordinator.GetDocumentAsync($"{Campaigns}/nouvelle"), "/nouvelle"), new() { ["Année évaluée"] = year, ["Échéance des déclarations"] = deadline });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains(message, page.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal(year, page.QuerySelector("#Input_Year")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Theory]
    [InlineData("Input.Organisations", "aucune", "Input.Organisations", "Choisissez les organisations")]
    [InlineData("Année évaluée", "THIS_YEAR", "Input.Year", "existe déjà")]
    [InlineData("Année évaluée", "deux-mille", null, "n'est pas lisible")]
    public async Task Open_RefusesNoOrganisation_AMalformedOne_ATakenYear_AnUnreadableYear(string label, string value, string? field, string message)
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var before = await portal.WithDbAsync(db => db.Campaigns.CountAsync());
        var typed = value == "THIS_YEAR" ? DateTimeOffset.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : value;
        var values = new Dictionary<string, string> { ["Année évaluée"] = "2018", ["Échéance des déclarations"] = "2030-01-01" };
        values[label] = typed;
        using var response = await coordinator.SubmitAsync(FormFor(await coordinator.GetDocumentAsync($"{Campaigns}/nouvelle"), "/nouvelle"), values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains(message, field is null ? page.ErrorSummary() : page.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task Open_RefusesAMalformedOrUnknownOrganisation_BesideTheField()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var token = await SeededPortal.TokenAsync(coordinator);
        foreach (var key in new[] { "Pole:pas-un-guid", $"Pole:{Guid.NewGuid()}", "  ", "Planete:" + Guid.NewGuid() })
        {
            using var response = await coordinator.Http.PostAsync($"{Campaigns}/nouvelle", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Year", "2017"), new("Input.Deadline", "2030-01-01"), new("Input.Organisations", key)]));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Choisissez les organisations", (await HtmlClient.ParseAsync(response)).ErrorFor("Input.Organisations"), StringComparison.Ordinal);
        }

        Assert.False(await portal.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Year == 2017)));
    }

    [Fact]
    public async Task ChangeDeadline_RefusesThePastAndCalendarEdges_AcceptsADateToCome()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var path = $"{Campaigns}/{portal.OpenCampaignId}";
        var stored = (await CampaignAsync(portal.OpenCampaignId)).Deadline;
        foreach (var bad in new[] { "2020-01-01", "0001-01-01", "9999-12-31", "", "pas-une-date" })
        {
            using var response = await coordinator.SubmitAsync(FormFor(await coordinator.GetDocumentAsync(path), "/echeance"), new() { ["Nouvelle échéance"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotEmpty((await HtmlClient.ParseAsync(response)).ErrorSummary());
            Assert.Equal(stored, (await CampaignAsync(portal.OpenCampaignId)).Deadline);
        }

        var later = stored.AddDays(10);
        var changed = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync(path), "/echeance", new() { ["Nouvelle échéance"] = later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("L'échéance des déclarations est changée", changed.Flash(), StringComparison.Ordinal);
        Assert.Equal(later, (await CampaignAsync(portal.OpenCampaignId)).Deadline);
    }

    [Theory]
    [InlineData(Actor.OtherPoleStaff)]
    [InlineData(Actor.StructureWithoutReferral)]
    [InlineData(Actor.PublicPartner)]
    [InlineData(Actor.Coordinator)]
    public async Task AnOrganisationNotAsked_OrNone_GetsNotFound_AndSeesNoCampaign(Actor actor)
    {
        using var client = await SignInAsync(actor);
        var token = await SeededPortal.TokenAsync(client);
        using var declare = await client.Http.PostAsync($"{Declarations}/{portal.OpenCampaignId}/indicateurs/{portal.DeclaredPercentIndicatorId}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Value", "10")]));
        using var submitAll = await client.Http.PostAsync($"{Declarations}/{portal.OpenCampaignId}/transmettre", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, declare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submitAll.StatusCode);
        Assert.NotNull((await client.GetDocumentAsync(Declarations)).QuerySelector("[data-testid=empty-state]"));
        Assert.Null((await client.GetDocumentAsync("/plateforme")).QuerySelector("[data-testid=declarations-link]"));
    }

    [Theory]
    [InlineData("/plateforme/evaluation/declarations/pas-un-guid/indicateurs/pas-un-guid")]
    [InlineData("/plateforme/evaluation/declarations/%20/transmettre")]
    [InlineData("/plateforme/evaluation/declarations/{campaign}/indicateurs/{unknown}")]
    [InlineData("/plateforme/evaluation/declarations/{unknown}/transmettre")]
    public async Task MalformedOrUnknownIds_OnTheDeclarations_Are404(string template)
    {
        using var pole = await SignInAsync(Actor.PoleStaff);
        var path = template.Replace("{campaign}", portal.OpenCampaignId.ToString(), StringComparison.Ordinal).Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var response = await pole.Http.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", await SeededPortal.TokenAsync(pole)), new("Input.Value", "10")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/coordination/evaluation/campagnes/{unknown}")]
    [InlineData("GET", "/coordination/evaluation/campagnes/%20")]
    [InlineData("GET", "/coordination/evaluation/campagnes/pas-un-guid")]
    [InlineData("POST", "/coordination/evaluation/campagnes/{campaign}/valeurs/{unknown}/valider")]
    [InlineData("POST", "/coordination/evaluation/campagnes/{campaign}/valeurs/pas-un-guid/renvoyer")]
    [InlineData("POST", "/coordination/evaluation/campagnes/{unknown}/relance")]
    [InlineData("POST", "/coordination/evaluation/campagnes/{unknown}/figer")]
    [InlineData("POST", "/coordination/evaluation/campagnes/%20/echeance")]
    public async Task MalformedOrUnknownIds_OnTheCampaign_Are404(string method, string template)
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var path = template.Replace("{campaign}", portal.OpenCampaignId.ToString(), StringComparison.Ordinal).Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var response = method == "GET"
            ? await coordinator.GetAsync(path)
            : await coordinator.Http.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", await SeededPortal.TokenAsync(coordinator)), new("confirm", "true"), new("returnComment", "x")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheOverview_LinksEachCampaign_AndTheOpeningForm()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var overview = await coordinator.GetDocumentAsync(Campaigns);

        Assert.NotNull(overview.QuerySelector($"a[href='{Campaigns}/{portal.OpenCampaignId}']"));
        Assert.NotNull(overview.QuerySelector($"a[href='{Campaigns}/{portal.FrozenCampaignId}']"));
        Assert.NotNull(overview.QuerySelector($"a[href='{Campaigns}/nouvelle']"));
        var frozen = await coordinator.GetDocumentAsync($"{Campaigns}/{portal.FrozenCampaignId}");
        Assert.Equal("Figée", Text(frozen, "status").Trim());
        Assert.Empty(frozen.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task TheDailyJob_RemindsTheLateOrganisations_OnceADay()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await portal.WithDbAsync(async db =>
        {
            var frame = await db.Referentials.SingleAsync(r => r.Id == portal.AdoptedReferentialId);
            var campaign = Campaign.Open(Guid.CreateVersion7(), frame, 2016, DateOnly.FromDateTime(now.AddDays(2).UtcDateTime), [new(OrganisationKind.Pole, portal.MorlaixPoleId), new(OrganisationKind.Structure, portal.Tag29Id)], portal.UserIds[Actor.Coordinator], now);
            db.Campaigns.Add(campaign);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return campaign.Id;
        });

        await using var scope = portal.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CampaignWorkflow>();
        var first = await workflow.RemindOpenCampaignsAsync(now);
        var second = await workflow.RemindOpenCampaignsAsync(now.AddMinutes(60));

        Assert.True(first.Organisations >= 2 && first.Emails >= 2, $"{first}");
        Assert.Equal(new CampaignReminderReport(0, 0), second);
        var stored = await CampaignAsync(id);
        Assert.Equal(2, stored.Reminders.Count);
        Assert.All(stored.Reminders, r => Assert.Equal(TrajectoirEss.Web.Features.Shared.Format.ParisDate(now), r.RemindedOn));
    }

    private static string PlatformKey(OrganisationKind kind, Guid id) => $"{kind}:{id}";
}
