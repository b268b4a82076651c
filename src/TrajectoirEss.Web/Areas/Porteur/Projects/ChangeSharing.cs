using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Porteur.Projects;

/// <summary>
/// A porteur gives or withdraws, partner by partner, the consent to share the project, whatever its status. Each change
/// goes to the consent history and the file's journal; a withdrawal hides the project from that partner at once.
/// </summary>
public sealed class ChangeSharing(PorteurProjects projects, ReferenceCache reference, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    /// <returns>The partners that no longer see the project and those that now do, by name.</returns>
    public async Task<(IReadOnlyList<string> Withdrawn, IReadOnlyList<string> Given)> RunAsync(Guid porteurId, Guid projectId, IReadOnlyCollection<Guid>? chosen, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindForMemberAsync(projectId, porteurId, cancellationToken) ?? throw new ProjectNotFoundException();
        var partners = (await reference.GetAsync(cancellationToken)).Partners;
        var before = partners.Where(p => project.SharesWith(p.Id)).ToList();
        SharingChoices.Apply(project, partners, chosen, porteurId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
        var after = partners.Where(p => project.SharesWith(p.Id)).ToList();
        return (before.Except(after).Select(p => p.Name).ToList(), after.Except(before).Select(p => p.Name).ToList());
    }
}
