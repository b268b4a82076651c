using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The coordination platform's members' space (issue 20): sessions and one-click registration, the commitments their
/// carrier reports on (others read), the coordinators' commitments and their "ask for updates", the strategy
/// objectives' administration and the public page. Tests that change records create their own, so that the seeded
/// ones stay as the other tests expect; none of them adds a session after the seeded held one (the "last session").
/// </summary>
public sealed class PlatformMembersTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static async Task<IHtmlDocument> FollowAsync(HtmlClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>A commitment written directly, carried by the organisation, made at <paramref name="at"/>.</summary>
    private Task<Guid> SeedCommitmentAsync(OrganisationRef carrier, string title, DateTimeOffset at) =>
        portal.WithDbAsync(async db =>
        {
            var objective = await db.StrategyObjectives.SingleAsync(o => o.Id == portal.StrategyObjectiveId);
            var commitment = Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms(title, null, carrier, [], objective, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(300)), null), null, null, portal.UserIds[Actor.Coordinator], at.ToUniversalTime());
            db.Commitments.Add(commitment);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return commitment.Id;
        });

    private OrganisationRef Pole => new(OrganisationKind.Pole, portal.MorlaixPoleId);

    [Fact]
    public async Task Home_ForTheCarriersStaff_ShowsTheUpcomingSession_ThePublicMinutes_AndTheCommitmentsItCarries()
    {
        using var client = await portal.ClientForAsync(Actor.PoleStaff);
        var home = await client.GetDocumentAsync("/plateforme");

        Assert.NotNull(home.QuerySelector($"[data-testid=upcoming-sessions] a[href='/plateforme/seances/{portal.UpcomingPlatformSessionId}']"));
        Assert.Contains("décidé d'agir pour les projets collectifs", home.QuerySelector("[data-testid=past-session]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Un accueil itinérant des projets collectifs", home.QuerySelector("[data-testid=carried]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("[data-testid=contributed-empty]"));
    }

    [Fact]
    public async Task Register_InOneClick_RegistersThePersonForTheirOrganisation_AndASecondTimeSaysSo()
    {
        using var client = await portal.ClientForAsync(Actor.StructureWithReferral);
        var page = await client.GetDocumentAsync($"/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        Assert.Contains("Revue des engagements", page.QuerySelector("[data-testid=agenda]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Région Bretagne", page.QuerySelector("[data-testid=invited-PublicAuthorities]")!.TextContent, StringComparison.Ordinal);
        var form = PageForms.FormFor(page, "/inscription");

        using var registered = await client.SubmitAsync(form, []);
        var after = await FollowAsync(client, registered);

        Assert.Contains("Vous êtes inscrit·e", after.Flash(), StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("[data-testid=registered]"));
        var people = await portal.WithDbAsync(async db => (await db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == portal.UpcomingPlatformSessionId))
            .Attendance(new OrganisationRef(OrganisationKind.Structure, portal.Tag29Id))!.People.Select(p => p.UserId).ToList());
        Assert.Equal([portal.UserIds[Actor.StructureWithReferral]], people);

        // The same form again (a second tab): the French message, nothing added.
        using var again = await client.SubmitAsync(form, []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Vous êtes déjà inscrit·e à cette séance.", (await HtmlClient.ParseAsync(again)).ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASession_OfWhichTheOrganisationIsNotAMember_Is404_AndSoIsRegistering()
    {
        using var member = await portal.ClientForAsync(Actor.PoleStaff);
        var token = await SeededPortal.TokenAsync(member);
        using var outsider = await portal.ClientForAsync(Actor.OtherPoleStaff);
        var outsiderToken = await SeededPortal.TokenAsync(outsider);

        using var page = await outsider.GetAsync($"/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", outsiderToken)]);
        using var post = await outsider.Http.PostAsync($"/plateforme/seances/{portal.UpcomingPlatformSessionId}/inscription", content);
        using var unknown = await member.GetAsync($"/plateforme/seances/{Guid.NewGuid()}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, post.StatusCode, unknown.StatusCode));
        Assert.NotNull(token);
        var home = await outsider.GetDocumentAsync("/plateforme");
        Assert.NotNull(home.QuerySelector("[data-testid=upcoming-empty]"));
    }

    [Theory]
    [InlineData("101", "Deux nouvelles permanences", "Update.Progress", "L'avancement est un pourcentage de 0 à 100.")]
    [InlineData("-1", "Deux nouvelles permanences", "Update.Progress", "L'avancement est un pourcentage de 0 à 100.")]
    [InlineData("50", "   ", "Update.Narrative", "Le récit est obligatoire.")]
    [InlineData("", "Deux nouvelles permanences", "Update.Progress", "Indiquez l'avancement, un pourcentage de 0 à 100.")]
    public async Task PostUpdate_WithBadInput_SaysSoBesideTheField_AndSavesNothing(string progress, string narrative, string field, string message)
    {
        var id = await SeedCommitmentAsync(Pole, "Un guide de l'accueil " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow);
        using var client = await portal.ClientForAsync(Actor.PoleStaff);
        var page = await client.GetDocumentAsync($"/plateforme/engagements/{id}");

        using var refused = await client.SubmitAsync(PageForms.FormFor(page, "/point"), new() { ["Où en est l'engagement ?"] = narrative, ["Avancement (%)"] = progress });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await HtmlClient.ParseAsync(refused);
        Assert.StartsWith(message.TrimEnd('.'), again.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal(narrative, ((IHtmlTextAreaElement)again.QuerySelector("#Update_Narrative")!).Value);
        var stored = await portal.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((0, 0), (stored.Progress, stored.Updates.Count));
    }

    [Fact]
    public async Task PostUpdate_ByTheCarrier_IsPublished_WithTheOrganisationsName()
    {
        var id = await SeedCommitmentAsync(Pole, "Une formation des bénévoles", DateTimeOffset.UtcNow);
        using var client = await portal.ClientForAsync(Actor.PoleStaff);
        var page = await client.GetDocumentAsync($"/plateforme/engagements/{id}");

        using var posted = await client.SubmitAsync(PageForms.FormFor(page, "/point"), new() { ["Où en est l'engagement ?"] = "Une première session a eu lieu.", ["Avancement (%)"] = "40" });
        var after = await FollowAsync(client, posted);

        Assert.Equal("Le point d'avancement est publié.", after.Flash());
        Assert.Equal("40 %", after.QuerySelector("[data-testid=progress]")!.TextContent.Trim());
        var update = after.QuerySelector("[data-testid=updates]")!.TextContent;
        Assert.Contains("Une première session a eu lieu.", update, StringComparison.Ordinal);
        Assert.Contains("Morlaix", update, StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "Point d'avancement publié")));
    }

    [Fact]
    public async Task ANonCarrier_ReadsTheCommitment_WithoutAnyForm_AndGets404OnEveryPost()
    {
        foreach (var actor in new[] { Actor.PublicPartner, Actor.OtherPoleStaff, Actor.Coordinator })
        {
            using var client = await portal.ClientForAsync(actor);
            var page = await client.GetDocumentAsync($"/plateforme/engagements/{portal.PoleCommitmentId}");
            Assert.Empty(page.QuerySelectorAll("main form"));
            Assert.Contains("Deux permanences ont eu lieu.", page.QuerySelector("[data-testid=updates]")!.TextContent, StringComparison.Ordinal);

            var token = await SeededPortal.TokenAsync(client);
            foreach (var action in new[] { "point", "demarrer", "terminer", "abandonner", "rouvrir" })
            {
                using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Update.Narrative", "Rien"), new("Update.Progress", "50"), new("Why.DropReason", "Parce que"), new("Why.Reason", "Parce que")]);
                using var response = await client.Http.PostAsync($"/plateforme/engagements/{portal.PoleCommitmentId}/{action}", content);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{actor} {action}: {(int)response.StatusCode}");
            }
        }

        var stored = await portal.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == portal.PoleCommitmentId));
        Assert.Equal((CommitmentStatus.InProgress, 30, 1), (stored.Status, stored.Progress, stored.Updates.Count));
    }

    [Fact]
    public async Task TheCarrier_DropsWithAReasonOnly_ThenReopens()
    {
        var id = await SeedCommitmentAsync(Pole, "Un annuaire des lieux", DateTimeOffset.UtcNow);
        using var client = await portal.ClientForAsync(Actor.PoleStaff);
        var page = await client.GetDocumentAsync($"/plateforme/engagements/{id}");

        using var refused = await client.SubmitAsync(PageForms.FormFor(page, "/abandonner"), new() { ["Motif d'abandon"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Le motif d'abandon est obligatoire.", (await HtmlClient.ParseAsync(refused)).ErrorFor("Why.DropReason"));
        Assert.Equal(CommitmentStatus.Planned, await portal.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        using var dropped = await client.SubmitAsync(PageForms.FormFor(page, "/abandonner"), new() { ["Motif d'abandon"] = "Un autre réseau le fait déjà" });
        var after = await FollowAsync(client, dropped);
        Assert.Contains("Abandonné — Un autre réseau le fait déjà", after.QuerySelector("[data-testid=commitment-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("[data-testid=update-form]"));

        using var reopened = await client.SubmitAsync(PageForms.FormFor(after, "/rouvrir"), new() { ["Motif de réouverture"] = "Le réseau a renoncé" });
        var last = await FollowAsync(client, reopened);
        Assert.Equal("En cours", last.QuerySelector("[data-testid=commitment-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheCommitmentsList_FiltersByCarrier_AndFlagsThoseWithoutNewsSinceTheLastSession()
    {
        var tag29 = new OrganisationRef(OrganisationKind.Structure, portal.Tag29Id);
        var heldAt = await portal.WithDbAsync(db => db.PlatformSessions.Where(s => s.Id == portal.HeldPlatformSessionId).Select(s => s.StartsAt).SingleAsync());
        await SeedCommitmentAsync(tag29, "Un parcours d'incubation en Centre-Bretagne", heldAt.AddDays(-30));
        using var client = await portal.ClientForAsync(Actor.Financer);

        var stale = await client.GetDocumentAsync("/plateforme/engagements?stale=true");
        var all = await client.GetDocumentAsync($"/plateforme/engagements?carrier=Structure:{portal.Tag29Id}");

        var flagged = stale.QuerySelector("[data-testid=commitments]")!.TextContent;
        Assert.Contains("Un parcours d'incubation en Centre-Bretagne", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("Un accueil itinérant des projets collectifs", flagged, StringComparison.Ordinal);
        Assert.All(all.QuerySelectorAll("[data-testid=commitments] tbody tr"), row => Assert.Contains("TAg29", row.TextContent, StringComparison.Ordinal));
        using var malformed = await client.GetAsync("/plateforme/engagements?status=Nope&objective=abc");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task AskForUpdates_EmailsTheCarriersOfTheFlaggedCommitmentsOnly_OnceEach()
    {
        var region = new OrganisationRef(OrganisationKind.PublicAuthority, portal.RegionId);
        var heldAt = await portal.WithDbAsync(db => db.PlatformSessions.Where(s => s.Id == portal.HeldPlatformSessionId).Select(s => s.StartsAt).SingleAsync());
        await SeedCommitmentAsync(region, "Un fonds pour les tiers-lieux", heldAt.AddDays(-10));
        await SeedCommitmentAsync(region, "Une charte des achats responsables", heldAt.AddDays(-20));
        var before = portal.Emails().Count;
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var token = await SeededPortal.TokenAsync(coordinator);

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync($"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}/engagements/relance", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}", response.Headers.Location!.OriginalString);
        var sent = portal.Emails().Skip(before).Where(m => m.Subject?.Contains("vos engagements attendent des nouvelles", StringComparison.Ordinal) == true).ToList();
        var toPartner = Assert.Single(sent, m => m.To.Mailboxes.Single().Address == SeededPortal.ActorEmails[Actor.PublicPartner]);
        Assert.Contains("Un fonds pour les tiers-lieux", toPartner.TextBody, StringComparison.Ordinal);
        Assert.Contains("Une charte des achats responsables", toPartner.TextBody, StringComparison.Ordinal);
        Assert.Contains("/plateforme/engagements", toPartner.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.To.Mailboxes.Single().Address == SeededPortal.ActorEmails[Actor.PoleStaff]);
    }

    [Fact]
    public async Task NewCommitment_WithoutACarrier_SaysSoBesideTheField_AndSavesNothing_ThenFromTheDecision_IsRecorded()
    {
        var decisionId = await portal.WithDbAsync(async db => (await db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == portal.HeldPlatformSessionId)).Decisions.Single().Id);
        var count = await portal.WithDbAsync(db => db.Commitments.CountAsync());
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var page = await coordinator.GetDocumentAsync($"/coordination/plateforme/engagements/nouveau?seance={portal.HeldPlatformSessionId}&decision={decisionId}");
        Assert.Equal("Mieux accueillir les projets collectifs en zone rurale", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        var due = DateTime.UtcNow.AddDays(100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await coordinator.SubmitAsync(PageForms.FormFor(page, "/nouveau"), new() { ["Objectif de la stratégie"] = portal.StrategyObjectiveId.ToString(), ["Date d'échéance"] = due });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await HtmlClient.ParseAsync(refused);
        Assert.Equal("Indiquez l'organisation qui porte l'engagement.", again.ErrorFor("Input.Carrier"));
        Assert.Equal("Mieux accueillir les projets collectifs en zone rurale", ((IHtmlInputElement)again.QuerySelector("#Input_Title")!).Value);

        using var malformed = await coordinator.SubmitAsync(PageForms.FormFor(again, "/nouveau"), new() { ["Organisation qui porte l'engagement"] = "Pole:pas-un-id", ["Objectif de la stratégie"] = portal.StrategyObjectiveId.ToString(), ["Date d'échéance"] = due });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Choisissez l'organisation qui porte l'engagement dans la liste.", (await HtmlClient.ParseAsync(malformed)).ErrorFor("Input.Carrier"));
        Assert.Equal(count, await portal.WithDbAsync(db => db.Commitments.CountAsync()));

        using var created = await coordinator.SubmitAsync(PageForms.FormFor(again, "/nouveau"), new() { ["Organisation qui porte l'engagement"] = $"Structure:{portal.Tag29Id}", ["Objectif de la stratégie"] = portal.StrategyObjectiveId.ToString(), ["Date d'échéance"] = due });
        var after = await FollowAsync(coordinator, created);
        Assert.Equal("L'engagement est enregistré.", after.Flash());
        var stored = await portal.WithDbAsync(db => db.Commitments.AsNoTracking().OrderByDescending(c => c.CreatedAt).FirstAsync());
        Assert.Equal((portal.HeldPlatformSessionId, decisionId, new OrganisationRef(OrganisationKind.Structure, portal.Tag29Id)), (stored.SessionId!.Value, stored.DecisionId!.Value, stored.Carrier));
    }

    [Fact]
    public async Task EditCommitment_AfterSomeoneElseSaved_ShowsTheConflict_AndKeepsWhatWasTyped()
    {
        var id = await SeedCommitmentAsync(new OrganisationRef(OrganisationKind.PublicAuthority, portal.RegionId), "Un observatoire régional", DateTimeOffset.UtcNow);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        using var admin = await portal.ClientForAsync(Actor.Admin);
        var mine = await coordinator.GetDocumentAsync($"/coordination/plateforme/engagements/{id}/modifier");
        var theirs = await admin.GetDocumentAsync($"/coordination/plateforme/engagements/{id}/modifier");

        using var first = await admin.SubmitAsync(PageForms.FormFor(theirs, "/modifier"), new() { ["Titre de l'engagement"] = "Un observatoire régional de l'ESS" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await coordinator.SubmitAsync(PageForms.FormFor(mine, "/modifier"), new() { ["Titre de l'engagement"] = "Un observatoire partagé" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await HtmlClient.ParseAsync(second);
        Assert.Contains("Un observatoire régional de l'ESS", page.QuerySelector("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Un observatoire partagé", ((IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("Un observatoire régional de l'ESS", await portal.WithDbAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task ThePublicPage_ShowsPublicMinutesOnly_AndTheCommitments_WithoutAnyPersonsName()
    {
        // A session older than the seeded held one (the "last session" stays the same), its minutes for members only.
        await portal.WithDbAsync(async db =>
        {
            var body = await db.Bodies.SingleAsync(b => b.Id == portal.PlatformBodyId);
            var coordinator = portal.UserIds[Actor.Coordinator];
            var startsAt = DateTimeOffset.UtcNow.AddDays(-300);
            var session = PlatformSession.Plan(Guid.CreateVersion7(), body, startsAt, 120, "Saint-Brieuc", null, null, coordinator, startsAt.AddDays(-60));
            session.Invite(body, coordinator, startsAt.AddDays(-30));
            session.Convene(coordinator, startsAt.AddDays(-30));
            session.Hold(coordinator, startsAt.AddHours(2));
            session.WriteMinutes("Relevé réservé aux membres : discussion budgétaire.", MinutesVisibility.Members, coordinator, startsAt.AddDays(1));
            session.Close(coordinator, startsAt.AddDays(2));
            db.PlatformSessions.Add(session);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        var names = await portal.WithDbAsync(db => db.Users.AsNoTracking().Select(u => u.DisplayName).ToListAsync());
        using var anonymous = await portal.ClientForAsync(Actor.Anonymous);

        var page = await anonymous.GetDocumentAsync("/plateforme-de-coordination");

        var text = page.MainText();
        Assert.Contains("décidé d'agir pour les projets collectifs", Assert.Single(page.QuerySelectorAll("[data-testid=public-session]")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Relevé réservé aux membres", text, StringComparison.Ordinal);
        var commitments = page.QuerySelector("[data-testid=public-commitments]")!.TextContent;
        Assert.Contains("Un accueil itinérant des projets collectifs", commitments, StringComparison.Ordinal);
        Assert.Contains("Région Bretagne", commitments, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-testid=public-commitments] a"));
        Assert.All(names.Where(n => !string.IsNullOrWhiteSpace(n)), n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
        Assert.NotNull((await anonymous.GetDocumentAsync("/")).QuerySelector("a[href='/plateforme-de-coordination']"));
    }

    [Fact]
    public async Task Objectives_AreCreatedWithAUniqueCode_Edited_AndDeactivatedOutOfTheCommitmentForm()
    {
        using var admin = await portal.ClientForAsync(Actor.Admin);
        var existing = await portal.WithDbAsync(db => db.StrategyObjectives.Where(o => o.Id == portal.StrategyObjectiveId).Select(o => o.Code).SingleAsync());
        var form = await admin.GetDocumentAsync("/admin/objectifs/nouveau");
        var values = new Dictionary<string, string> { ["Code de l'axe"] = "Z9", ["Intitulé de l'axe"] = "Un axe d'essai", ["Code de l'objectif"] = existing.ToLowerInvariant(), ["Intitulé de l'objectif"] = "Un objectif d'essai" };

        using var duplicate = await admin.SubmitAsync(form.Form(), values);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.StartsWith("Un objectif porte déjà le code", (await HtmlClient.ParseAsync(duplicate)).ErrorFor("Code"), StringComparison.Ordinal);

        values["Code de l'objectif"] = "Z9.1";
        using var created = await admin.SubmitAsync(form.Form(), values);
        var page = await FollowAsync(admin, created);
        Assert.Equal("Z9.1 — Un objectif d'essai", page.QuerySelector("h1")!.TextContent);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        using var blank = await admin.SubmitAsync(PageForms.FormFor(page, $"/admin/objectifs/{id}"), new() { ["Intitulé de l'objectif"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.NotNull((await HtmlClient.ParseAsync(blank)).ErrorFor("Input.Label"));

        using var deactivated = await admin.SubmitAsync(PageForms.FormFor(page, "/desactiver"), []);
        Assert.Equal("Désactivé", (await FollowAsync(admin, deactivated)).QuerySelector("[data-testid=objective-status]")!.TextContent);
        var list = await admin.GetDocumentAsync("/admin/objectifs");
        Assert.Contains("Un objectif d'essai", list.QuerySelector("[data-testid=objectives-Z9]")!.TextContent, StringComparison.Ordinal);
        var newCommitment = await admin.GetDocumentAsync("/coordination/plateforme/engagements/nouveau");
        Assert.Null(newCommitment.QuerySelector($"#Input_ObjectiveId option[value='{id}']"));
        Assert.NotNull((await admin.GetDocumentAsync("/admin")).QuerySelector("a[href='/admin/objectifs']"));
    }
}
