using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>
/// What the audit trail says of the frame's life: a version drafted, its status changed (consultation opened,
/// adopted, replaced), a contribution posted by an organisation, a contribution answered. One line per event, saved
/// with the change; a contribution's text is not copied (the frame keeps it), its organisation is named by its key.
/// </summary>
public sealed class FrameAuditHandlers(Audit audit) :
    IDomainEventHandler<ReferentialDrafted>,
    IDomainEventHandler<ReferentialStatusChanged>,
    IDomainEventHandler<ConsultationCommentPosted>,
    IDomainEventHandler<ConsultationCommentAnswered>
{
    public const string ReferentialEntity = "Referential";

    public Task HandleAsync(ReferentialDrafted e, CancellationToken cancellationToken) =>
        Record(e.ActorId, e.Referential, "Version du référentiel commencée", ("Version", null, e.Referential.VersionNumber), ("Titre", null, e.Referential.Title), ("Version précédente", null, e.Referential.PreviousVersionId));

    public Task HandleAsync(ReferentialStatusChanged e, CancellationToken cancellationToken) =>
        Record(e.ActorId, e.Referential, e.To switch
        {
            ReferentialStatus.UnderConsultation => "Consultation ouverte",
            ReferentialStatus.Adopted => "Référentiel adopté",
            ReferentialStatus.Replaced => "Référentiel remplacé",
            _ => "Statut du référentiel changé",
        },
        ("Statut", e.From.Label(), e.To.Label()),
        ("Adopté le", null, e.To == ReferentialStatus.Adopted ? e.Referential.Adoption?.AdoptedOn : null),
        ("Séance", null, e.To == ReferentialStatus.Adopted ? e.Referential.Adoption?.SessionId : null),
        ("Instance", null, e.To == ReferentialStatus.Adopted ? e.Referential.Adoption?.BodyName : null));

    public Task HandleAsync(ConsultationCommentPosted e, CancellationToken cancellationToken) =>
        Record(e.ActorId, e.Referential, "Contribution à la consultation", ("Contribution", null, e.Comment.Id), ("Organisation", null, PlatformDirectory.Key(e.Comment.Organisation)), ("Sur", null, e.Comment.Target.Kind.Label()));

    public Task HandleAsync(ConsultationCommentAnswered e, CancellationToken cancellationToken) =>
        Record(e.ActorId, e.Referential, "Réponse à une contribution", ("Contribution", null, e.Comment.Id), ("Suite donnée", null, e.Comment.Outcome?.Label()));

    private Task Record(Guid actorId, Referential referential, string action, params (string Field, object? Old, object? New)[] changes)
    {
        audit.Record(actorId, ReferentialEntity, referential.Id, action, [.. changes.Where(c => c.Old is not null || c.New is not null)]);
        return Task.CompletedTask;
    }
}
