using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Computation;

/// <summary>
/// Freezes a campaign: its référentiel's computed indicators are computed now for the campaign's year
/// (<see cref="EvaluationMeasures"/>) and stored with the campaign, which changes no more.
/// </summary>
public sealed class CampaignFreezing(TrajectoirEssDbContext db, EvaluationMeasures measures, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>Freezes the campaign now; returns how many computed values it stored.</summary>
    public Task<int> FreezeAsync(Guid campaignId, Guid actorId, CancellationToken cancellationToken = default) =>
        FreezeAsync(campaignId, actorId, clock.GetUtcNow(), cancellationToken);

    /// <summary>Freezes the campaign at <paramref name="now"/> (the demo's history freezes past campaigns at past dates).</summary>
    public async Task<int> FreezeAsync(Guid campaignId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new DomainException("Cette campagne n'existe pas.");
        if (campaign.Status == CampaignStatus.Frozen)
        {
            throw new DomainException("Cette campagne est déjà figée : ses valeurs ne changent plus.");
        }

        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        var computed = await measures.ComputeAsync(referential, campaign.Year, cancellationToken);
        campaign.Freeze(referential, computed, actorId, now);
        await unitOfWork.SaveAsync(cancellationToken);
        return computed.Count;
    }
}
