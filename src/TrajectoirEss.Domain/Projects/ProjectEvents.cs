using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Projects;

// What happens to a project, raised by Project and the domain types that act on it. The audit trail and
// the e-mails are handlers of these events (in the web layer); each event carries what they need to say
// what changed (old → new), so no handler has to guess the state before the change.

public sealed record ProjectSubmitted(Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The pôle's first contact (accueil), recorded by the first meeting.</summary>
public sealed record ProjectWelcomed(Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record MeetingRecorded(Project Project, Meeting Meeting, bool Welcomed, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record InternalNoteAdded(Project Project, InternalNote Note, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The pôle wrote to the porteurs; <paramref name="AsksForInformation"/>: the question also went to the trajectory.</summary>
public sealed record PoleWroteToPorteurs(Project Project, ProjectMessage Message, bool AsksForInformation, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record PorteursWroteToPole(Project Project, ProjectMessage Message, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CoPorteurInvited(Project Project, ProjectInvitation Invitation, string Token, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectQualified(Project Project, ProjectStage? OldStage, SupportNeeds OldNeeds, string? OldSectorCode, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ReferentAssigned(Project Project, Guid? OldReferentId, Guid? NewReferentId, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectTransferred(Project Project, Guid? FromPoleId, Guid ToPoleId, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectClosed(Project Project, ProjectStatus From, ProjectOutcome Outcome, string Reason, CompanyCreation? Company, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectReopened(Project Project, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectPaused(Project Project, ProjectStatus From, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record ProjectResumed(Project Project, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A porteur gave (<paramref name="Given"/>) or withdrew the consent to share the project with a partner structure.</summary>
public sealed record SharingConsentChanged(Project Project, Guid StructureId, bool Given, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The pôle asked the porteurs to let a partner structure see the project.</summary>
public sealed record SharingConsentRequested(Project Project, Guid StructureId, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
