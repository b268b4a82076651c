using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The session check's cache of accounts: a signed-in request does not read its account again, and a change of
/// the account ends its sessions at once on this instance, within moments on another one or after a change made
/// in the database directly; while the database's notifications cannot be heard, nothing is cached.
/// </summary>
public sealed class SessionCacheTests(SessionCacheTests.Fixture portal) : IClassFixture<SessionCacheTests.Fixture>
{
    private static int _counter;

    private SessionAccountCache Cache => portal.Services.GetRequiredService<SessionAccountCache>();

    private async Task<(Guid Id, string Cookie)> SignedInPorteurAsync()
    {
        var email = $"cache-{Interlocked.Increment(ref _counter)}@exemple.test";
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        await WaitUntilAsync(() => Cache.IsLive, "the listener of account changes never connected");
        var cookie = await portal.SessionCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
        return (user.Id, cookie);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure, int seconds = 10)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), failure);
            await Task.Delay(10);
        }
    }

    private async Task WaitUntilSignedOutAsync(string cookie)
    {
        var deadline = Stopwatch.StartNew();
        while (await portal.GetWithCookieAsync(cookie, "/porteur") == HttpStatusCode.OK)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "The session was still open 5 seconds after its account changed");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task ASignedInRequest_DoesNotReadItsAccountAgain()
    {
        var (id, cookie) = await SignedInPorteurAsync();
        Assert.True(Cache.TryGet(id, out _));

        var database = new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database!;
        var accountReads = new ConcurrentBag<string>();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var text = activity.TagObjects.Where(t => t.Key is "db.query.text" or "db.statement").Select(t => t.Value?.ToString()).FirstOrDefault() ?? string.Empty;
                if (activity.TagObjects.Any(t => t.Value?.ToString() == database) && text.Contains("security_stamp", StringComparison.Ordinal))
                {
                    accountReads.Add(text);
                }
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
            Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
        }

        Assert.Empty(accountReads);
    }

    [Fact]
    public async Task DisablingTheAccountOnAnotherInstance_EndsItsSessionsHere()
    {
        var (id, cookie) = await SignedInPorteurAsync();
        Assert.True(Cache.TryGet(id, out _));

        await using (var other = portal.AnotherInstance())
        {
            await using var scope = other.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            user.IsDisabled = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        await WaitUntilSignedOutAsync(cookie);
    }

    [Fact]
    public async Task AnAccountSavedByThisInstance_IsForgottenBeforeTheSaveReturns()
    {
        var (id, cookie) = await SignedInPorteurAsync();
        Assert.True(Cache.TryGet(id, out _));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // Inside a transaction rolled back: PostgreSQL notifies nobody, so only the save itself can have
            // made the cache forget the account (and forgetting a change that did not happen costs one read).
            var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(id.ToString()))!)).Succeeded);

            Assert.False(Cache.TryGet(id, out _));
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
        Assert.True(Cache.TryGet(id, out _));
    }

    [Fact]
    public async Task AChangeMadeInTheDatabaseDirectly_EndsTheSessions()
    {
        var (id, cookie) = await SignedInPorteurAsync();

        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AspNetUsers" SET security_stamp = 'changed-by-a-script' WHERE id = {id}"""));

        await WaitUntilSignedOutAsync(cookie);
    }

    [Fact]
    public async Task WhenTheListenerLosesItsConnection_TheCacheIsEmptiedAndOff_UntilItListensAgain()
    {
        var (id, cookie) = await SignedInPorteurAsync();
        Assert.True(Cache.TryGet(id, out _));

        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN account_changes' AND pid <> pg_backend_pid()"));

        await WaitUntilAsync(() => !Cache.IsLive, "The cache stayed on after its listener lost the connection", seconds: 5);
        Assert.False(Cache.TryGet(id, out _));
        Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
        Assert.False(Cache.TryGet(id, out _));

        await WaitUntilAsync(() => Cache.IsLive, "The listener did not reconnect");
        Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
        Assert.True(Cache.TryGet(id, out _));
    }

    [Fact]
    public void AnAccountReadBeforeAChange_IsNotKept()
    {
        using var cache = new SessionAccountCache();
        var id = Guid.NewGuid();
        var account = new SessionAccount(false, null, "stamp", false);

        cache.Store(id, account, cache.Generation);
        Assert.False(cache.TryGet(id, out _)); // not live: nothing kept

        cache.GoLive();
        var before = cache.Generation;
        cache.Forget(Guid.NewGuid()); // a change heard while the account was being read
        cache.Store(id, account, before);
        Assert.False(cache.TryGet(id, out _));

        cache.Store(id, account, cache.Generation);
        Assert.True(cache.TryGet(id, out var kept));
        Assert.Equal(account, kept);

        cache.Forget(id);
        Assert.False(cache.TryGet(id, out _));

        cache.Store(id, account, cache.Generation);
        cache.GoDark();
        Assert.False(cache.TryGet(id, out _));
        cache.GoLive();
        Assert.False(cache.TryGet(id, out _));
    }

    public sealed class Fixture : PortalFactory;
}
