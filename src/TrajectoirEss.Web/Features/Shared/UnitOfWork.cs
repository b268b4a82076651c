using System.Collections.Concurrent;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>Does what follows from one kind of domain event: an audit line, an e-mail in the outbox…</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The pattern's usual name (eShop); it is not a .NET event delegate.")]
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>Runs before the change is saved: what it adds to the context is saved with the change, in its transaction.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Saves a use case's change with its side effects: the domain events that the tracked aggregates raised
/// are handed to their handlers (audit trail, notifications), whose records are then saved with the change
/// by one SaveChanges, in one transaction (the pattern of dotnet/eShop's Ordering, without MediatR). A handler
/// may itself change an aggregate: the events that raises are dispatched in the same way, before the save.
/// Saving a context that still holds undispatched events any other way fails (<c>DomainEventGuardInterceptor</c>).
/// </summary>
public sealed class UnitOfWork(TrajectoirEssDbContext db, IServiceProvider services)
{
    private const int MaxRounds = 8;

    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Dispatchers = new();

    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        for (var round = 0; ; round++)
        {
            var events = db.ChangeTracker.Entries<AggregateRoot>()
                .Where(entry => entry.Entity.HasDomainEvents)
                .SelectMany(entry => entry.Entity.TakeDomainEvents())
                .OrderBy(e => e.Sequence)
                .ToList();
            if (events.Count == 0)
            {
                break;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException("Domain event handlers keep raising events: a handler probably loops.");
            }

            foreach (var (_, domainEvent) in events)
            {
                await Dispatchers.GetOrAdd(domainEvent.GetType(), Dispatcher)(services, domainEvent, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> Dispatcher(Type eventType) =>
        typeof(UnitOfWork)
            .GetMethod(nameof(DispatchAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();

    private static async Task DispatchAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}

/// <summary>Registers every domain event handler of the portal (scoped: they use the request's DbContext).</summary>
internal static class DomainEventHandlers
{
    public static IServiceCollection AddDomainEventHandlers(this IServiceCollection services)
    {
        services.AddScoped<UnitOfWork>();
        var handlers = typeof(DomainEventHandlers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in handlers)
        {
            services.AddScoped(implementation);
            services.AddScoped(service, provider => provider.GetRequiredService(implementation));
        }

        return services;
    }
}
