using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>
/// What the audit trail says of the coordinators' changes to the bodies and the sessions: one line per event, saved
/// with the change. (A member's registration and the commitments are written by their own features.)
/// </summary>
public sealed class PlatformAuditHandlers(Audit audit) :
    IDomainEventHandler<BodyCreated>,
    IDomainEventHandler<MembershipAdded>,
    IDomainEventHandler<MembershipEnded>,
    IDomainEventHandler<RepresentativeNamed>,
    IDomainEventHandler<RepresentativeEnded>,
    IDomainEventHandler<PlatformSessionPlanned>,
    IDomainEventHandler<PlatformSessionRescheduled>,
    IDomainEventHandler<OrganisationsInvited>,
    IDomainEventHandler<SessionConvened>,
    IDomainEventHandler<SessionHeld>,
    IDomainEventHandler<SessionClosed>,
    IDomainEventHandler<SessionCancelled>,
    IDomainEventHandler<SessionReopened>,
    IDomainEventHandler<MilestoneDone>,
    IDomainEventHandler<AttendanceRecorded>,
    IDomainEventHandler<DecisionRecorded>,
    IDomainEventHandler<MinutesWritten>
{
    public const string BodyEntity = "PlatformBody";
    public const string SessionEntity = "PlatformSession";

    public Task HandleAsync(BodyCreated e, CancellationToken cancellationToken) =>
        OnBody(e.ActorId, e.Body, "Instance créée", ("Nom", null, e.Body.Name), ("Type", null, e.Body.Kind.Label()));

    public Task HandleAsync(MembershipAdded e, CancellationToken cancellationToken) =>
        OnBody(e.ActorId, e.Body, "Membre ajouté", ("Organisation", null, PlatformDirectory.Key(e.Membership.Organisation)), ("Collège", null, e.Membership.College.Label()), ("Depuis le", null, e.Membership.From));

    public Task HandleAsync(MembershipEnded e, CancellationToken cancellationToken) =>
        OnBody(e.ActorId, e.Body, "Adhésion terminée", ("Organisation", null, PlatformDirectory.Key(e.Membership.Organisation)), ("Jusqu'au", null, e.Membership.To));

    public Task HandleAsync(RepresentativeNamed e, CancellationToken cancellationToken) =>
        OnBody(e.ActorId, e.Body, "Représentant nommé", ("Organisation", null, PlatformDirectory.Key(e.Membership.Organisation)), ("Compte", null, e.Representative.UserId), ("Rôle", null, e.Representative.Role));

    public Task HandleAsync(RepresentativeEnded e, CancellationToken cancellationToken) =>
        OnBody(e.ActorId, e.Body, "Représentation terminée", ("Organisation", null, PlatformDirectory.Key(e.Membership.Organisation)), ("Compte", null, e.Representative.UserId), ("Jusqu'au", null, e.Representative.To));

    public Task HandleAsync(PlatformSessionPlanned e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Séance planifiée", ("Date", null, Format.DateTime(e.Session.StartsAt)), ("Semestre", null, e.Session.Semester.Label));

    public Task HandleAsync(PlatformSessionRescheduled e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Séance déplacée", ("Date", Format.DateTime(e.OldStartsAt), Format.DateTime(e.Session.StartsAt)));

    public Task HandleAsync(OrganisationsInvited e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Membres invités", ("Organisations invitées", null, e.Organisations.Count));

    public Task HandleAsync(SessionConvened e, CancellationToken cancellationToken) => Moved(e.ActorId, e.Session, "Séance convoquée");

    public Task HandleAsync(SessionHeld e, CancellationToken cancellationToken) => Moved(e.ActorId, e.Session, "Séance tenue");

    public Task HandleAsync(SessionClosed e, CancellationToken cancellationToken) => Moved(e.ActorId, e.Session, "Séance close");

    public Task HandleAsync(SessionCancelled e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Séance annulée", ("Statut", e.From.Label(), e.Session.Status.Label()), ("Motif", null, e.Reason));

    public Task HandleAsync(SessionReopened e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Séance rouverte", ("Statut", PlatformSessionStatus.Closed.Label(), e.Session.Status.Label()), ("Motif", null, e.Reason));

    public Task HandleAsync(MilestoneDone e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Étape de préparation faite", ("Étape", null, e.Kind.Label()));

    public Task HandleAsync(AttendanceRecorded e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Présence notée", ("Organisation", null, PlatformDirectory.Key(e.Organisation)), ("Présence", null, e.Status.Label()));

    public Task HandleAsync(DecisionRecorded e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Décision notée", ("Décision", null, e.Decision.Id));

    public Task HandleAsync(MinutesWritten e, CancellationToken cancellationToken) =>
        OnSession(e.ActorId, e.Session, "Compte rendu rédigé", ("Lisible par", e.OldVisibility?.Label(), e.Visibility.Label()));

    private Task Moved(Guid actorId, PlatformSession session, string action) =>
        OnSession(actorId, session, action, ("Statut", null, session.Status.Label()));

    private Task OnBody(Guid actorId, Body body, string action, params (string Field, object? Old, object? New)[] changes)
    {
        audit.Record(actorId, BodyEntity, body.Id, action, changes);
        return Task.CompletedTask;
    }

    private Task OnSession(Guid actorId, PlatformSession session, string action, params (string Field, object? Old, object? New)[] changes)
    {
        audit.Record(actorId, SessionEntity, session.Id, action, changes);
        return Task.CompletedTask;
    }
}
