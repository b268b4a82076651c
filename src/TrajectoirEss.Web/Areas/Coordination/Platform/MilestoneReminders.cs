using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>The preparation reminders' job: on or off, and how often it looks (it reminds each milestone once a day whatever the interval).</summary>
public sealed class PlatformReminderOptions
{
    public const string Section = "PlatformReminders";

    public bool JobEnabled { get; set; } = true;

    [Range(1, 24 * 60)]
    public int JobIntervalMinutes { get; set; } = 60;
}

public sealed record ReminderReport(bool Ran, int Milestones, int Emails);

/// <summary>
/// E-mails the coordinators the preparation milestones due or late (<see cref="PlatformSession.TakeRemindersFor"/>):
/// each milestone at most once a day. The day a milestone was reminded is saved on it, in the same transaction as the
/// e-mails in the outbox, under a PostgreSQL advisory lock: a restart or a second instance does not remind it again.
/// </summary>
public sealed class MilestoneReminders(TrajectoirEssDbContext db, UnitOfWork changes, PlatformDirectory directory, Notifier notifier, ILogger<MilestoneReminders> logger)
{
    /// <summary>An arbitrary, fixed key: "TE" "PF" (platform) as a 64-bit number.</summary>
    public const long AdvisoryLockKey = 0x5445_5046_0001;

    public async Task<ReminderReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return new ReminderReport(false, 0, 0);
        }

        var today = Format.ParisDate(now);
        var sessions = await db.PlatformSessions.AsSplitQuery()
            .Where(s => PlatformSession.UpcomingStatuses.Contains(s.Status))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var due = sessions.Select(s => (Session: s, Milestones: s.TakeRemindersFor(today))).Where(d => d.Milestones.Count > 0).ToList();
        if (due.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new ReminderReport(true, 0, 0);
        }

        var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var coordinators = await directory.CoordinatorsAsync(NotificationKinds.Coordination, cancellationToken);
        var emails = 0;
        foreach (var (session, milestones) in due)
        {
            var lines = string.Join(" ; ", milestones.Select(m => $"{m.Kind.Label()} : {m.StateOn(today).Label().ToLowerInvariant()}, prévu le {m.DueOn:dd/MM/yyyy}"));
            foreach (var coordinator in coordinators)
            {
                await notifier.SendToAsync(
                    coordinator,
                    $"Préparation de la séance du {Format.Date(session.StartsAt)} : {milestones.Count} étape(s) à faire",
                    $"Séance de « {bodies.GetValueOrDefault(session.BodyId)} » du {Format.DateTime(session.StartsAt)}. {lines}.",
                    $"/coordination/plateforme/seances/{session.Id}#preparation",
                    cancellationToken);
                emails++;
            }
        }

        // The reminders' days and the e-mails go in this transaction, together.
        await changes.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var count = due.Sum(d => d.Milestones.Count);
        logger.LogInformation("Platform preparation reminders: {Milestones} milestones, {Emails} e-mails", count, emails);
        return new ReminderReport(true, count, emails);
    }
}

/// <summary>Runs <see cref="MilestoneReminders"/> every <see cref="PlatformReminderOptions.JobIntervalMinutes"/> minutes.</summary>
internal sealed class MilestoneReminderJob(IServiceScopeFactory scopes, IOptions<PlatformReminderOptions> options, TimeProvider clock, ILogger<MilestoneReminderJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.JobEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.JobIntervalMinutes);

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<MilestoneReminders>().RunAsync(now, cancellationToken);
}
