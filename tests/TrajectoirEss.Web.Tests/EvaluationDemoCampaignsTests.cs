using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The demo's campaigns (issue 21): 2022–2025 frozen with their computed values, 2026 open with values missing.</summary>
public sealed class EvaluationDemoCampaignsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DemoCampaigns_FourFrozenWithComputedValues_AndTheCurrentYearOpen()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoEvaluation>().CreateReferentialAsync();
            Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<DemoCampaigns>().CreateAsync(now));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DemoCampaigns>().CreateAsync(now));
        }

        var (referential, campaigns) = await portal.WithDbAsync(async db => (await db.Referentials.AsNoTracking().SingleAsync(), await db.Campaigns.AsNoTracking().OrderBy(c => c.Year).ToListAsync()));

        Assert.Equal([2022, 2023, 2024, 2025, 2026], campaigns.Select(c => c.Year));
        var computedIndicators = referential.Indicators.Where(i => i.Terms.Source == IndicatorSource.Computed).Select(i => i.Id).ToHashSet();
        foreach (var frozen in campaigns.Take(4))
        {
            Assert.Equal(CampaignStatus.Frozen, frozen.Status);
            Assert.Equal(frozen.Year + 1, frozen.FrozenAt!.Value.Year);
            Assert.Equal(computedIndicators, frozen.ComputedValues.Select(v => v.IndicatorId).ToHashSet());
            var completeness = frozen.CompletenessOf(referential);
            Assert.Contains(completeness, c => c.Validated == c.Expected);
            Assert.Contains(completeness, c => c.Submitted + c.Validated == 0);
            Assert.True(frozen.Values.Count(v => v.Status == DeclaredValueStatus.Validated) > frozen.Values.Count / 2);
            Assert.All(frozen.Values.Where(v => v.Value is not null), v => referential.Indicator(v.IndicatorId).Terms.Unit.Check(v.Value!.Value, "La valeur", "Value"));
        }

        Assert.Contains(campaigns.Take(4), c => c.Values.Any(v => v.ReturnComment is not null && v.Status == DeclaredValueStatus.Validated));
        var open = campaigns[4];
        Assert.Equal(CampaignStatus.Open, open.Status);
        Assert.True(open.Deadline > DateOnly.FromDateTime(now.UtcDateTime));
        Assert.Empty(open.ComputedValues);
        var openCompleteness = open.CompletenessOf(referential);
        Assert.Contains(openCompleteness, c => c.Entered + c.Submitted + c.Validated == 0);
        Assert.Contains(openCompleteness, c => c.Submitted > 0);
        Assert.Contains(openCompleteness, c => c.Validated > 0);
    }
}
