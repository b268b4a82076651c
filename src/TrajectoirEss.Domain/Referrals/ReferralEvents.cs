using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Domain.Referrals;

// Referrals (orientations). The moves a structure or a session makes on the referral (start, complete,
// abandon) are told by the session's or the financing's events, which say more.

public sealed record ReferralCreated(Referral Referral, Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The structure accepted, declined or asked for information (<see cref="Referral.Status"/> says which).</summary>
public sealed record ReferralAnswered(Referral Referral, Project Project, ReferralStatus From, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ReferralWithdrawn(Referral Referral, Project Project, ReferralStatus From, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The pôle relaunched the structure: its delay starts again.</summary>
public sealed record ReferralRelaunched(Referral Referral, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The deadline job reminds the structure of a referral waiting for <paramref name="DaysWaiting"/> days.</summary>
public sealed record ReferralReminderDue(Referral Referral, int DaysWaiting, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ReferralExpired(Referral Referral, Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
