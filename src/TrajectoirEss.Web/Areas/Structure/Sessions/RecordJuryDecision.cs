using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>The jury of a promotion selects a candidate, puts them on the waiting list, or does not select them.</summary>
public sealed class RecordJuryDecision(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, JuryDecision decision, string? reason, CancellationToken cancellationToken = default)
    {
        var roster = await records.RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await records.EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (decision)
        {
            case JuryDecision.Selected:
                roster.Select(enrolment, project, referral, staffId, now);
                break;
            case JuryDecision.WaitingList:
                roster.PutOnWaitingList(enrolment, project, referral, staffId, now);
                break;
            case JuryDecision.NotSelected:
                roster.Reject(enrolment, project, referral, reason, staffId, now);
                break;
            default:
                throw new DomainException("Choisissez une décision du jury.");
        }

        await changes.SaveAsync(cancellationToken);
    }
}

public enum JuryDecision
{
    Selected = 1,
    WaitingList = 2,
    NotSelected = 3,
}
