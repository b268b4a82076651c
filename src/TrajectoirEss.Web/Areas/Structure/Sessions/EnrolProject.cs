using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A project whose referral was accepted joins a session (posted from the session or from the referral).</summary>
public sealed class EnrolProject(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// Enrols (or, for a promotion with a jury, registers the candidacy of) a project whose referral was accepted; without a
    /// number of participants, the project's number of people (<see cref="SessionRoster.Participants"/>).
    /// </summary>
    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, Guid? referralId, int? people, CancellationToken cancellationToken = default)
    {
        var roster = await records.RosterAsync(structureId, sessionId, cancellationToken);
        if (referralId is null)
        {
            throw new DomainException("Choisissez un projet orienté vers ce programme.");
        }

        var (referral, project, _) = await records.ReferralAsync(structureId, referralId.Value, cancellationToken);
        var now = clock.GetUtcNow();
        var enrolment = roster.Session.IsSelective
            ? roster.Apply(project, referral, people, staffId, now)
            : roster.Enrol(project, referral, people, staffId, now);
        db.Enrolments.Add(enrolment);
        await changes.SaveAsync(cancellationToken);
    }
}
