using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Programmes;

// What happens in the structures' programmes: sessions and their places (raised on the session by
// SessionRoster), financing applications, the révélateur's territory needs.

public sealed record SessionCreated(Session Session, string ProgrammeName, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record SessionUpdated(Session Session, int OldCapacity, DateOnly OldStartsOn, DateOnly OldEndsOn, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record SessionStatusChanged(Session Session, SessionStatus From, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A project entered a session that has no jury (its referral started).</summary>
public sealed record ProjectEnrolled(Session Session, Enrolment Enrolment, Project Project, Referral Referral, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A candidacy to a promotion with a jury.</summary>
public sealed record CandidacyRegistered(Session Session, Enrolment Enrolment, Project Project, Referral Referral, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The jury selected, put on the waiting list or did not select (<see cref="Enrolment.Status"/> says which).</summary>
public sealed record JuryDecided(Session Session, Enrolment Enrolment, Project Project, Referral Referral, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record EnrolmentLeft(Session Session, Enrolment Enrolment, Project Project, Referral Referral, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A place freed in a promotion went to the first of the waiting list.</summary>
public sealed record PromotedFromWaitingList(Session Session, Enrolment Enrolment, Project Project, Referral Referral, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record EnrolmentCompleted(Session Session, Enrolment Enrolment, Project Project, Referral Referral, EnrolmentOutcome Outcome, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record FinancingApplied(FinancingApplication Application, Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The committee granted or refused (<see cref="FinancingApplication.Decision"/> says which).</summary>
public sealed record FinancingDecided(FinancingApplication Application, Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record FinancingPaymentRecorded(FinancingApplication Application, FinancingPayment Payment, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record TerritoryNeedRaised(TerritoryNeed Need, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record OpportunityStudyConcluded(TerritoryNeed Need, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A positive study handed over to a porteur: <paramref name="NewProject"/> when it became a new draft in their space.</summary>
public sealed record StudyHandedOver(TerritoryNeed Need, Project Project, bool NewProject, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
