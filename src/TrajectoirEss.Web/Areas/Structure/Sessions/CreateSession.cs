using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A structure creates a session (or a promotion) of one of its programmes.</summary>
public sealed class CreateSession(TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task<Session> RunAsync(Guid staffId, Guid structureId, Guid? programmeId, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId && p.StructureId == structureId, cancellationToken)
            ?? throw new DomainException("Choisissez un de vos programmes.");
        var session = Session.Create(Guid.CreateVersion7(), programme, input.Name, input.StartsOn, input.EndsOn, input.Place, input.Capacity, input.JuryOn, staffId, clock.GetUtcNow());
        db.Sessions.Add(session);
        await changes.SaveAsync(cancellationToken);
        return session;
    }
}

/// <summary>What the staff typed about a session, to create or update it.</summary>
public sealed record SessionInput(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Place, int? Capacity, DateOnly? JuryOn);
