using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Referrals;

/// <summary>A structure accepts a referral of one of its programmes.</summary>
public sealed class AcceptReferral(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await records.ReferralAsync(structureId, referralId, cancellationToken);
        referral.Accept(project, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
