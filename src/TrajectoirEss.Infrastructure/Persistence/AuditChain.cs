using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>The result of checking the audit trail's chain; <see cref="FirstBadId"/> names where it breaks.</summary>
public sealed record AuditVerification(bool IsIntact, long Entries, string? HeadHash, Guid? FirstBadId, long? FirstBadSequence, string? Problem);

/// <summary>
/// The tamper-evident audit trail: every entry carries SHA-256(previous hash + its canonical fields), so
/// changing, inserting or removing a row in the middle breaks the chain from that row on. Entries are
/// chained when they are saved, under a transaction-level PostgreSQL advisory lock, so concurrent writers
/// (several requests, several instances of the app) are serialised and never fork the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>An arbitrary, fixed key: "TE" "AU" (audit) as a 64-bit number.</summary>
    public const long AdvisoryLockKey = 0x5445_4155_0001;

    /// <summary>The text that is hashed: a version, the position, every field (strings length-prefixed), the previous hash.</summary>
    public static string Canonical(AuditEntry entry, long sequence, string? previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder("audit-v1\n");
        text.Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(entry.Id.ToString("D")).Append('\n')
            .Append((entry.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(entry.ActorId.ToString("D")).Append('\n');
        Field(text, entry.EntityType);
        text.Append(entry.EntityId.ToString("D")).Append('\n');
        Field(text, entry.Action);
        Field(text, entry.Changes);
        text.Append(previousHash ?? "-");
        return text.ToString();

        static void Field(StringBuilder text, string? value)
        {
            if (value is null)
            {
                text.Append("-\n");
                return;
            }

            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
        }
    }

    public static string ComputeHash(AuditEntry entry, long sequence, string? previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry, sequence, previousHash))));

    /// <summary>Chains the entries being added by this SaveChanges; the caller's transaction must be open.</summary>
    internal static async Task ChainAddedAsync(DbContext context, IReadOnlyList<AuditEntry> added, CancellationToken cancellationToken)
    {
        // Held until the transaction ends: the next writer reads the last hash only once this one is committed.
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var last = await context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash;
        foreach (var entry in added.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            sequence++;
            var hash = ComputeHash(entry, sequence, previous);
            entry.Chain(sequence, previous, hash);
            previous = hash;
        }
    }

    /// <summary>
    /// Chains the entries that have a position but no hash: those written before the chain existed, which the
    /// migration that introduced it (squashed into Initial since) numbered in time order and left unhashed.
    /// Run by the `migrate` command; does nothing when every entry is chained.
    /// </summary>
    public static async Task<int> SealUnchainedAsync(TrajectoirEssDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var unchained = await db.AuditEntries.Where(a => a.Hash == null).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        if (unchained.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var first = unchained[0].Sequence;
        var previous = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence < first).OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
        foreach (var entry in unchained)
        {
            var hash = ComputeHash(entry, entry.Sequence, previous);
            entry.Chain(entry.Sequence, previous, hash);
            previous = hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return unchained.Count;
    }

    /// <summary>Recomputes the whole chain in order; stops at the first entry that does not match.</summary>
    public static async Task<AuditVerification> VerifyAsync(TrajectoirEssDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long count = 0;
        long expectedSequence = 1;
        string? previous = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem = entry.Sequence != expectedSequence ? $"position {entry.Sequence} where {expectedSequence} was expected (an entry was removed or inserted)"
                : entry.Hash is null ? "the entry is not chained (no hash)"
                : entry.PreviousHash != previous ? "its previous hash does not match the entry before it"
                : !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry.Hash), Encoding.ASCII.GetBytes(ComputeHash(entry, entry.Sequence, previous))) ? "its content does not match its hash (the entry was altered)"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(false, count, previous, entry.Id, entry.Sequence, problem);
            }

            count++;
            expectedSequence++;
            previous = entry.Hash;
        }

        return new AuditVerification(true, count, previous, null, null, null);
    }
}

/// <summary>
/// Chains the audit entries a SaveChanges adds. When no transaction is open, it opens one for the save
/// (EF then uses it) and commits or rolls it back when the save ends, so the advisory lock covers the insert.
/// </summary>
internal sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static readonly AuditChainInterceptor Instance = new();

    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> OwnTransactions = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var context = eventData.Context;
        if (context is null)
        {
            return result;
        }

        var added = context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            OwnTransactions.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }

        try
        {
            await AuditChain.ChainAddedAsync(context, added, cancellationToken);
        }
        catch
        {
            await EndAsync(context, commit: false, CancellationToken.None);
            throw;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        EndAsync(eventData.Context, commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await EndAsync(eventData.Context, commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return EndAsync(eventData.Context, commit: false, CancellationToken.None);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return EndAsync(eventData.Context, commit: false, CancellationToken.None);
    }

    private static async Task EndAsync(DbContext? context, bool commit, CancellationToken cancellationToken)
    {
        if (context is null || !OwnTransactions.TryGetValue(context, out var transaction))
        {
            return;
        }

        OwnTransactions.Remove(context);

        // A pooled context can carry the entry of a transaction that has since been reset with the context:
        // only the transaction still open on it is ours to end.
        if (!ReferenceEquals(context.Database.CurrentTransaction, transaction))
        {
            return;
        }

        await using (transaction)
        {
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                try
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
                {
                    // The connection is gone (the save failed because of it): PostgreSQL rolls back by itself.
                }
            }
        }
    }
}
