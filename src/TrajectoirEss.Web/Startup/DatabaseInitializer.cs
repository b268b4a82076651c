using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Features.Account;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// Brings the database to the state the app needs: migrations, roles, reference data, the first
/// administrator, and the demo accounts in demo mode. Every step can run again and changes nothing.
/// </summary>
public sealed class DatabaseInitializer(
    TrajectoirEssDbContext db,
    RoleManager<ApplicationRole> roles,
    UserManager<ApplicationUser> users,
    ReferenceDataImporter referenceData,
    DemoAccounts demoAccounts,
    DemoDataGenerator demoData,
    DemoPlatformHistory demoPlatform,
    DemoEvaluation demoEvaluation,
    Features.Evaluation.Computation.DemoCampaigns demoCampaigns,
    Features.Evaluation.Computation.DemoReadings demoReadings,
    Features.Platform.Pack.ReadingPacks readingPacks,
    AccountEmails accountEmails,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // The history table first: on a new database the provider would read it before creating it and log that
        // failure as an error (npgsql/efcore.pg#3407), which reads like a failed deployment.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await EnsureEveryAppliedMigrationIsKnownAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        await referenceData.ImportAsync(cancellationToken);
        var sealedEntries = await AuditChain.SealUnchainedAsync(db, cancellationToken);
        if (sealedEntries > 0)
        {
            logger.LogInformation("{Count} audit entries written before the chain existed are now chained", sealedEntries);
        }
    }

    /// <summary>
    /// Stops, with what to do, before migrating a database whose history holds migrations this build does not
    /// have: EF Core would otherwise apply Initial again and fail on its first table ("relation already exists").
    /// The first 15 migrations were squashed into one Initial before any deployment, so such a
    /// database is a developer's local one (or was migrated by a newer branch).
    /// </summary>
    private async Task EnsureEveryAppliedMigrationIsKnownAsync(CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(UnknownMigrationsMessage(db.Database.GetDbConnection().Database, unknown, known));
        }
    }

    internal static string UnknownMigrationsMessage(string database, IReadOnlyList<string> unknown, IReadOnlyList<string> known)
    {
        var shown = string.Join(", ", unknown.Order(StringComparer.Ordinal).Take(3)) + (unknown.Count > 3 ? $" and {unknown.Count - 3} more" : string.Empty);
        var first = known.Min(StringComparer.Ordinal);
        if (first is not null && unknown.Any(id => string.CompareOrdinal(id, first) < 0))
        {
            return $"The database \"{database}\" predates the squash of the migrations into one Initial migration: it holds "
                + $"migrations this version no longer has ({shown}) and cannot be brought up to date. Recreate it (its data "
                + "is lost; demo data is generated again at the next start): for the local database of scripts/run.sh, "
                + $"`TRAJECTOIRESS_PG_DATABASE=postgres scripts/pg.sh psql -c 'DROP DATABASE \"{database}\"'` then `scripts/run.sh` "
                + "(or a new local cluster: `scripts/pg.sh stop && rm -rf .data/pg`); for the benchmark's, `rm -rf .data/bench/pg`.";
        }

        return $"The database \"{database}\" holds migrations this version of the portal does not have ({shown}): a newer "
            + "version (another branch?) migrated it. Run that version, or recreate the database (its data is lost): "
            + $"`TRAJECTOIRESS_PG_DATABASE=postgres scripts/pg.sh psql -c 'DROP DATABASE \"{database}\"'` for the local one of scripts/run.sh.";
    }

    /// <summary>Demo mode: a fictitious history of the programme from 2019 to today (once).</summary>
    public async Task SeedDemoDataAsync(CancellationToken cancellationToken = default)
    {
        if (!portal.Value.DemoMode || await demoData.ExistsAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var report = await demoData.GenerateAsync(2019, now.Year, portal.Value.DemoDataScale, now, cancellationToken: cancellationToken);
        await demoData.CreateShowcaseAsync("porteur@demo.test", "adess-du-pays-de-morlaix", "tag29-ideateur", now, cancellationToken);
        logger.LogInformation("Demo data generated: {Projects} projects, {Referrals} referrals, {Enrolments} enrolments", report.Projects, report.Referrals, report.Enrolments);
        if (!await demoPlatform.ExistsAsync(cancellationToken))
        {
            var platform = await demoPlatform.CreateAsync(now, cancellationToken: cancellationToken);
            logger.LogInformation("Demo coordination platform: {Members} members, {Sessions} sessions, {Commitments} commitments", platform.Members, platform.Sessions, platform.Commitments);

            // The next session's reading pack, frozen today as a coordinator would, not yet published: its figures
            // are the demo's, and a coordinator can look at it, freeze it again, or publish it to the members.
            await readingPacks.FreezeAsync(platform.CoordinatorId, platform.NextSessionId, cancellationToken);
        }

        if (!await demoEvaluation.ExistsAsync(cancellationToken))
        {
            await demoEvaluation.CreateReferentialAsync(cancellationToken);
        }

        await demoCampaigns.CreateAsync(now, cancellationToken);
        await demoReadings.CreateAsync(now, cancellationToken);
    }

    public async Task SeedAccountsAsync(CancellationToken cancellationToken = default)
    {
        if (portal.Value.DemoMode)
        {
            await demoAccounts.EnsureCreatedAsync(cancellationToken);
        }

        var adminEmail = portal.Value.InitialAdminEmail;
        if (string.IsNullOrWhiteSpace(adminEmail) || (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = new ApplicationUser
        {
            UserName = adminEmail,
            Email = adminEmail,
            DisplayName = "Administration",
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(admin);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The initial administrator could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        await accountEmails.SendInvitationAsync(admin, Roles.Label(Roles.Admin), cancellationToken);
        logger.LogInformation("Initial administrator created; an invitation was e-mailed");
    }
}
