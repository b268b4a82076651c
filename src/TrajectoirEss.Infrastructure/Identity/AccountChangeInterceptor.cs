using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrajectoirEss.Infrastructure.Identity;

/// <summary>
/// Makes <see cref="SessionAccountCache"/> forget the accounts this instance saves, as soon as they are saved
/// (the database's notification reaches every instance a moment later, this one included).
/// </summary>
internal sealed class AccountChangeInterceptor(SessionAccountCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Guid[]> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetSaved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetSaved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ForgetSaved(eventData.Context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetSaved(eventData.Context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var accounts = context.ChangeTracker.Entries<ApplicationUser>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .ToArray();
        if (accounts.Length > 0)
        {
            _saving.AddOrUpdate(context, accounts);
        }
    }

    private void ForgetSaved(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var accounts))
        {
            _saving.Remove(context);
            foreach (var account in accounts)
            {
                cache.Forget(account);
            }
        }
    }
}
