using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>
/// A number that changes whenever this instance saves a pôle, structure, programme, list item, EPCI or commune: caches
/// of reference data include it in their key, so an edit shows at once here, and within the cache's
/// lifetime on other instances.
/// </summary>
public sealed class ReferenceDataVersion
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>Bumps <see cref="ReferenceDataVersion"/> after a save that touched reference data.</summary>
internal sealed class ReferenceDataChangeInterceptor(ReferenceDataVersion version) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context?.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is Pole or Structure or Programme or ListItem or Epci or Commune) == true)
        {
            version.Bump();
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
