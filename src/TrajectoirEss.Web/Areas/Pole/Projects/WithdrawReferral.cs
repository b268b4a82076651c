using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle withdraws a referral.</summary>
public sealed class WithdrawReferral(PoleProjects projects, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, string? reason, CancellationToken cancellationToken = default)
    {
        var (project, referral) = await projects.ReferralAsync(poleId, projectId, referralId, cancellationToken);
        referral.Withdraw(project, staffId, reason, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
