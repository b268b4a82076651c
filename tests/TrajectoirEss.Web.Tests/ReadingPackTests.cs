using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The reading pack (dossier de séance, issue 20): computed once at the data freeze from the portal's records and
/// stored, published to the members invited to the session, printable and exported as XLSX, masked as the dashboard.
/// </summary>
public sealed class ReadingPackTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Refrozen = "Le dossier de séance est publié : ses chiffres ne changent plus.";

    private static string CoordinationPath(Guid session) => $"/coordination/plateforme/seances/{session}/dossier";

    private static string MemberPath(Guid session) => $"/plateforme/seances/{session}/dossier";

    /// <summary>The text of an indicator's figure for the period, in the pack's first table.</summary>
    private static string Welcomed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("[data-testid=pack-indicators] tr[data-indicator=ProjectsWelcomed] td")!.TextContent.Trim();

    /// <summary>A new convened session of the platform, every member invited (its pack not frozen).</summary>
    private Task<Guid> NewSessionAsync(int daysAhead) => portal.WithDbAsync(async db =>
    {
        var body = await db.Bodies.SingleAsync(b => b.Id == portal.PlatformBodyId);
        var now = DateTimeOffset.UtcNow;
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, now.AddDays(daysAhead), 180, "Maison de l'ESS, Quimper", null, null, portal.UserIds[Actor.Coordinator], now);
        session.Invite(body, portal.UserIds[Actor.Coordinator], now);
        session.Convene(portal.UserIds[Actor.Coordinator], now);
        db.PlatformSessions.Add(session);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>Projects welcomed by a pôle within the period a pack frozen today reads.</summary>
    private Task<int> WelcomeProjectsAsync(string poleCode, Actor staff, int count) => portal.WithDbAsync(async db =>
    {
        var period = PackPeriod.FrozenOn(Format.ParisDate(DateTimeOffset.UtcNow));
        var at = Format.FromParis(period.From.AddDays(20).ToDateTime(new TimeOnly(12, 0)));
        var pole = await db.Poles.Where(p => p.Code == poleCode).Select(p => p.Id).SingleAsync();
        var owner = portal.UserIds[Actor.Porteur];
        for (var i = 0; i < count; i++)
        {
            var project = Project.CreateDraft(Guid.CreateVersion7(), owner, new ProjectDetails($"Projet du dossier {i}", "Une épicerie", "Pas de commerce", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 1, null), at.AddDays(-1));
            project.Submit(owner, pole, consentToProcessing: true, at.AddDays(-1));
            project.Welcome(portal.UserIds[staff], at);
            db.Projects.Add(project);
        }

        db.DiscardDomainEvents();
        return await db.SaveChangesAsync();
    });

    /// <summary>Two commitments of the Région made before the held session: one with no news since, one dropped since.</summary>
    private Task<(Guid Stale, Guid Dropped)> CommitmentsAsync() => portal.WithDbAsync(async db =>
    {
        var region = new OrganisationRef(OrganisationKind.PublicAuthority, portal.RegionId);
        var objective = await db.StrategyObjectives.OrderBy(o => o.Code).FirstAsync();
        var made = DateTimeOffset.UtcNow.AddDays(-150);
        var coordinator = portal.UserIds[Actor.Coordinator];
        var stale = Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms("Un guide des aides régionales", null, region, [], objective, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(100)), null), null, null, coordinator, made);
        var dropped = Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms("Un salon régional", null, region, [], objective, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(100)), null), null, null, coordinator, made);
        dropped.Drop("Faute de financement", coordinator, DateTimeOffset.UtcNow.AddDays(-10));
        db.Commitments.AddRange(stale, dropped);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        return (stale.Id, dropped.Id);
    });

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HtmlClient client, Guid session, string action, HttpStatusCode expected)
    {
        var page = await client.GetDocumentAsync(CoordinationPath(session));
        using var response = await client.SubmitAsync(PageForms.FormFor(page, "/dossier/" + action), []);
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.StatusCode}: {(await HtmlClient.ParseAsync(response)).MainText()}");
        }

        return expected == HttpStatusCode.Redirect
            ? await client.GetDocumentAsync(response.Headers.Location!.OriginalString)
            : await HtmlClient.ParseAsync(response);
    }

    [Fact]
    public async Task Freeze_ComputesAndStores_Publish_ShowsItToMembers_AndLaterRecordsChangeNothing()
    {
        var session = await NewSessionAsync(50);
        await WelcomeProjectsAsync("adess-du-pays-de-morlaix", Actor.PoleStaff, 4);
        // One project of Réso solidaire: its pôle's cell is under 3, masked.
        await WelcomeProjectsAsync("reso-solidaire", Actor.OtherPoleStaff, 1);
        var (stale, dropped) = await CommitmentsAsync();
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        using var member = await portal.ClientForAsync(Actor.PoleStaff);

        // No pack yet: an empty state with the freeze form; members see nothing.
        var empty = await coordinator.GetDocumentAsync(CoordinationPath(session));
        Assert.NotNull(empty.QuerySelector("[data-testid=pack-empty]"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(MemberPath(session))).StatusCode);

        var frozen = await PostAsync(coordinator, session, "figer", HttpStatusCode.Redirect);
        Assert.Contains("Les données sont figées", frozen.Flash(), StringComparison.Ordinal);
        Assert.NotNull(frozen.QuerySelector("[data-testid=pack-draft]"));
        Assert.Contains("Non publié", frozen.QuerySelector("[data-testid=pack-draft]")!.TextContent, StringComparison.Ordinal);
        var welcomed = Welcomed(frozen);
        Assert.True(int.TryParse(welcomed, out var count) && count >= 5, $"Projects welcomed in the period: {welcomed}");
        Assert.Contains("Chiffres calculés le", frozen.QuerySelector("[data-testid=pack-computed-at]")!.TextContent, StringComparison.Ordinal);

        // Small cells masked as on the dashboard: Réso solidaire's one project reads "< 3".
        var resoName = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "reso-solidaire").Select(p => p.Name).SingleAsync());
        var reso = frozen.QuerySelectorAll("[data-testid=pack-poles] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == resoName);
        Assert.Contains("< 3", reso.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        // The commitments: one made before the last held session without news since is flagged; one dropped since is listed.
        var staleRow = frozen.QuerySelector($"[data-testid=pack-open-commitments] tr[data-commitment='{stale}']")!;
        Assert.NotNull(staleRow.QuerySelector("[data-testid=needs-update]"));
        Assert.Contains("Faute de financement", frozen.QuerySelector("[data-testid=pack-closed-commitments]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(dropped.ToString(), await portal.WithDbAsync(async db => string.Join(",", (await db.ReadingPacks.AsNoTracking().SingleAsync(p => p.SessionId == session)).Content.Commitments.ClosedSinceLastSession.Select(c => c.Id))), StringComparison.Ordinal);

        // Stored: the document holds the figures and their masking, never a masked value.
        var stored = await portal.WithDbAsync(db => db.ReadingPacks.AsNoTracking().SingleAsync(p => p.SessionId == session));
        Assert.Equal(ReadingPackStatus.Frozen, stored.Status);
        Assert.Equal(count, stored.Content.Indicators.Single(i => i.Code == Domain.Indicators.Indicator.ProjectsWelcomed).Current.Value);
        Assert.All(stored.Content.Poles.SelectMany(p => p.Cells).Where(c => c.Masked), c => Assert.Null(c.Value));
        var milestones = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().Where(s => s.Id == session).Select(s => s.Milestones).SingleAsync());
        Assert.True(milestones.Single(m => m.Kind == MilestoneKind.DataFrozen).IsDone);

        // Still a draft for the members.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(MemberPath(session))).StatusCode);

        var published = await PostAsync(coordinator, session, "publier", HttpStatusCode.Redirect);
        Assert.Contains("Le dossier de séance est publié", published.Flash(), StringComparison.Ordinal);
        Assert.NotNull(published.QuerySelector("[data-testid=pack-published]"));
        Assert.Empty(published.QuerySelectorAll("form[action$='/dossier/figer']"));

        // Records added after the publication do not change the published pack.
        await WelcomeProjectsAsync("adess-du-pays-de-morlaix", Actor.PoleStaff, 2);
        var read = await member.GetDocumentAsync(MemberPath(session));
        Assert.Equal(welcomed, Welcomed(read));
        Assert.Null(read.QuerySelector("[data-testid=pack-draft]"));
        Assert.Empty(read.QuerySelectorAll("main form"));

        // The XLSX export holds every table, as shown (masked cells included).
        var xlsx = await member.GetAsync($"/plateforme/seances/{session}/dossier.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["indicateurs", "departements", "poles", "conversions", "delais", "engagements", "engagements-clos"], MiniExcel.GetSheetNames(stream).Where(s => s != "flux"));
        var indicators = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "indicateurs").Cast<IDictionary<string, object>>().ToList();
        var row = indicators.Single(r => (string)r["Indicateur"] == "Projets accueillis");
        Assert.Equal(welcomed, row.Values.Skip(1).First()?.ToString());
        var poles = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "poles").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains("< 3", poles.Single(r => (string)r["Pôle"] == resoName).Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task Refreeze_OfAPublishedPack_IsRefusedInFrench_AndChangesNothing()
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var before = await portal.WithDbAsync(db => db.ReadingPacks.AsNoTracking().SingleAsync(p => p.Id == portal.ReadingPackId));
        var token = await SeededPortal.TokenAsync(coordinator);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync(CoordinationPath(portal.UpcomingPlatformSessionId) + "/figer", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Contains(Refrozen, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var after = await portal.WithDbAsync(db => db.ReadingPacks.AsNoTracking().SingleAsync(p => p.Id == portal.ReadingPackId));
        Assert.Equal((before.FrozenAt, before.Freezes, before.Content.ComputedAt), (after.FrozenAt, after.Freezes, after.Content.ComputedAt));
    }

    [Fact]
    public async Task Refreeze_BeforePublication_ReplacesTheContent_AndSaysWhen()
    {
        var session = await NewSessionAsync(55);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        await PostAsync(coordinator, session, "figer", HttpStatusCode.Redirect);
        var again = await PostAsync(coordinator, session, "figer", HttpStatusCode.Redirect);

        Assert.Contains("figé 2 fois", again.QuerySelector("[data-testid=pack-draft]")!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.ReadingPacks.AsNoTracking().SingleAsync(p => p.SessionId == session));
        Assert.Equal(2, stored.Freezes);
        Assert.Equal(stored.FrozenAt, stored.Content.ComputedAt);
        var audited = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == stored.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Données figées", "Données figées à nouveau"], audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_WithoutAPack_IsRefusedInFrench()
    {
        var session = await NewSessionAsync(60);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var token = await SeededPortal.TokenAsync(coordinator);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync(CoordinationPath(session) + "/publier", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Figez d'abord les données", (await HtmlClient.ParseAsync(response)).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.ReadingPacks.AnyAsync(p => p.SessionId == session)));
    }

    [Fact]
    public async Task Freeze_OfAHeldSession_IsRefused_AndNothingIsStored()
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var token = await SeededPortal.TokenAsync(coordinator);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await coordinator.Http.PostAsync(CoordinationPath(portal.HeldPlatformSessionId) + "/figer", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("avant la séance", (await HtmlClient.ParseAsync(response)).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.ReadingPacks.AnyAsync(p => p.SessionId == portal.HeldPlatformSessionId)));
    }

    [Theory]
    [InlineData(Actor.PoleStaff, HttpStatusCode.OK)]
    [InlineData(Actor.StructureWithReferral, HttpStatusCode.OK)]
    [InlineData(Actor.Financer, HttpStatusCode.OK)]
    [InlineData(Actor.PublicPartner, HttpStatusCode.OK)]
    [InlineData(Actor.Coordinator, HttpStatusCode.OK)]
    [InlineData(Actor.OtherPoleStaff, HttpStatusCode.NotFound)]
    [InlineData(Actor.StructureWithoutReferral, HttpStatusCode.NotFound)]
    public async Task Members_ReadThePublishedPack_OfASessionTheirOrganisationIsInvitedTo(Actor actor, HttpStatusCode expected)
    {
        using var client = await portal.ClientForAsync(actor);
        Assert.Equal(expected, (await client.GetAsync(MemberPath(portal.UpcomingPlatformSessionId))).StatusCode);
        Assert.Equal(expected, (await client.GetAsync(MemberPath(portal.UpcomingPlatformSessionId) + ".xlsx")).StatusCode);
    }

    [Theory]
    [InlineData("/plateforme/seances/pas-un-id/dossier")]
    [InlineData("/plateforme/seances/0198a0de-0000-7000-8000-000000000000/dossier")]
    [InlineData("/coordination/plateforme/seances/0198a0de-0000-7000-8000-000000000000/dossier")]
    [InlineData("/coordination/plateforme/seances/0198a0de-0000-7000-8000-000000000000/dossier.xlsx")]
    public async Task AnUnknownOrMalformedSession_Is404(string path)
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ThePage_LinksThePrintStylesheet_AndListsTheCommitments()
    {
        using var member = await portal.ClientForAsync(Actor.PublicPartner);
        var page = await member.GetDocumentAsync(MemberPath(portal.UpcomingPlatformSessionId));

        var stylesheet = page.QuerySelector("link[data-testid=pack-print-stylesheet]")!;
        Assert.Equal("print", stylesheet.GetAttribute("media"));
        Assert.StartsWith("/css/pack-print.css", stylesheet.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/css/pack-print.css")).StatusCode);
        Assert.Contains("chiffres calculés le", page.QuerySelector(".pack-print-header")!.TextContent, StringComparison.Ordinal);

        // The seeded commitments, both made after the held session: the pôle's with its update, the Région's without; neither owes news yet.
        var open = page.QuerySelectorAll("[data-testid=pack-open-commitments] tbody tr").ToList();
        Assert.Equal(2, open.Count);
        Assert.All(open, r => Assert.Null(r.QuerySelector("[data-testid=needs-update]")));
        var pole = open.Single(r => r.GetAttribute("data-commitment") == portal.PoleCommitmentId.ToString());
        Assert.Contains("Deux permanences ont eu lieu.", pole.TextContent, StringComparison.Ordinal);
        Assert.Contains("Aucune nouvelle.", open.Single(r => r.GetAttribute("data-commitment") == portal.RegionCommitmentId.ToString()).TextContent, StringComparison.Ordinal);
    }
}
