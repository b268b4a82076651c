using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.PublicAuthorities;

/// <summary>
/// The public authorities whose staff are public partners, as administrators manage them. Nothing is deleted:
/// accounts and the journal refer to them, so they are deactivated instead (no longer offered for an account).
/// </summary>
public sealed class PublicAuthorityAdministration(TrajectoirEssDbContext db, AdminAudit audit, IOptions<WorkspaceOptions> workspace, ILogger<PublicAuthorityAdministration> logger)
{
    public async Task<PublicAuthorityListPage> ListAsync(PublicAuthorityFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.PublicAuthorities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = AdminForms.LikePattern(filter.Q);
            query = query.Where(a => EF.Functions.ILike(EF.Functions.Unaccent(a.Name), pattern, "\\"));
        }

        if (filter.Type is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageSize = workspace.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(filter.Page, total, pageSize);
        var lines = await query
            .OrderByDescending(a => a.IsActive).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new PublicAuthorityLine(a.Id, a.Name, a.Kind, a.DepartementCode, db.Users.Count(u => u.PublicAuthorityId == a.Id && u.DeletedAt == null), a.IsActive))
            .ToListAsync(cancellationToken);
        filter.Page = page;
        return new PublicAuthorityListPage(filter, lines, new Paging(page, pageCount, total, n => ListUrl(filter, n)));
    }

    public async Task<Guid> CreateAsync(Guid actorId, PublicAuthorityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var codes = await db.PublicAuthorities.Select(a => a.Code).ToListAsync(cancellationToken);
        var authority = new PublicAuthority(Guid.CreateVersion7(), Codes.Unique(ReferenceDataImporter.Slug(input.Name), codes, PublicAuthority.CodeMaxLength), input.Name, input.Kind, input.DepartementCode);
        authority.UpdateContact(input.Email, input.Website);
        await EnsureNameIsFreeAsync(authority.Name, authority.Id, cancellationToken);
        db.PublicAuthorities.Add(authority);
        audit.Record(actorId, AdminEntities.PublicAuthority, authority.Id, "Autorité publique créée",
            [.. PublicAuthorityInput.From(authority).Describe().Select(d => (d.Label, (object?)null, (object?)d.Value))]);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Public authority {PublicAuthorityId} created by {ActorId}", authority.Id, actorId);
        return authority.Id;
    }

    public async Task<PublicAuthorityEditPage?> EditPageAsync(Guid id, PublicAuthorityInput? typed, bool conflict, CancellationToken cancellationToken = default)
    {
        var authority = await db.PublicAuthorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authority is null)
        {
            return null;
        }

        var stored = PublicAuthorityInput.From(authority);
        var input = typed ?? stored;
        return new PublicAuthorityEditPage
        {
            Id = id,
            Name = authority.Name,
            IsActive = authority.IsActive,
            Accounts = await db.Users.CountAsync(u => u.PublicAuthorityId == id && u.DeletedAt == null, cancellationToken),
            Input = input,
            StoredVersion = authority.Version,
            Conflict = conflict ? stored.Describe().Zip(input.Describe(), (s, t) => new ConflictLine(s.Label, t.Value, s.Value)).Where(l => l.Typed != l.Stored).ToList() : [],
            History = await audit.HistoryAsync(AdminEntities.PublicAuthority, id, cancellationToken),
        };
    }

    public async Task<bool> UpdateAsync(Guid actorId, Guid id, PublicAuthorityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var authority = await db.PublicAuthorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        db.Entry(authority).Property(a => a.Version).OriginalValue = input.Version;
        var before = PublicAuthorityInput.From(authority).Describe();
        authority.Update(input.Name, input.Kind, input.DepartementCode);
        authority.UpdateContact(input.Email, input.Website);
        await EnsureNameIsFreeAsync(authority.Name, id, cancellationToken);
        var changes = before.Zip(PublicAuthorityInput.From(authority).Describe(), (b, a) => (b.Label, (object?)b.Value, (object?)a.Value)).ToArray();
        if (!audit.RecordChanges(actorId, AdminEntities.PublicAuthority, id, "Autorité publique modifiée", changes))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deactivates (no longer offered for an account; its accounts keep their access) or reactivates.</summary>
    public async Task SetActiveAsync(Guid actorId, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var authority = await db.PublicAuthorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (authority.IsActive == active)
        {
            return;
        }

        if (active)
        {
            authority.Activate();
        }
        else
        {
            authority.Deactivate();
        }

        audit.Record(actorId, AdminEntities.PublicAuthority, id, active ? "Autorité publique réactivée" : "Autorité publique désactivée", ("Active", AdminAudit.YesNo(!active), AdminAudit.YesNo(active)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ListUrl(PublicAuthorityFilter filter, int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = filter.Q, ["type"] = filter.Type?.ToString(), ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/autorites", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    private async Task EnsureNameIsFreeAsync(string name, Guid id, CancellationToken cancellationToken)
    {
        if (await db.PublicAuthorities.AnyAsync(a => a.Name == name && a.Id != id, cancellationToken))
        {
            throw new DomainException($"Une autorité publique s'appelle déjà « {name} ».", nameof(PublicAuthorityInput.Name));
        }
    }
}
