using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Financing;

/// <summary>A payment of a granted financing.</summary>
public sealed class AddPayment(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    private DateOnly Today => Format.ParisDate(clock.GetUtcNow());

    public async Task RunAsync(Guid staffId, Guid structureId, Guid id, DateOnly? paidOn, decimal? amount, CancellationToken cancellationToken = default)
    {
        var application = await records.FindFinancingAsync(structureId, id, cancellationToken);
        application.AddPayment(paidOn, amount, Today, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
