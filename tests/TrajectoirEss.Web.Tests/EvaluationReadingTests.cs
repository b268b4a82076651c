using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The shared reading of a frozen campaign (issue 21): the coordination starts it, records findings with their
/// interpretations (each by an organisation) and recommendations, makes a recommendation a commitment in one click,
/// puts the reading on a session; the question's page shows the stored values against baseline, target and earlier
/// years (a small cell masked), names no person; the members read it when it is scheduled at their session or published.
/// </summary>
public sealed class EvaluationReadingTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    /// <summary>A signed-in client that follows redirects (post/redirect/get lands on the confirmed page).</summary>
    private Task<HtmlClient> SignInAsync(Actor actor) => portal.SignInAsync(SeededPortal.ActorEmails[actor]);

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> PostAsync(HtmlClient client, IHtmlDocument page, string actionSuffix, Dictionary<string, string>? values = null)
    {
        using var response = await client.SubmitAsync(FormFor(page, actionSuffix), values ?? []);
        return (response.StatusCode, await HtmlClient.ParseAsync(response));
    }

    /// <summary>Opens, fills (Morlaix's pôle counts 2 meetings: a small cell), validates and freezes a campaign of a year before the seeded ones; answers its id.</summary>
    private async Task<Guid> FrozenCampaignAsync()
    {
        var coordinator = portal.UserIds[Actor.Coordinator];
        var pole = new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId);
        var tag29 = new OrganisationRef(OrganisationKind.Structure, portal.Tag29Id);
        var id = await portal.WithDbAsync(async db =>
        {
            var v1 = await db.Referentials.SingleAsync(r => r.Id == portal.AdoptedReferentialId);
            var year = await db.Campaigns.MinAsync(c => c.Year) - 1;
            var opened = new DateTimeOffset(year + 1, 1, 10, 9, 0, 0, TimeSpan.Zero);
            var campaign = Campaign.Open(Guid.CreateVersion7(), v1, year, DateOnly.FromDateTime(opened.AddDays(50).UtcDateTime), [pole, tag29], coordinator, opened);
            foreach (var (organisation, user, count) in new[] { (pole, portal.UserIds[Actor.PoleStaff], 2m), (tag29, portal.UserIds[Actor.StructureWithReferral], 9m) })
            {
                campaign.Declare(v1, organisation, portal.DeclaredPercentIndicatorId, 64, null, user, opened.AddDays(5));
                campaign.Declare(v1, organisation, portal.DeclaredCountIndicatorId, count, null, user, opened.AddDays(5));
                campaign.SubmitAll(organisation, user, opened.AddDays(6));
            }

            foreach (var value in campaign.Values.ToList())
            {
                campaign.Validate(value.Id, coordinator, opened.AddDays(20));
            }

            db.Campaigns.Add(campaign);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        await using var scope = portal.Services.CreateAsyncScope();
        var year = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Year).SingleAsync());
        await scope.ServiceProvider.GetRequiredService<CampaignFreezing>().FreezeAsync(id, coordinator, new DateTimeOffset(year + 1, 3, 10, 9, 0, 0, TimeSpan.Zero));
        return id;
    }

    private Task<EvaluationReading?> ReadingOfAsync(Guid campaignId) =>
        portal.WithDbAsync(db => db.EvaluationReadings.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaignId));

    [Fact]
    public async Task ACoordinator_StartsTheReading_RecordsAFinding_InterpretedTwice_RecommendsAndMakesItACommitment_ThenSchedulesIt()
    {
        var campaignId = await FrozenCampaignAsync();
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var readingPath = $"/coordination/evaluation/campagnes/{campaignId}/lecture";

        // Not started yet: the button; starting it.
        var page = await coordinator.GetDocumentAsync(readingPath);
        Assert.NotNull(page.QuerySelector("[data-testid=no-reading]"));
        var (status, started) = await PostAsync(coordinator, page, "/lecture");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("La lecture partagée est commencée", started.Flash(), StringComparison.Ordinal);
        Assert.Equal("En préparation", started.QuerySelector("[data-testid=reading-status]")!.TextContent.Trim());
        var reading = await ReadingOfAsync(campaignId);
        Assert.NotNull(reading);
        Assert.Contains(await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == reading.Id).Select(a => a.Action).ToListAsync()), a => a.StartsWith("Lecture partagée ", StringComparison.Ordinal) && a.EndsWith(" modifiée", StringComparison.Ordinal));

        // The question the decision serves, with its findings count; its page.
        var questionLink = started.QuerySelectorAll("[data-testid=questions] a").Single(a => a.TextContent.Contains("se passent-ils les projets", StringComparison.Ordinal));
        var questionPath = questionLink.GetAttribute("href")!;
        var question = await coordinator.GetDocumentAsync(questionPath);
        Assert.NotNull(question.QuerySelector("[data-testid=no-findings]"));

        // An open disagreement without its dissent: refused beside the field, what was typed kept, nothing saved.
        const string Observation = "Les rencontres entre acteurs restent rares dans le Finistère.";
        var (refusedStatus, refused) = await PostAsync(coordinator, question, "/constats", new()
        {
            ["Constat"] = Observation,
            ["Finding.Agreement"] = nameof(AgreementLevel.OpenDisagreement),
            ["Effets négatifs ou inattendus"] = "Des orientations en doublon.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        var recordForm = refused.QuerySelector("[data-testid=record-finding-form]")!;
        Assert.Equal("Sans consensus, consignez le désaccord : il est gardé, pas effacé.", recordForm.QuerySelector("[data-valmsg-for='Finding.Dissent']")!.TextContent.Trim());
        Assert.Equal(Observation, recordForm.QuerySelector("textarea[name='Finding.Observation']")!.TextContent);
        Assert.NotNull(recordForm.QuerySelector("input[value=OpenDisagreement][checked]"));
        Assert.Empty((await ReadingOfAsync(campaignId))!.Findings);

        // With the dissent: recorded.
        var (okStatus, recorded) = await PostAsync(coordinator, refused, "/constats", new()
        {
            ["Constat"] = Observation,
            ["Finding.Agreement"] = nameof(AgreementLevel.OpenDisagreement),
            ["Désaccord"] = "TAg29 lit un manque de temps des équipes, pas de volonté.",
            ["Constat principal"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("Le constat est consigné.", recorded.Flash());
        var finding = Assert.Single((await ReadingOfAsync(campaignId))!.Findings);
        Assert.Equal((AgreementLevel.OpenDisagreement, true), (finding.Agreement, finding.IsMain));
        Assert.Equal("Désaccord ouvert", recorded.QuerySelector("[data-testid=agreement]")!.TextContent.Trim());

        // Two interpretations from two organisations.
        var pole = $"Pole:{portal.MorlaixPoleId}";
        var tag29 = $"Structure:{portal.Tag29Id}";
        var (_, once) = await PostAsync(coordinator, recorded, "/interpretations", new() { ["Interprétation"] = "Les équipes manquent de temps.", ["Organisation qui la propose"] = tag29 });
        Assert.Equal("L'interprétation est ajoutée.", once.Flash());
        var (_, twice) = await PostAsync(coordinator, once, "/interpretations", new() { ["Interprétation"] = "Les rencontres sont mal annoncées.", ["Organisation qui la propose"] = pole });
        var interpretations = twice.QuerySelector("[data-testid=interpretations]")!.TextContent;
        Assert.Contains("Les équipes manquent de temps.", interpretations, StringComparison.Ordinal);
        Assert.Contains("Les rencontres sont mal annoncées.", interpretations, StringComparison.Ordinal);
        Assert.Equal(2, (await ReadingOfAsync(campaignId))!.Findings[0].Interpretations.Select(i => i.ProposedBy).Distinct().Count());

        // A recommendation, made a commitment in one click: the form is prefilled, the save links it.
        const string Text = "Organiser une rencontre trimestrielle par département.";
        var (_, recommended) = await PostAsync(coordinator, twice, "/recommandations", new() { ["Recommandation"] = Text });
        Assert.Equal("La recommandation est ajoutée.", recommended.Flash());
        var newCommitment = await coordinator.GetDocumentAsync(recommended.QuerySelector("[data-testid=make-commitment]")!.GetAttribute("href")!);
        Assert.Equal(Text, ((IHtmlInputElement)newCommitment.QuerySelector("#Input_Title")!).Value);
        Assert.Equal(Observation, newCommitment.QuerySelector("#Input_Description")!.TextContent);
        Assert.NotNull(newCommitment.QuerySelector("[data-testid=from-recommendation]"));
        var before = await portal.WithDbAsync(db => db.Commitments.CountAsync());
        var (madeStatus, made) = await PostAsync(coordinator, newCommitment, "/engagements/nouveau", new()
        {
            ["Organisation qui porte l'engagement"] = pole,
            ["Objectif de la stratégie"] = portal.StrategyObjectiveId.ToString(),
            ["Date d'échéance"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, madeStatus);
        Assert.Equal("L'engagement est enregistré.", made.Flash());
        Assert.Equal(before + 1, await portal.WithDbAsync(db => db.Commitments.CountAsync()));
        var commitmentId = await portal.WithDbAsync(db => db.Commitments.Where(c => c.Title == Text).Select(c => c.Id).SingleAsync());
        Assert.Equal(commitmentId, (await ReadingOfAsync(campaignId))!.Findings[0].Recommendations[0].CommitmentId);
        var linked = await coordinator.GetDocumentAsync(questionPath);
        Assert.Equal($"/plateforme/engagements/{commitmentId}", linked.QuerySelector("[data-testid=commitment-link]")!.GetAttribute("href"));
        Assert.Null(linked.QuerySelector("[data-testid=make-commitment]"));

        // Again from the same recommendation: the domain says it is one already; nothing created.
        using (var again = await coordinator.GetAsync(newCommitment.Url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("Cette recommandation est déjà devenue un engagement.", (await HtmlClient.ParseAsync(again)).MainText(), StringComparison.Ordinal);
        }

        var (againStatus, againPage) = await PostAsync(coordinator, newCommitment, "/engagements/nouveau", new()
        {
            ["Organisation qui porte l'engagement"] = pole,
            ["Objectif de la stratégie"] = portal.StrategyObjectiveId.ToString(),
            ["Date d'échéance"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Contains("Cette recommandation est déjà devenue un engagement.", againPage.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, await portal.WithDbAsync(db => db.Commitments.CountAsync()));

        // Scheduled at the upcoming session: both session pages show the line.
        var (_, scheduled) = await PostAsync(coordinator, await coordinator.GetDocumentAsync(readingPath), "/lecture/seance", new() { ["Séance de la plateforme"] = portal.UpcomingPlatformSessionId.ToString() });
        Assert.Equal("La lecture partagée est inscrite à la séance.", scheduled.Flash());
        Assert.Equal(portal.UpcomingPlatformSessionId, (await ReadingOfAsync(campaignId))!.SessionId);
        var year = reading.Year;
        var session = await coordinator.GetDocumentAsync($"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        Assert.Contains(session.QuerySelectorAll("[data-testid=reading-link] a"), a => a.TextContent == $"Lecture partagée de l'évaluation {year}" && a.GetAttribute("href") == readingPath);
        using var member = await SignInAsync(Actor.StructureWithReferral);
        var memberSession = await member.GetDocumentAsync($"/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        var memberPath = $"/plateforme/evaluation/campagnes/{campaignId}/lecture";
        Assert.Contains(memberSession.QuerySelectorAll("[data-testid=reading-link] a"), a => a.TextContent == $"Lecture partagée de l'évaluation {year}" && a.GetAttribute("href") == memberPath);
        var memberQuestion = await member.GetDocumentAsync(memberPath + questionPath[readingPath.Length..]);
        Assert.Contains(Observation, memberQuestion.MainText(), StringComparison.Ordinal);
        Assert.Empty(memberQuestion.QuerySelectorAll("main form"));

        // The masked cell: Morlaix's pôle counted 2 meetings.
        var cells = question.QuerySelectorAll("[data-testid=cells]").Select(t => t.TextContent).ToList();
        Assert.Contains(cells, c => c.Contains("< 3", StringComparison.Ordinal) && c.Contains('9', StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFinding_IsEdited_ItsInterpretationAndRecommendationRemoved_ThenItIsRemoved()
    {
        var campaignId = await FrozenCampaignAsync();
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var readingPath = $"/coordination/evaluation/campagnes/{campaignId}/lecture";
        var (_, started) = await PostAsync(coordinator, await coordinator.GetDocumentAsync(readingPath), "/lecture");
        var questionPath = started.QuerySelector("[data-testid=questions] a")!.GetAttribute("href")!;
        var (_, recorded) = await PostAsync(coordinator, await coordinator.GetDocumentAsync(questionPath), "/constats", new()
        {
            ["Constat"] = "Un premier constat.",
            ["Finding.Agreement"] = nameof(AgreementLevel.Consensus),
        });
        var findingId = Assert.Single((await ReadingOfAsync(campaignId))!.Findings).Id;

        // Edited: a majority now, with its dissent; no longer main.
        var (editStatus, edited) = await PostAsync(coordinator, recorded, $"/constats/{findingId}", new()
        {
            ["Finding.Observation"] = "Un constat précisé.",
            ["Finding.Agreement"] = nameof(AgreementLevel.Majority),
            ["Finding.Dissent"] = "Le Département lit autrement.",
        });
        Assert.Equal(HttpStatusCode.OK, editStatus);
        Assert.Equal("Le constat est modifié.", edited.Flash());
        var finding = Assert.Single((await ReadingOfAsync(campaignId))!.Findings);
        Assert.Equal(("Un constat précisé.", AgreementLevel.Majority, "Le Département lit autrement."), (finding.Observation, finding.Agreement, finding.Dissent));
        Assert.Equal("Accord majoritaire", edited.QuerySelector("[data-testid=agreement]")!.TextContent.Trim());

        // An interpretation and a recommendation, each removed.
        var (_, interpreted) = await PostAsync(coordinator, edited, "/interpretations", new() { ["Interprétation"] = "Une lecture.", ["Organisation qui la propose"] = $"PublicAuthority:{portal.RegionId}" });
        var interpretationId = (await ReadingOfAsync(campaignId))!.Findings[0].Interpretations.Single().Id;
        var (_, unInterpreted) = await PostAsync(coordinator, interpreted, $"/interpretations/{interpretationId}/retirer");
        Assert.Equal("L'interprétation est retirée.", unInterpreted.Flash());
        var (_, recommended) = await PostAsync(coordinator, unInterpreted, "/recommandations", new() { ["Recommandation"] = "Une recommandation." });
        var recommendationId = (await ReadingOfAsync(campaignId))!.Findings[0].Recommendations.Single().Id;
        var (_, unRecommended) = await PostAsync(coordinator, recommended, $"/recommandations/{recommendationId}/retirer");
        Assert.Equal("La recommandation est retirée.", unRecommended.Flash());
        finding = Assert.Single((await ReadingOfAsync(campaignId))!.Findings);
        Assert.Empty(finding.Interpretations);
        Assert.Empty(finding.Recommendations);

        // The finding removed.
        var (_, removed) = await PostAsync(coordinator, unRecommended, $"/constats/{findingId}/retirer");
        Assert.Equal("Le constat est retiré.", removed.Flash());
        Assert.Empty((await ReadingOfAsync(campaignId))!.Findings);
        Assert.NotNull(removed.QuerySelector("[data-testid=no-findings]"));
    }

    [Fact]
    public async Task AnAgendaItem_PointsAtTheReadingScheduledAtTheSession_OrSaysThereIsNone()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);

        // The upcoming session has the draft reading: the item links it.
        var sessionPath = $"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}";
        var (status, added) = await PostAsync(coordinator, await coordinator.GetDocumentAsync(sessionPath), "/ordre-du-jour", new()
        {
            ["Agenda.Title"] = "Lire ensemble l'évaluation",
            ["Agenda.DurationMinutes"] = "1",
            ["Agenda.Kind"] = nameof(AgendaItemKind.Analysis),
            ["Agenda.Link"] = AgendaLink.EvaluationReading.Value,
        });
        Assert.True(status == HttpStatusCode.OK, added.MainText());

        // (Another test of this class may put its own, earlier, reading there too: the earliest year's is linked.)
        var scheduled = await portal.WithDbAsync(db => db.EvaluationReadings.Where(r => r.SessionId == portal.UpcomingPlatformSessionId).OrderBy(r => r.Year).Select(r => r.CampaignId).FirstAsync());
        Assert.Contains(added.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/coordination/evaluation/campagnes/{scheduled}/lecture" && a.TextContent == "La lecture partagée de l'évaluation inscrite à la séance");

        // A session with no reading: plain text.
        var sessionId = await portal.WithDbAsync(async db =>
        {
            var body = await db.Bodies.SingleAsync(b => b.Id == portal.PlatformBodyId);
            var now = DateTimeOffset.UtcNow;
            var session = PlatformSession.Plan(Guid.CreateVersion7(), body, now.AddDays(120), 180, "Rennes", null, null, portal.UserIds[Actor.Coordinator], now);
            session.AddAgendaItem("La lecture de l'évaluation", 30, AgendaItemKind.Analysis, AgendaLink.EvaluationReading, now);
            db.PlatformSessions.Add(session);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return session.Id;
        });
        var none = await coordinator.GetDocumentAsync($"/coordination/plateforme/seances/{sessionId}");
        Assert.Contains("aucune lecture inscrite à la séance", none.QuerySelector("[data-testid=no-reading]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("[data-testid=reading-link]"));
    }

    [Fact]
    public async Task TheQuestionPage_ShowsValuesAgainstBaselineTargetAndEarlierYears_WithChartsAndTables_AndNamesNoPerson()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var page = await coordinator.GetDocumentAsync($"/coordination/evaluation/campagnes/{portal.FrozenCampaignId}/lecture/questions/{portal.DraftQuestionId}");
        var year = await portal.WithDbAsync(db => db.Campaigns.Where(c => c.Id == portal.FrozenCampaignId).Select(c => c.Year).SingleAsync());

        var percent = page.QuerySelectorAll("[data-testid=indicator]").Single(a => a.TextContent.Contains("Part des porteurs satisfaits", StringComparison.Ordinal));
        Assert.Equal("64 %", percent.QuerySelector("[data-testid=total]")!.TextContent.Trim());
        Assert.Equal("50 %", percent.QuerySelector("[data-testid=baseline]")!.TextContent.Trim());
        Assert.Equal("70 %", percent.QuerySelector("[data-testid=target]")!.TextContent.Trim());
        Assert.Equal("Cible non atteinte", percent.QuerySelector("[data-testid=met]")!.TextContent.Trim());
        var years = percent.QuerySelectorAll("[data-testid=indicator-values] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(years, r => r.Contains((year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && r.Contains("64 %", StringComparison.Ordinal));

        // A chart per indicator with an earlier year, described by its table; the data block holds the same values.
        var canvas = percent.QuerySelector("canvas")!;
        Assert.Equal("img", canvas.GetAttribute("role"));
        Assert.NotNull(percent.QuerySelector("#" + canvas.GetAttribute("aria-describedby")));
        Assert.NotNull(page.QuerySelector("script#reading-data[type='application/json']"));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.Closest(".table-region")));

        // Organisations are named, never persons.
        var names = await portal.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var text = page.MainText();
        Assert.All(names.Where(n => !string.IsNullOrWhiteSpace(n)), n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));

        // The published reading: its findings shown, no forms.
        var published = await coordinator.GetDocumentAsync($"/coordination/evaluation/campagnes/{portal.FrozenCampaignId}/lecture/questions/{portal.PublishedQuestionId}");
        Assert.Contains("Les porteurs ruraux restent moins accueillis.", published.MainText(), StringComparison.Ordinal);
        Assert.Equal("Accord majoritaire", published.QuerySelector("[data-testid=agreement]")!.TextContent.Trim());
        Assert.NotNull(published.QuerySelector("[data-testid=read-only]"));
        Assert.Null(published.QuerySelector("[data-testid=record-finding-form]"));
        Assert.All(names.Where(n => !string.IsNullOrWhiteSpace(n)), n => Assert.DoesNotContain(n, published.MainText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACampaignNotFrozen_SaysWhenTheReadingStarts_AndStartingItIsRefusedByTheDomain()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var page = await coordinator.GetDocumentAsync($"/coordination/evaluation/campagnes/{portal.OpenCampaignId}/lecture");
        Assert.Contains("La lecture partagée commence quand la campagne est figée", page.QuerySelector("[data-testid=not-frozen]")!.TextContent, StringComparison.Ordinal);

        var (status, refused) = await PostAsync(coordinator, page, "/lecture");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("La lecture partagée porte sur une campagne figée", refused.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await ReadingOfAsync(portal.OpenCampaignId));
    }

    [Fact]
    public async Task Members_ReadAPublishedReading_OrOneScheduledAtTheirSession_AndNothingElse()
    {
        using var other = await SignInAsync(Actor.OtherPoleStaff);
        using var pole = await SignInAsync(Actor.PoleStaff);

        // Published: every member reads it, read only.
        var published = await other.GetDocumentAsync($"/plateforme/evaluation/campagnes/{portal.FrozenCampaignId}/lecture");
        Assert.Equal("Synthèse publiée", published.QuerySelector("[data-testid=reading-status]")!.TextContent.Trim());
        Assert.Empty(published.QuerySelectorAll("main form"));

        // The draft one is scheduled at the upcoming session: Morlaix's pôle is invited, Réso solidaire's is not.
        var draftPath = $"/plateforme/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/lecture";
        Assert.Empty((await pole.GetDocumentAsync(draftPath + $"/questions/{portal.DraftQuestionId}")).QuerySelectorAll("main form"));
        using (var response = await other.GetAsync(draftPath))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await other.GetAsync(draftPath + $"/questions/{portal.DraftQuestionId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Not started (this year's campaign): nothing to read.
        using (var response = await pole.GetAsync($"/plateforme/evaluation/campagnes/{portal.OpenCampaignId}/lecture"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // The session's page links it.
        var session = await pole.GetDocumentAsync($"/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        Assert.Contains(session.QuerySelectorAll("[data-testid=reading-link] a"), a => a.GetAttribute("href") == draftPath);
    }

    [Theory]
    [InlineData("/coordination/evaluation/campagnes/pas-un-id/lecture")]
    [InlineData("/coordination/evaluation/campagnes/%20/lecture")]
    [InlineData("/coordination/evaluation/campagnes/00000000-0000-0000-0000-000000000001/lecture")]
    [InlineData("/coordination/evaluation/campagnes/{frozen}/lecture/questions/pas-un-id")]
    [InlineData("/coordination/evaluation/campagnes/{frozen}/lecture/questions/%20")]
    [InlineData("/coordination/evaluation/campagnes/{frozen}/lecture/questions/00000000-0000-0000-0000-000000000001")]
    [InlineData("/coordination/evaluation/campagnes/{open}/lecture/questions/{question}")]
    [InlineData("/plateforme/evaluation/campagnes/00000000-0000-0000-0000-000000000001/lecture")]
    public async Task MalformedOrUnknownIds_Are404(string template)
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var path = template.Replace("{frozen}", portal.FrozenCampaignId.ToString(), StringComparison.Ordinal)
            .Replace("{open}", portal.OpenCampaignId.ToString(), StringComparison.Ordinal)
            .Replace("{question}", portal.DraftQuestionId.ToString(), StringComparison.Ordinal);
        using var response = await coordinator.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheField_NeverA500_AndNothingChanges()
    {
        using var coordinator = await SignInAsync(Actor.Coordinator);
        var questionPath = $"/coordination/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/lecture/questions/{portal.DraftQuestionId}";
        var page = await coordinator.GetDocumentAsync(questionPath);
        var before = (await ReadingOfAsync(portal.EarlierFrozenCampaignId))!;

        // A blank observation.
        var (blankStatus, blank) = await PostAsync(coordinator, page, "/constats", new() { ["Constat"] = "   ", ["Finding.Agreement"] = nameof(AgreementLevel.Consensus) });
        Assert.Equal(HttpStatusCode.BadRequest, blankStatus);
        Assert.False(string.IsNullOrEmpty(blank.QuerySelector("[data-testid=record-finding-form] [data-valmsg-for='Finding.Observation']")!.TextContent.Trim()));

        // An agreement level that is not one.
        var (levelStatus, level) = await PostAsync(coordinator, page, "/constats", new() { ["Constat"] = "Un constat.", ["Finding.Agreement"] = "Unanimite" });
        Assert.Equal(HttpStatusCode.BadRequest, levelStatus);
        Assert.NotNull(level.QuerySelector("[data-testid=error-summary]"));

        // An organisation outside the directory, a malformed one, a blank interpretation.
        foreach (var (text, organisation) in new[] { ("Une lecture.", $"Pole:{Guid.CreateVersion7()}"), ("Une lecture.", "Pole:pas-un-id"), ("  ", $"Pole:{portal.MorlaixPoleId}") })
        {
            var (status, refused) = await PostAsync(coordinator, page, "/interpretations", new() { ["Interprétation"] = text, ["Organisation qui la propose"] = organisation });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.NotNull(refused.QuerySelector("[data-testid=error-summary]"));
        }

        // A session that is not one of the platform's.
        var (sessionStatus, session) = await PostAsync(coordinator, await coordinator.GetDocumentAsync($"/coordination/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/lecture"), "/lecture/seance", new() { ["Schedule.SessionId"] = Guid.CreateVersion7().ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, sessionStatus);
        Assert.Equal("Choisissez la séance dans la liste.", session.ErrorFor("Schedule.SessionId"));

        // A stale version: told, not overwritten.
        var form = FormFor(page, "/recommandations");
        var (staleStatus, stale) = await PostAsync(coordinator, page, "/recommandations", new() { ["Recommandation"] = "Une recommandation.", [form.QuerySelector("input[type=hidden][name$=Version]")!.GetAttribute("name")!] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Contains("Quelqu'un a modifié la lecture partagée", stale.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);

        // A finding of another question: 404.
        using (var response = await coordinator.Http.PostAsync(
            $"/coordination/evaluation/campagnes/{portal.EarlierFrozenCampaignId}/lecture/questions/{portal.PublishedQuestionId}/constats/{portal.DraftFindingId}/recommandations",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await SeededPortal.TokenAsync(coordinator)), new("Recommendation.Text", "Texte"), new("Recommendation.Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))])))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var after = (await ReadingOfAsync(portal.EarlierFrozenCampaignId))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Findings.Count, after.Findings.Count);
    }
}
