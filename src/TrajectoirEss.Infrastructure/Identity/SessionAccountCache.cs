using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace TrajectoirEss.Infrastructure.Identity;

/// <summary>The state of an account its sessions depend on, checked on every signed-in request.</summary>
public sealed record SessionAccount(bool IsDisabled, DateTimeOffset? DeletedAt, string? SecurityStamp, bool TwoFactorEnabled);

/// <summary>
/// The <see cref="SessionAccount"/>s read recently, so that a signed-in request does not query PostgreSQL
/// to check its session. Only while <see cref="AccountChangeListener"/> listens to the database: every
/// instance hears each change of an account (PostgreSQL notifies it at commit, whoever made it: this
/// instance, another one, a script) and forgets that account, and this instance also forgets the accounts
/// it saves itself at once. When the listener is not connected the cache is off and every request reads the
/// database, as before; an entry also expires after <see cref="MaxAge"/> whatever happens.
/// </summary>
public sealed class SessionAccountCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private long _generation;
    private volatile bool _live;

    /// <summary>Whether the cache is in use (the listener is connected).</summary>
    public bool IsLive => _live;

    /// <summary>Changes each time an account is forgotten: read it before reading an account, and give it to <see cref="Store"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid userId, [NotNullWhen(true)] out SessionAccount? account)
    {
        account = null;
        return _live && _entries.TryGetValue(userId, out account) && account is not null;
    }

    /// <summary>
    /// Keeps an account read from the database, unless an account was forgotten since <paramref name="readAtGeneration"/>
    /// (the read may predate that change: keeping it would bring back what was forgotten).
    /// </summary>
    public void Store(Guid userId, SessionAccount account, long readAtGeneration)
    {
        if (!_live || Generation != readAtGeneration)
        {
            return;
        }

        _entries.Set(userId, account, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });

        // A change heard between the check above and the write: the entry may be stale.
        if (Generation != readAtGeneration)
        {
            _entries.Remove(userId);
        }
    }

    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        _entries.Remove(userId);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The listener now hears every change: start from nothing (changes made while it was deaf were missed).</summary>
    public void GoLive()
    {
        ForgetAll();
        _live = true;
    }

    /// <summary>The listener no longer hears the changes: stop using and keeping entries.</summary>
    public void GoDark()
    {
        _live = false;
        ForgetAll();
    }

    public void Dispose() => _entries.Dispose();
}
