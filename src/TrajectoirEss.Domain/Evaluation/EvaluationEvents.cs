using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Evaluation;

public sealed record ReferentialDrafted(Referential Referential, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ReferentialStatusChanged(Referential Referential, ReferentialStatus From, ReferentialStatus To, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ConsultationCommentPosted(Referential Referential, ConsultationComment Comment, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ConsultationCommentAnswered(Referential Referential, ConsultationComment Comment, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CampaignOpened(Campaign Campaign, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record DeclaredValueMoved(Campaign Campaign, DeclaredValue Value, DeclaredValueStatus? From, DeclaredValueStatus To, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CampaignFrozen(Campaign Campaign, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The shared reading of a campaign changed (a finding, the synthesis, its publication or its session).</summary>
public sealed record ReadingChanged(EvaluationReading Reading, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
