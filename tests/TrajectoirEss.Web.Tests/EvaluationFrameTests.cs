using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The evaluation's frame in force (issue 21), as the coordination and the platform's members read it.</summary>
public sealed class EvaluationFrameTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheFrameInForce_IsReadByCoordinatorsAndMembers_WithItsConsultation_NamingOrganisationsNotPersons()
    {
        await portal.CreateUserAsync("coordination-evaluation@monde.test", Roles.Coordinator);
        await portal.CreateUserAsync("pole-evaluation@monde.test", Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        await portal.CreateUserAsync("porteur-evaluation@monde.test", Roles.Porteur);
        using var coordinator = await portal.SignInAsync("coordination-evaluation@monde.test");
        using var pole = await portal.SignInAsync("pole-evaluation@monde.test");
        using var porteur = await portal.SignInAsync("porteur-evaluation@monde.test");

        // Before any adoption: an empty state, not an error.
        Assert.NotNull((await coordinator.GetDocumentAsync("/coordination/evaluation")).QuerySelector("[data-testid=empty-state]"));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoEvaluation>().CreateReferentialAsync();
        }

        foreach (var (client, path) in new[] { (coordinator, "/coordination/evaluation"), (pole, "/plateforme/evaluation") })
        {
            var page = await client.GetDocumentAsync(path);
            Assert.Null(page.QuerySelector("[data-testid=empty-state]"));
            Assert.Equal(5, page.QuerySelectorAll("[data-testid=frame-values] dt").Length);
            Assert.Equal(8, page.QuerySelectorAll("[data-testid=frame-question]").Length);
            Assert.Equal(30, page.QuerySelectorAll("[data-testid=frame-indicator]").Length);
            Assert.Contains(Indicators.Of(Indicator.CompaniesCreated).Definition, page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Measures.Of(MeasureCode.RuralPorteursShare).Definition, page.Body!.TextContent, StringComparison.Ordinal);

            var consultation = page.QuerySelector("[data-testid=frame-consultation]")!.TextContent;
            Assert.Equal(5, page.QuerySelectorAll("[data-testid=frame-consultation] tbody tr").Length);
            Assert.Contains("ADESS du Pays de Morlaix", consultation, StringComparison.Ordinal);
            Assert.Contains(CommentOutcome.Declined.Label(), consultation, StringComparison.Ordinal);
            foreach (var person in DemoAccounts.All.Select(a => a.DisplayName))
            {
                Assert.DoesNotContain(person, page.Body!.TextContent, StringComparison.Ordinal);
            }
        }

        // A porteur is not a member of the platform.
        Assert.Equal(HttpStatusCode.Forbidden, (await porteur.GetAsync("/plateforme/evaluation")).StatusCode);
    }
}
