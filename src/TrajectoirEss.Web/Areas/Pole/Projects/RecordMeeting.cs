using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>A meeting with the porteurs; the first one welcomes a submitted project.</summary>
public sealed class RecordMeeting(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock, ILogger<RecordMeeting> logger) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, DateTimeOffset heldAt, MeetingKind kind, string? summary, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        var wasSubmitted = project.Status == ProjectStatus.Submitted;
        db.Meetings.Add(Meeting.Record(project, heldAt, kind, summary, staffId, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
        if (wasSubmitted)
        {
            logger.LogInformation("Project {ProjectId} welcomed by pôle {PoleId}", project.Id, poleId);
        }
    }
}
