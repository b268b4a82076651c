using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>
/// Refuses to save aggregates whose domain events were not dispatched: their audit lines and e-mails would be
/// lost without a word. Use cases save through the web layer's UnitOfWork, which dispatches them first; code
/// that writes records without their side effects (the demo data's history) discards them explicitly.
/// </summary>
internal sealed class DomainEventGuardInterceptor : SaveChangesInterceptor
{
    public static readonly DomainEventGuardInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var pending = eventData.Context?.ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.Entity.HasDomainEvents)
            .SelectMany(e => e.Entity.DomainEvents)
            .Select(e => e.GetType().Name)
            .Distinct()
            .ToList();
        if (pending is { Count: > 0 })
        {
            throw new InvalidOperationException(
                $"Saving aggregates with undispatched domain events ({string.Join(", ", pending)}): save through UnitOfWork.SaveAsync, or call DiscardDomainEvents when the side effects are not wanted.");
        }
    }
}
