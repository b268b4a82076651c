using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>What the audit trail says of a campaign: its opening, each move of a declared value (who, from, to), its freeze; saved with the change.</summary>
public sealed class CampaignAuditHandlers(Audit audit) :
    IDomainEventHandler<CampaignOpened>,
    IDomainEventHandler<DeclaredValueMoved>,
    IDomainEventHandler<CampaignFrozen>
{
    public const string CampaignEntity = "EvaluationCampaign";

    public Task HandleAsync(CampaignOpened e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        audit.Record(e.ActorId, CampaignEntity, e.Campaign.Id, "Campagne ouverte", ("Année", null, e.Campaign.Year), ("Échéance", null, e.Campaign.Deadline), ("Organisations sollicitées", null, e.Campaign.Organisations.Count));
        return Task.CompletedTask;
    }

    public Task HandleAsync(DeclaredValueMoved e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        audit.Record(
            e.ActorId,
            CampaignEntity,
            e.Campaign.Id,
            "Valeur déclarée : " + e.To.Label().ToLowerInvariant(),
            ("Organisation", null, PlatformDirectory.Key(e.Value.Organisation)),
            ("Indicateur", null, e.Value.IndicatorId),
            ("Statut", e.From?.Label(), e.To.Label()),
            ("Commentaire de retour", null, e.To == DeclaredValueStatus.Returned ? e.Value.ReturnComment : null));
        return Task.CompletedTask;
    }

    public Task HandleAsync(CampaignFrozen e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        audit.Record(e.ActorId, CampaignEntity, e.Campaign.Id, "Campagne figée", ("Statut", CampaignStatus.Open.Label(), e.Campaign.Status.Label()), ("Valeurs calculées", null, e.Campaign.ComputedValues.Count));
        return Task.CompletedTask;
    }
}
