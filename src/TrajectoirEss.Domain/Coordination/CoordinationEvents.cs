using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

// What happens in the coordination, raised by Body, PlatformSession and Commitment. The audit trail and the e-mails
// (invitations, confirmations, the minutes published) are handlers of these events in the web layer. Preparation
// reminders are not events: nothing happens in the domain when a day passes; a daily job asks
// PlatformSession.MilestonesToRemind.

public sealed record BodyCreated(Body Body, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record MembershipAdded(Body Body, Membership Membership, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record MembershipEnded(Body Body, Membership Membership, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record RepresentativeNamed(Body Body, Membership Membership, Representative Representative, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record RepresentativeEnded(Body Body, Membership Membership, Representative Representative, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record PlatformSessionPlanned(PlatformSession Session, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The session moved (or changed its place or link); once convened, the invited are told.</summary>
public sealed record PlatformSessionRescheduled(PlatformSession Session, DateTimeOffset OldStartsAt, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The invitations go out by e-mail to the representatives of these organisations.</summary>
public sealed record SessionConvened(PlatformSession Session, IReadOnlyList<OrganisationRef> Invited, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>Organisations invited (again, after new members joined); once convened, they get the invitation at once.</summary>
public sealed record OrganisationsInvited(PlatformSession Session, IReadOnlyList<OrganisationRef> Organisations, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>A person registered for their organisation (a confirmation e-mail); the actor is the person.</summary>
public sealed record AttendeeRegistered(PlatformSession Session, OrganisationRef Organisation, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record SessionHeld(PlatformSession Session, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The record is final: the minutes can be sent to whom their visibility allows.</summary>
public sealed record SessionClosed(PlatformSession Session, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The session will not take place; once convened, the invited are told.</summary>
public sealed record SessionCancelled(PlatformSession Session, PlatformSessionStatus From, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record SessionReopened(PlatformSession Session, string Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record MilestoneDone(PlatformSession Session, MilestoneKind Kind, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>What was recorded for an organisation (after a person's presence: the organisation's status then).</summary>
public sealed record AttendanceRecorded(PlatformSession Session, OrganisationRef Organisation, AttendanceStatus Status, OrganisationRef? RepresentedBy, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record DecisionRecorded(PlatformSession Session, Decision Decision, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The minutes were written or rewritten; <paramref name="OldVisibility"/> is null the first time.</summary>
public sealed record MinutesWritten(PlatformSession Session, MinutesVisibility? OldVisibility, MinutesVisibility Visibility, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CommitmentMade(Commitment Commitment, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CommitmentEdited(Commitment Commitment, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>Started, completed, dropped (with the reason) or reopened (with the reason).</summary>
public sealed record CommitmentStatusChanged(Commitment Commitment, CommitmentStatus From, CommitmentStatus To, string? Reason, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

public sealed record CommitmentUpdated(Commitment Commitment, CommitmentUpdate Update, int OldProgress, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
