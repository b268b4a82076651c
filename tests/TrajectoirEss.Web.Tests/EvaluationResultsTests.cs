using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Evaluation.Results;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>A campaign's results, read from what was stored, with the earlier years (issue 21).</summary>
public sealed class EvaluationResultsTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task AFrozenCampaign_GivesEachIndicatorItsValue_ItsCells_AndTheEarlierYears()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<EvaluationResults>().ForCampaignAsync(portal.FrozenCampaignId, CancellationToken.None);

        Assert.NotNull(results);
        Assert.Equal(4, results.Indicators.Count);
        var percent = results.Of(portal.DeclaredPercentIndicatorId);
        Assert.Equal(64m, percent.Total.Value);
        Assert.False(percent.MeetsTarget);
        var names = await scope.ServiceProvider.GetRequiredService<Web.Features.Platform.PlatformDirectory>().NamesAsync(
            [new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId), new OrganisationRef(OrganisationKind.Structure, portal.Tag29Id)], CancellationToken.None);
        Assert.Equal(names.Values.Order(StringComparer.Ordinal), percent.Cells.Select(c => c.Label).Order(StringComparer.Ordinal));
        Assert.Equal(18m, results.Of(portal.DeclaredCountIndicatorId).Total.Value);

        var welcomed = results.Indicators.Single(i => i.Indicator.Terms.Measure == MeasureCode.ProjectsWelcomed);
        Assert.False(welcomed.Total.IsEmpty);
        Assert.Contains(welcomed.Cells, c => c.Label == names[new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId)]);
        var earlier = Assert.Single(welcomed.Previous);
        Assert.Equal(results.Campaign.Year - 1, earlier.Year);
        Assert.Equal(2, results.OfQuestion(results.Referential.Questions[0].Id).Count);

        Assert.Null(await scope.ServiceProvider.GetRequiredService<EvaluationResults>().ForCampaignAsync(Guid.CreateVersion7(), CancellationToken.None));
    }
}
