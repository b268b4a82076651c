using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

/// <summary>The conclusion of a need's opportunity study.</summary>
public sealed class ConcludeNeed(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    private DateOnly Today => Format.ParisDate(clock.GetUtcNow());

    public async Task RunAsync(Guid staffId, Guid structureId, Guid id, bool positive, string? conclusion, DateOnly? concludedOn, CancellationToken cancellationToken = default)
    {
        var need = await records.FindNeedAsync(structureId, id, cancellationToken);
        need.Conclude(positive, conclusion, concludedOn, Today, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
