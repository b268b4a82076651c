using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Projects;

/// <summary>The porteurs' sharing choices as a form sends them: every partner shown, ticked or not.</summary>
public static class SharingChoices
{
    /// <summary>The field's name in the forms (one checkbox per partner, the value its id).</summary>
    public const string Field = "structures";

    /// <summary>
    /// Each partner ticked is given, each one not ticked withdrawn (only what changes is recorded); a value that is
    /// not an active partner refuses the whole choice.
    /// </summary>
    public static void Apply(Project project, IReadOnlyList<Partner> partners, IReadOnlyCollection<Guid>? chosen, Guid porteurId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(partners);
        chosen ??= [];
        if (chosen.Any(id => partners.All(p => p.Id != id)))
        {
            throw new DomainException("Choisissez les structures partenaires dans la liste.", Field);
        }

        foreach (var partner in partners)
        {
            project.ChangeSharing(partner.Id, chosen.Contains(partner.Id), porteurId, now);
        }
    }
}
