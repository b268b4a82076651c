using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// The names the audit lines and the e-mails of one change say (a programme, a pôle), read from the database once
/// per request: the audit handler and the notification handler of the same event share them.
/// </summary>
public sealed class RecordNames(TrajectoirEssDbContext db)
{
    private readonly Dictionary<Guid, string?> _programmes = [];
    private readonly Dictionary<Guid, string?> _poles = [];
    private readonly Dictionary<Guid, string?> _structures = [];

    public async Task<string?> StructureAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_structures.TryGetValue(id, out var name))
        {
            name = await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
            _structures[id] = name;
        }

        return name;
    }

    public async Task<string?> ProgrammeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_programmes.TryGetValue(id, out var name))
        {
            name = await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            _programmes[id] = name;
        }

        return name;
    }

    public async Task<string?> PoleAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } pole)
        {
            return null;
        }

        if (!_poles.TryGetValue(pole, out var name))
        {
            name = await db.Poles.AsNoTracking().Where(p => p.Id == pole).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            _poles[pole] = name;
        }

        return name;
    }
}
