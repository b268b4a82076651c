using System.ComponentModel.DataAnnotations.Schema;

namespace TrajectoirEss.Domain.Common;

/// <summary>
/// Something that happened to the programme's records (a project submitted, a referral answered…), raised
/// by the aggregate that changed. The application dispatches the events of a change before it saves it,
/// in the same transaction: the audit trail and the notifications are handlers of these events, not lines
/// written by hand after each change (dotnet/eShop's Ordering does the same).
/// </summary>
public interface IDomainEvent
{
    /// <summary>The account that made it happen.</summary>
    Guid ActorId { get; }

    DateTimeOffset OccurredAt { get; }
}

/// <summary>An entity whose changes raise domain events; they wait on it until the change is saved.</summary>
public abstract class AggregateRoot
{
    private static long _sequence;
    private readonly List<(long Sequence, IDomainEvent Event)> _domainEvents = [];

    /// <summary>The events raised since the last save, in the order they were raised.</summary>
    [NotMapped]
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents.Select(e => e.Event).ToList();

    /// <summary>Whether events wait to be dispatched (checked before every save, without copying them).</summary>
    [NotMapped]
    public bool HasDomainEvents => _domainEvents.Count > 0;

    /// <summary>Hands the pending events over (with a number that orders them across aggregates) and forgets them.</summary>
    public IReadOnlyList<(long Sequence, IDomainEvent Event)> TakeDomainEvents()
    {
        var events = _domainEvents.ToList();
        _domainEvents.Clear();
        return events;
    }

    /// <summary>For code that writes records without their side effects (the demo data's history, test fixtures).</summary>
    public void DiscardDomainEvents() => _domainEvents.Clear();

    /// <summary>Raised by the aggregate itself, or by another type of the domain acting on it (a referral on its project).</summary>
    protected internal void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add((Interlocked.Increment(ref _sequence), domainEvent));
    }
}
