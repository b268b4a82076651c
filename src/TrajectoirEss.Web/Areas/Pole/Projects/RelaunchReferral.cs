using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle reminds the structure of a referral still waiting for its answer.</summary>
public sealed class RelaunchReferral(PoleProjects projects, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var (_, referral) = await projects.ReferralAsync(poleId, projectId, referralId, cancellationToken);
        referral.Relaunch(staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
