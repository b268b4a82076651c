using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Referrals;

/// <summary>A structure declines a referral, with a reason from the list.</summary>
public sealed class DeclineReferral(StructureRecords records, UnitOfWork changes, ListValues lists, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid referralId, string? reasonCode, string? details, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await records.ReferralAsync(structureId, referralId, cancellationToken);
        var label = await lists.RequireActiveAsync(ListKind.DeclineReason, reasonCode, "Choisissez un motif de refus dans la liste.", cancellationToken);
        var reason = ListItem.WithDetails(label, details);
        referral.Decline(project, staffId, reasonCode, reason, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
