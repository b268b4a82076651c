using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Porteur.MyData;

/// <summary>Section "Retention": how long the portal keeps the accounts of porteurs who no longer come.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A porteur account without any login for this many years is erased (after a warning).</summary>
    [Range(1, 20)]
    public int InactivePorteurYears { get; set; } = 3;

    /// <summary>The warning comes this many days before the erasure; the erasure never comes sooner after it.</summary>
    [Range(7, 180)]
    public int WarningDays { get; set; } = 30;

    /// <summary>Off in the tests, which run the work with their own clock.</summary>
    public bool JobEnabled { get; set; } = true;

    [Range(1, 168)]
    public int JobIntervalHours { get; set; } = 24;
}

public sealed record RetentionReport(bool Ran, int Warned, int Erased);

/// <summary>
/// CNIL: personal data is not kept forever. A porteur account unused (no login; never logged in counts
/// from its creation) for <see cref="RetentionOptions.InactivePorteurYears"/> is told by e-mail
/// <see cref="RetentionOptions.WarningDays"/> days before, then erased like a deletion the person asked
/// for (<see cref="AccountDeletion"/>: projects handed over or kept anonymised). A login in between
/// cancels it. Safe with several instances: the work runs inside a transaction holding a PostgreSQL
/// advisory lock, and an instance that does not get it skips the round.
/// </summary>
public sealed class InactiveAccounts(
    TrajectoirEssDbContext db,
    AccountDeletion deletion,
    IMailer mailer,
    IOptions<RetentionOptions> options,
    IOptions<PortalOptions> portal,
    ILogger<InactiveAccounts> logger)
{
    /// <summary>An arbitrary, fixed key: "TE" "RE" (retention) as a 64-bit number.</summary>
    public const long AdvisoryLockKey = 0x5445_5245_0001;

    public async Task<RetentionReport> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return new RetentionReport(false, 0, 0);
        }

        var eraseBefore = now.AddYears(-settings.InactivePorteurYears);
        var warnBefore = eraseBefore.AddDays(settings.WarningDays);
        var warnedLongEnoughAgo = now.AddDays(-settings.WarningDays);
        var porteurs = from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where r.Name == Roles.Porteur && u.DeletedAt == null && (u.LastLoginAt ?? u.CreatedAt) < warnBefore
                       select u;
        var inactive = await porteurs.OrderBy(u => u.CreatedAt).Take(500).ToListAsync(cancellationToken);
        int warned = 0, erased = 0;
        foreach (var user in inactive)
        {
            var lastActivity = user.LastLoginAt ?? user.CreatedAt;
            if (user.InactivityWarnedAt is null || user.InactivityWarnedAt < lastActivity)
            {
                // Written to the outbox inside this transaction: it leaves once committed with the warning date, or not at all.
                await WarnAsync(user, lastActivity.AddYears(settings.InactivePorteurYears) > now.AddDays(settings.WarningDays) ? lastActivity.AddYears(settings.InactivePorteurYears) : now.AddDays(settings.WarningDays), cancellationToken);
                user.InactivityWarnedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                logger.SecurityEvent(SecurityEvents.InactiveAccountWarned, user.Id, $"no login since {lastActivity:yyyy-MM-dd}");
                warned++;
            }
            else if (lastActivity < eraseBefore && user.InactivityWarnedAt <= warnedLongEnoughAgo)
            {
                await deletion.DeleteAsync(user, cancellationToken);
                logger.SecurityEvent(SecurityEvents.InactiveAccountErased, user.Id, $"no login since {lastActivity:yyyy-MM-dd}");
                erased++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (warned + erased > 0)
        {
            logger.LogInformation("Inactive porteur accounts: {Warned} warned, {Erased} erased", warned, erased);
        }

        return new RetentionReport(true, warned, erased);
    }

    private Task WarnAsync(Infrastructure.Identity.ApplicationUser user, DateTimeOffset erasureOn, CancellationToken cancellationToken)
    {
        var login = portal.Value.PublicBaseUrl.TrimEnd('/') + "/compte/connexion";
        var date = Features.Shared.Format.Date(erasureOn);
        var greeting = string.IsNullOrWhiteSpace(user.DisplayName) ? "Bonjour," : $"Bonjour {user.DisplayName},";
        var text = $"Votre compte Trajectoir'ESS n'a pas été utilisé depuis {options.Value.InactivePorteurYears} ans. Sans connexion de votre part d'ici le {date}, il sera supprimé et vos données personnelles effacées (vos projets sont confiés à un co-porteur ou gardés sans votre nom, pour les statistiques du programme). Pour garder votre compte, il suffit de vous connecter : {login}";
        return mailer.SendAsync(
            new OutgoingEmail(
                user.Email!,
                user.DisplayName,
                "Votre compte Trajectoir'ESS sera bientôt supprimé",
                $"{greeting}\n\n{text}\n\n— Trajectoir'ESS",
                $"<p>{HtmlEncoder.Default.Encode(greeting)}</p><p>{HtmlEncoder.Default.Encode(text)}</p><p>— Trajectoir'ESS</p>"),
            cancellationToken);
    }
}

/// <summary>Runs <see cref="InactiveAccounts"/> every <see cref="RetentionOptions.JobIntervalHours"/> hours.</summary>
internal sealed class InactiveAccountsJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<InactiveAccountsJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.JobEnabled;

    protected override TimeSpan Interval => TimeSpan.FromHours(options.Value.JobIntervalHours);

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<InactiveAccounts>().RunAsync(now, cancellationToken);
}
