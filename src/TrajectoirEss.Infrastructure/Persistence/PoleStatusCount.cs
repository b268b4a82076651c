using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>
/// How many projects of a pôle are in a status (drafts excepted): the pôle inbox's counts, read in constant
/// time however many projects the pôle has. PostgreSQL keeps it (trigger <c>projects_count_by_pole_status</c>
/// on <c>projects</c>, <c>Persistence/Sql/pole_status_counts.sql</c>) in the transaction that changes a project, so it
/// is always equal to counting the projects; the application only reads it.
/// </summary>
public sealed class PoleStatusCount
{
    public Guid PoleId { get; private set; }

    public ProjectStatus Status { get; private set; }

    public int Count { get; private set; }
}
