using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>A campaign's shared reading (issue 21) comes back from PostgreSQL as it was saved.</summary>
public sealed class EvaluationReadingPersistenceTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Fact]
    public async Task APublishedReading_ComesBack_WithItsFindingsInterpretationsRecommendationsAndKeyIndicators()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var reading = await db.EvaluationReadings.AsNoTracking().SingleAsync(r => r.Id == portal.PublishedReadingId);

        Assert.Equal(ReadingStatus.Published, reading.Status);
        Assert.Equal(portal.FrozenCampaignId, reading.CampaignId);
        Assert.Equal(portal.AdoptedReferentialId, reading.ReferentialId);
        Assert.NotNull(reading.PublishedAt);
        Assert.Equal(2, reading.KeyIndicatorIds.Count);
        var finding = Assert.Single(reading.Findings);
        Assert.Equal(portal.PublishedFindingId, finding.Id);
        Assert.Equal(AgreementLevel.Majority, finding.Agreement);
        Assert.True(finding.IsMain);
        Assert.NotNull(finding.Dissent);
        Assert.Equal(
            [new OrganisationRef(OrganisationKind.PublicAuthority, portal.RegionId), new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId)],
            finding.Interpretations.Select(i => i.ProposedBy));
        Assert.Null(Assert.Single(finding.Recommendations).CommitmentId);
    }

    [Fact]
    public async Task OneReadingPerCampaign()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == portal.FrozenCampaignId);
        db.EvaluationReadings.Add(EvaluationReading.Start(Guid.CreateVersion7(), campaign, portal.UserIds[Actor.Coordinator], DateTimeOffset.UtcNow));
        db.DiscardDomainEvents();
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
