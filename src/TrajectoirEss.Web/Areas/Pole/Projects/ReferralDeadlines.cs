using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

public sealed record DeadlineReport(bool Ran, int Reminded, int Expired);

/// <summary>
/// Reminds structures of unanswered referrals and lets them expire. Safe with several instances of the
/// app: the work runs inside a transaction holding a PostgreSQL advisory lock, and an instance that
/// does not get the lock skips this round.
/// </summary>
public sealed class ReferralDeadlines(TrajectoirEssDbContext db, UnitOfWork changes, IOptions<ReferralOptions> options, ILogger<ReferralDeadlines> logger)
{
    /// <summary>An arbitrary, fixed key: "TE" "RF" (referrals) as a 64-bit number.</summary>
    public const long AdvisoryLockKey = 0x5445_5246_0001;

    /// <summary>The account recorded as the actor of automatic steps: none (an empty id).</summary>
    public static readonly Guid System = Guid.Empty;

    public async Task<DeadlineReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return new DeadlineReport(false, 0, 0);
        }

        var expireBefore = now.AddDays(-settings.ExpiryDays);
        var remindBefore = now.AddDays(-settings.ReminderDays);
        var waiting = await db.Referrals
            .Where(r => Referral.AwaitingAnswerStatuses.Contains(r.Status)
                        && (r.WaitingSince < expireBefore || (r.WaitingSince < remindBefore && r.RemindedAt == null)))
            .OrderBy(r => r.WaitingSince)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new DeadlineReport(true, 0, 0);
        }

        var projectIds = waiting.Select(r => r.ProjectId).Distinct().ToList();
        var projects = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var reminders = new List<Referral>();
        var expired = new List<Referral>();
        foreach (var referral in waiting)
        {
            if (referral.WaitingSince < expireBefore)
            {
                referral.Expire(projects[referral.ProjectId], System, now);
                expired.Add(referral);
            }
            else
            {
                referral.MarkReminded(System, now);
                reminders.Add(referral);
            }
        }

        // The reminders and the expiries' e-mails go to the outbox in this transaction.
        await changes.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Referral deadlines: {Reminded} reminded, {Expired} expired", reminders.Count, expired.Count);
        return new DeadlineReport(true, reminders.Count, expired.Count);
    }
}

/// <summary>Runs <see cref="ReferralDeadlines"/> every <see cref="ReferralOptions.JobIntervalMinutes"/> minutes.</summary>
internal sealed class ReferralDeadlineJob(IServiceScopeFactory scopes, IOptions<ReferralOptions> options, TimeProvider clock, ILogger<ReferralDeadlineJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.JobEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.JobIntervalMinutes);

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReferralDeadlines>().RunAsync(now, cancellationToken);
}
