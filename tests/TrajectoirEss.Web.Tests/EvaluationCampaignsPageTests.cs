using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The coordination's view of the evaluation's campaigns (issue 21): every year's, the open one's declarations, the last frozen one's computed values.</summary>
public sealed class EvaluationCampaignsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Campaigns_ShowTheOpenOnesDeclarations_AndTheLastFrozenOnesComputedValues()
    {
        await portal.CreateUserAsync("coordination-campagnes@monde.test", Roles.Coordinator);
        await portal.CreateUserAsync("pole-campagnes@monde.test", Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        using var coordinator = await portal.SignInAsync("coordination-campagnes@monde.test");
        using var pole = await portal.SignInAsync("pole-campagnes@monde.test");
        Assert.NotNull((await coordinator.GetDocumentAsync("/coordination/evaluation/campagnes")).QuerySelector("[data-testid=empty-state]"));

        var now = DateTimeOffset.UtcNow;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoEvaluation>().CreateReferentialAsync();
            await scope.ServiceProvider.GetRequiredService<DemoCampaigns>().CreateAsync(now);
        }

        var page = await coordinator.GetDocumentAsync("/coordination/evaluation/campagnes");
        Assert.Equal(now.Year - DemoCampaigns.FirstYear + 1, page.QuerySelectorAll("[data-testid=campaigns] tbody tr").Length);
        Assert.Contains("Ouverte", page.QuerySelector("[data-testid=campaigns] tbody tr")!.TextContent, StringComparison.Ordinal);
        var organisations = await portal.WithDbAsync(db => Task.FromResult(db.Campaigns.OrderByDescending(c => c.Year).First().Organisations.Count));
        Assert.Equal(organisations, page.QuerySelectorAll("[data-testid=completeness] tbody tr").Length);
        Assert.Contains("ADESS du Pays de Morlaix", page.QuerySelector("[data-testid=completeness]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, page.QuerySelectorAll("[data-testid=computed] tbody tr").Length);
        foreach (var person in DemoAccounts.All.Select(a => a.DisplayName))
        {
            Assert.DoesNotContain(person, page.Body!.TextContent, StringComparison.Ordinal);
        }

        // The coordination's page: a pôle's staff are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await pole.GetAsync("/coordination/evaluation/campagnes")).StatusCode);
    }
}
