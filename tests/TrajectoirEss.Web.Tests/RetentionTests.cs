using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Areas.Porteur.MyData;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>Porteur accounts unused for three years: warned 30 days before, then erased; run with an explicit "now".</summary>
public sealed class RetentionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private async Task<Guid> AccountAsync(string email, string role, DateTimeOffset createdAt, DateTimeOffset? lastLogin, DateTimeOffset? warnedAt = null)
    {
        var user = await portal.CreateUserAsync(email, role, poleCode: role == Roles.PoleStaff ? "adess-du-pays-de-morlaix" : null);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.CreatedAt, createdAt)
            .SetProperty(x => x.LastLoginAt, lastLogin)
            .SetProperty(x => x.InactivityWarnedAt, warnedAt)));
        return user.Id;
    }

    private async Task<RetentionReport> RunAsync(DateTimeOffset now)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InactiveAccounts>().RunAsync(now);
    }

    private Task<(DateTimeOffset? DeletedAt, DateTimeOffset? WarnedAt, string? Email)> StateAsync(Guid id) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new ValueTuple<DateTimeOffset?, DateTimeOffset?, string?>(u.DeletedAt, u.InactivityWarnedAt, u.Email)).SingleAsync());

    [Fact]
    public async Task InactivePorteurs_AreWarned30DaysBefore_ThenErased_AndNobodyElse()
    {
        var soon = await AccountAsync("bientot-trois-ans@exemple.test", Roles.Porteur, Now.AddYears(-5), Now.AddYears(-3).AddDays(10));
        var recent = await AccountAsync("actif@exemple.test", Roles.Porteur, Now.AddYears(-5), Now.AddYears(-2));
        var warnedLongAgo = await AccountAsync("jamais-connecte@exemple.test", Roles.Porteur, Now.AddYears(-4), null, Now.AddDays(-31));
        var neverWarned = await AccountAsync("oublie@exemple.test", Roles.Porteur, Now.AddYears(-6), Now.AddYears(-4));
        var cameBack = await AccountAsync("revenu@exemple.test", Roles.Porteur, Now.AddYears(-6), Now.AddDays(-10), Now.AddDays(-40));
        var staff = await AccountAsync("salarie-ancien@exemple.test", Roles.PoleStaff, Now.AddYears(-6), Now.AddYears(-5));

        var first = await RunAsync(Now);

        // (Counts are at least: another test of the class may leave an old porteur account.)
        Assert.True(first.Ran);
        Assert.True(first.Warned >= 2, $"{first.Warned} warned");
        Assert.True(first.Erased >= 1, $"{first.Erased} erased");
        Assert.Equal(Now, (await StateAsync(soon)).WarnedAt);
        Assert.Equal(Now, (await StateAsync(neverWarned)).WarnedAt);
        Assert.Null((await StateAsync(neverWarned)).DeletedAt);
        var erased = await StateAsync(warnedLongAgo);
        Assert.NotNull(erased.DeletedAt);
        Assert.StartsWith("supprime-", erased.Email, StringComparison.Ordinal);
        foreach (var untouched in new[] { recent, cameBack, staff })
        {
            Assert.Null((await StateAsync(untouched)).DeletedAt);
        }

        var warning = Assert.Single(portal.Emails(), m => m.To.Mailboxes.Single().Address == "bientot-trois-ans@exemple.test");
        Assert.Equal("Votre compte Trajectoir'ESS sera bientôt supprimé", warning.Subject);
        Assert.Contains("1 juillet 2030", warning.TextBody, StringComparison.Ordinal);

        // The next rounds: no second warning; the erasure comes 30 days after the warning, not before.
        var again = await RunAsync(Now.AddHours(1));
        Assert.Equal((0, 0), (again.Warned, again.Erased));
        Assert.Single(portal.Emails(), m => m.To.Mailboxes.Single().Address == "bientot-trois-ans@exemple.test");
        var later = await RunAsync(Now.AddDays(31));
        Assert.True(later.Erased >= 2, $"{later.Erased} erased");
        Assert.NotNull((await StateAsync(neverWarned)).DeletedAt);
        Assert.NotNull((await StateAsync(soon)).DeletedAt);
    }

    [Fact]
    public async Task ALogin_AfterTheWarning_KeepsTheAccount()
    {
        var id = await AccountAsync("se-reconnecte@exemple.test", Roles.Porteur, Now.AddYears(-5), Now.AddYears(-4), Now.AddDays(-20));

        using (var _ = await portal.SignInAsync("se-reconnecte@exemple.test"))
        {
        }

        Assert.Null((await StateAsync(id)).WarnedAt);
        var report = await RunAsync(DateTimeOffset.UtcNow.AddDays(15));
        Assert.Null((await StateAsync(id)).DeletedAt);
        Assert.True(report.Ran);
    }

    [Fact]
    public async Task WhenAnotherInstanceHoldsTheLock_TheRoundIsSkipped()
    {
        await using var other = new NpgsqlConnection(portal.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({InactiveAccounts.AdvisoryLockKey})", other, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        Assert.False((await RunAsync(Now.AddYears(5))).Ran);
    }
}
