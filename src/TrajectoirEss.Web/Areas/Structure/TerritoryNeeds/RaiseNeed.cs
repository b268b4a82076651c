using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

/// <summary>A territory's need, raised in the structure's révélateur: its opportunity study begins.</summary>
public sealed class RaiseNeed(TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    private DateOnly Today => Format.ParisDate(clock.GetUtcNow());

    public async Task<TerritoryNeed> RunAsync(Guid staffId, Guid structureId, TerritoryNeedInput input, string? communeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var revelateur = await db.Programmes.FirstOrDefaultAsync(p => p.StructureId == structureId && p.Type == ProgrammeType.Revelateur && p.IsActive, cancellationToken)
            ?? throw new DomainException("Votre structure ne porte pas de révélateur.");
        var need = TerritoryNeed.Raise(revelateur, input.Title, input.Description, input.RaisedBy, input.RaisedOn, communeCode, Today, staffId, clock.GetUtcNow());
        db.TerritoryNeeds.Add(need);
        await changes.SaveAsync(cancellationToken);
        return need;
    }
}

/// <summary>What the staff typed about a territory's need.</summary>
public sealed record TerritoryNeedInput(string? Title, string? Description, string? RaisedBy, DateOnly? RaisedOn);
