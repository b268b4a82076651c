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
