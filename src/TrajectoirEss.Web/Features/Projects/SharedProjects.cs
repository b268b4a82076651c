using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Web.Features.Projects;

/// <summary>The query form of <see cref="Project.SharesWith"/>: the projects whose porteurs let a structure see them.</summary>
public static class SharedProjects
{
    public static IQueryable<Project> SharedWith(this IQueryable<Project> projects, Guid structureId) =>
        projects.Where(p => p.Sharing.Any(c => c.StructureId == structureId && c.Given));
}
