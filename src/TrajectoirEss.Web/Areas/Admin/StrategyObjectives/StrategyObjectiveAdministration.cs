using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.StrategyObjectives;

/// <summary>
/// The axes and objectives of the regional ESS strategy that commitments serve, as administrators keep them. Never
/// deleted (commitments point at them): an objective no longer pursued is deactivated, no longer offered.
/// </summary>
public sealed class StrategyObjectiveAdministration(TrajectoirEssDbContext db, AdminAudit audit, ILogger<StrategyObjectiveAdministration> logger)
{
    /// <summary>Every objective, by axis then code (a short list: the strategy has a few axes of a few objectives).</summary>
    public async Task<IReadOnlyList<StrategyObjectiveLine>> ListAsync(CancellationToken cancellationToken) =>
        await db.StrategyObjectives.AsNoTracking()
            .OrderBy(o => o.AxisCode).ThenBy(o => o.Code)
            .Select(o => new StrategyObjectiveLine(o.Id, o.AxisCode, o.AxisLabel, o.Code, o.Label, o.IsActive, db.Commitments.Count(c => c.ObjectiveId == o.Id)))
            .ToListAsync(cancellationToken);

    public async Task<Guid> CreateAsync(Guid actorId, StrategyObjectiveInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var existing = await db.StrategyObjectives.AsNoTracking().ToListAsync(cancellationToken);
        var objective = StrategyObjective.Create(Guid.CreateVersion7(), input.AxisCode, input.AxisLabel, input.Code, input.Label, existing);
        db.StrategyObjectives.Add(objective);
        audit.Record(actorId, AdminEntities.StrategyObjective, objective.Id, "Objectif de la stratégie créé",
            [.. StrategyObjectiveInput.From(objective).Describe().Select(d => (d.Label, (object?)null, (object?)d.Value))]);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Strategy objective {ObjectiveId} created by {ActorId}", objective.Id, actorId);
        return objective.Id;
    }

    public async Task<StrategyObjectiveEditPage?> EditPageAsync(Guid id, StrategyObjectiveInput? typed, CancellationToken cancellationToken)
    {
        var objective = await db.StrategyObjectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return objective is null
            ? null
            : new StrategyObjectiveEditPage
            {
                Id = id,
                Title = objective.Title,
                IsActive = objective.IsActive,
                Commitments = await db.Commitments.CountAsync(c => c.ObjectiveId == id, cancellationToken),
                Input = typed ?? StrategyObjectiveInput.From(objective),
                History = await audit.HistoryAsync(AdminEntities.StrategyObjective, id, cancellationToken),
            };
    }

    /// <summary>Changes the axis, code and labels; false when nothing changed.</summary>
    public async Task<bool> UpdateAsync(Guid actorId, Guid id, StrategyObjectiveInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var objective = await db.StrategyObjectives.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        var others = await db.StrategyObjectives.AsNoTracking().Where(o => o.Id != id).ToListAsync(cancellationToken);
        var before = StrategyObjectiveInput.From(objective).Describe();
        objective.Edit(input.AxisCode, input.AxisLabel, input.Code, input.Label, others);
        var changes = before.Zip(StrategyObjectiveInput.From(objective).Describe(), (b, a) => (b.Label, (object?)b.Value, (object?)a.Value)).ToArray();
        if (!audit.RecordChanges(actorId, AdminEntities.StrategyObjective, id, "Objectif de la stratégie modifié", changes))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task SetActiveAsync(Guid actorId, Guid id, bool active, CancellationToken cancellationToken)
    {
        var objective = await db.StrategyObjectives.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (objective.IsActive == active)
        {
            return;
        }

        if (active)
        {
            objective.Activate();
        }
        else
        {
            objective.Deactivate();
        }

        audit.Record(actorId, AdminEntities.StrategyObjective, id, active ? "Objectif de la stratégie réactivé" : "Objectif de la stratégie désactivé", ("Actif", AdminAudit.YesNo(!active), AdminAudit.YesNo(active)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
