using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A project leaves a session.</summary>
public sealed class LeaveSession(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    /// <summary>A project leaves; in a promotion the first of the waiting list takes its place.</summary>
    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, string? reason, CancellationToken cancellationToken = default)
    {
        var roster = await records.RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await records.EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
        (Project, Referral)? next = null;
        if (roster.NextOnWaitingList is { } waiting)
        {
            next = (await db.Projects.SingleAsync(p => p.Id == waiting.ProjectId, cancellationToken), await db.Referrals.SingleAsync(r => r.Id == waiting.ReferralId, cancellationToken));
        }

        roster.Leave(enrolment, project, referral, reason, staffId, clock.GetUtcNow(), next);
        await changes.SaveAsync(cancellationToken);
    }
}
