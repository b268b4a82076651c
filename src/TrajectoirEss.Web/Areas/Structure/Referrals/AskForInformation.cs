using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Referrals;

/// <summary>A structure asks the pôle and the porteurs a question about a referral.</summary>
public sealed class AskForInformation(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid referralId, string? question, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await records.ReferralAsync(structureId, referralId, cancellationToken);
        referral.RequestInformation(project, staffId, question, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
