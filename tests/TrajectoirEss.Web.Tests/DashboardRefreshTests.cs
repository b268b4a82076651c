using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The dashboard's aggregates computed ahead by the refresh job, and reused from the cache in between.</summary>
public sealed class DashboardRefreshTests(DashboardRefreshTests.Fixture portal) : IClassFixture<DashboardRefreshTests.Fixture>
{
    private static readonly DashboardFilter Year2025 = DashboardFilter.Year(2025);

    [Fact]
    public void RefreshJob_KeepsThisYearAndLastYearOfTheWholeRegion()
    {
        var filters = DashboardRefreshJob.Filters(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal([DashboardFilter.Year(2026), DashboardFilter.Year(2025)], filters);
        Assert.All(filters, f => Assert.True(f.Departement is null && f.PoleId is null && f.Sector is null && f.LegalForm is null && f.Origin is null));
    }

    [Fact]
    public async Task RefreshJobRound_ReplacesExpiredFigures_WhichRequestsThenReuse()
    {
        var before = await WelcomedAsync(Year2025);

        await SeedWelcomedProjectIn2025Async();

        // Within the cache's lifetime a request reuses the figures computed before the new project…
        Assert.Equal(before, await WelcomedAsync(Year2025));

        // …until a round of the refresh job past that lifetime recomputes them: requests then get the new figures, without computing them.
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await KeepFreshAsync(Year2025));
        Assert.Equal((before ?? 0) + 1, await WelcomedAsync(Year2025));
        Assert.Equal((before ?? 0) + 1, await WelcomedAsync(Year2025));
    }

    [Fact]
    public async Task Page_IsRenderedAgain_WhenItsFiguresAreRecomputed()
    {
        // The rendered page is kept per computation of the figures: a recomputation shows, a cached page is not served past it.
        await CreateCoordinatorAsync();
        using var client = await portal.SignInAsync(Coordinator);
        for (var i = 0; i < 3; i++)
        {
            await SeedWelcomedProjectIn2025Async();
        }

        const string Page = "/coordination?annee=2025&departement=29";
        var before = await WelcomedOnPageAsync(client, Page);
        await SeedWelcomedProjectIn2025Async();
        Assert.Equal(before, await WelcomedOnPageAsync(client, Page));

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await KeepFreshAsync(DashboardFilter.Year(2025) with { Departement = "29" }));
        Assert.Equal(before + 1, await WelcomedOnPageAsync(client, Page));

        // The pôle's own view of the same figures is another page (its own title and links).
        using var pole = await portal.SignInAsync(PoleStaff);
        var poleView = await pole.GetDocumentAsync("/pole/indicateurs?annee=2025");
        Assert.StartsWith("Indicateurs de mon pôle", poleView.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var regionView = await client.GetDocumentAsync(Page);
        Assert.StartsWith("Indicateurs du programme", regionView.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private const string Coordinator = "coordination-rafraichie@exemple.test";
    private const string PoleStaff = "pole-rafraichi@exemple.test";

    private async Task CreateCoordinatorAsync()
    {
        await portal.CreateUserAsync(Coordinator, Roles.Coordinator);
        await portal.CreateUserAsync(PoleStaff, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
    }

    private static async Task<int> WelcomedOnPageAsync(HtmlClient client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        return int.Parse(page.QuerySelector($"[data-testid=value-{Indicator.ProjectsWelcomed}]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task PastItsLifetime_TheCachedFiguresAreShownWhileTheyAreRecomputed()
    {
        var filter = DashboardFilter.Year(2025) with { Sector = "commerce" };
        var before = await WelcomedAsync(filter);
        await SeedWelcomedProjectIn2025Async();

        // Past the cache's lifetime, the request still gets the figures it has, at once…
        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(before, await WelcomedAsync(filter));

        // …and a computation in the background replaces them: a later request gets the new figures.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        decimal? after;
        do
        {
            await Task.Delay(100);
            after = await WelcomedAsync(filter);
        }
        while (after == before && DateTime.UtcNow < deadline);

        Assert.Equal((before ?? 0) + 1, after);
    }

    [Fact]
    public async Task RefreshJobRound_ComputesMissingOrStaleFigures_AndLeavesFreshOnes()
    {
        var filter = DashboardFilter.Year(2025) with { LegalForm = "association" };
        Assert.True(await KeepFreshAsync(filter)); // missing: computed
        var before = await WelcomedAsync(filter);
        await SeedWelcomedProjectIn2025Async();

        Assert.False(await KeepFreshAsync(filter)); // fresh: left as they are
        Assert.Equal(before, await WelcomedAsync(filter));

        portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await KeepFreshAsync(filter)); // past their lifetime: recomputed, requests get the new figures
        Assert.Equal((before ?? 0) + 1, await WelcomedAsync(filter));
    }

    private async Task<bool> KeepFreshAsync(DashboardFilter filter)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().KeepFreshAsync(filter);
    }

    private async Task<decimal?> WelcomedAsync(DashboardFilter filter)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().LoadAsync(filter)).Current[Indicator.ProjectsWelcomed].Total.Unmasked;
    }

    private async Task SeedWelcomedProjectIn2025Async()
    {
        var owner = await portal.CreateUserAsync($"porteur-{Guid.NewGuid():N}@exemple.test", Roles.Porteur);
        await portal.WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
            var at = new DateTimeOffset(2025, 5, 12, 9, 0, 0, TimeSpan.Zero);
            var project = Project.CreateDraft(Guid.CreateVersion7(at), owner.Id, new ProjectDetails("Café associatif", "Un café", "Un lieu", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), at);
            project.Submit(owner.Id, pole, consentToProcessing: true, at);
            project.Welcome(owner.Id, at.AddDays(3));
            db.Projects.Add(project);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The portal with a clock the tests move (the cache's lifetime is read from it).</summary>
    public sealed class Fixture : PortalFactory
    {
        public TestClock Clock { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
