using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// The one check that a value typed or posted for an editable list (sector, legal form, reason…) exists and is
/// active: a deactivated value stays on the records that have it, but nobody can choose it any more.
/// </summary>
public sealed class ListValues(TrajectoirEssDbContext db)
{
    public Task<bool> IsActiveAsync(ListKind kind, string? code, CancellationToken cancellationToken = default) =>
        code is null ? Task.FromResult(false) : db.ListItems.AnyAsync(i => i.Kind == kind && i.Code == code && i.IsActive, cancellationToken);

    /// <summary>The label of the active value; otherwise a <see cref="DomainException"/> with <paramref name="message"/>.</summary>
    public async Task<string> RequireActiveAsync(ListKind kind, string? code, string message, CancellationToken cancellationToken = default) =>
        (code is null ? null : await db.ListItems.AsNoTracking().Where(i => i.Kind == kind && i.Code == code && i.IsActive).Select(i => i.Label).SingleOrDefaultAsync(cancellationToken))
        ?? throw new DomainException(message);
}
