using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>Seeds' shortcut: the porteurs let partners see the project, at its last change (its events discarded by the seed).</summary>
internal static class Sharing
{
    public static Project SharedWith(this Project project, Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return project.SharedWith(programme.StructureId);
    }

    public static Project SharedWith(this Project project, params Guid[] structureIds)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var structureId in structureIds)
        {
            project.ChangeSharing(structureId, true, project.Members[0].UserId, project.UpdatedAt);
        }

        return project;
    }
}
