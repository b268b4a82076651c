using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Projects;

/// <summary>
/// A partner structure and whether the porteurs let it see the project: what the porteurs choose on their project
/// page and what the pôle sees on the file. <paramref name="ChangedAt"/> is when it was last given or withdrawn.
/// </summary>
public sealed record SharingLine(Guid StructureId, string Name, StructureKind Kind, bool Given, DateTimeOffset? ChangedAt, bool Withdrawn, DateTimeOffset? RequestedAt)
{
    /// <summary>One line per active partner, in the partners' order (by kind, then name).</summary>
    public static IReadOnlyList<SharingLine> Of(Project project, ReferenceSnapshot reference)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Partners.Select(partner =>
        {
            var consent = project.Sharing.FirstOrDefault(s => s.StructureId == partner.Id);
            var decided = consent?.ChangedBy is not null;
            return new SharingLine(partner.Id, partner.Name, partner.Kind, consent?.Given == true, decided ? consent!.ChangedAt : null, decided && consent!.Given == false, consent?.RequestedAt);
        }).ToList();
    }

    public string State => Given ? "Autorisé" : Withdrawn ? "Retiré" : "Non autorisé";
}
