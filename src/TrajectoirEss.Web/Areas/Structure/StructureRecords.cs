using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure;

/// <summary>
/// The records the structures' use cases change, each loaded through the structure of the signed-in staff member:
/// a referral, session, enrolment, financing or need of another structure is "not found" (<see cref="ProjectNotFoundException"/>, a 404).
/// </summary>
public sealed class StructureRecords(TrajectoirEssDbContext db)
{
    public async Task<(Referral Referral, Project Project, Programme Programme)> ReferralAsync(Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.StructureId == structureId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        var project = await db.Projects.SingleAsync(p => p.Id == referral.ProjectId, cancellationToken);
        var programme = await db.Programmes.SingleAsync(p => p.Id == referral.ProgrammeId, cancellationToken);
        return (referral, project, programme);
    }

    public async Task<Session> FindSessionAsync(Guid structureId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();

    /// <summary>A session with its enrolments, to place, select, or let go a project.</summary>
    public async Task<SessionRoster> RosterAsync(Guid structureId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var session = await FindSessionAsync(structureId, sessionId, cancellationToken);
        var enrolments = await db.Enrolments.Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        return new SessionRoster(session, enrolments);
    }

    public async Task<(Enrolment Enrolment, Referral Referral, Project Project, Programme Programme)> EnrolmentAsync(Guid structureId, Guid sessionId, Guid enrolmentId, CancellationToken cancellationToken = default)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.SessionId == sessionId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        var (referral, project, programme) = await ReferralAsync(structureId, enrolment.ReferralId, cancellationToken);
        return (enrolment, referral, project, programme);
    }

    public async Task<FinancingApplication> FindFinancingAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        await db.FinancingApplications.SingleOrDefaultAsync(f => f.Id == id && f.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task<TerritoryNeed> FindNeedAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        await db.TerritoryNeeds.SingleOrDefaultAsync(n => n.Id == id && n.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();
}
