namespace TrajectoirEss.Domain.Common;

/// <summary>The base of the domain's events: who made it happen, and when.</summary>
public abstract record DomainEvent(Guid ActorId, DateTimeOffset OccurredAt) : IDomainEvent;
