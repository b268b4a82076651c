using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Journal;

public sealed class JournalFilter
{
    [StringLength(60)]
    public string? Type { get; set; }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;
}

public sealed record JournalLine(DateTimeOffset At, string Actor, string EntityType, string Subject, string? Link, string Action, string? Changes);

public sealed record JournalPage(JournalFilter Filter, IReadOnlyList<JournalLine> Lines, Paging Paging);

/// <summary>The journal of administrative changes: who changed what, when, old → new.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/journal")]
public sealed class JournalController(TrajectoirEssDbContext db, IOptions<WorkspaceOptions> workspace) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(JournalFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || (filter.Type is not null && !AdminEntities.All.Contains(filter.Type)))
        {
            throw new DomainException("Le filtre demandé n'est pas valide : revenez au journal et choisissez le type dans la liste.");
        }

        var types = filter.Type is null ? AdminEntities.All : [filter.Type];
        var query = db.AuditEntries.AsNoTracking().Where(a => types.Contains(a.EntityType));
        var total = await query.CountAsync(cancellationToken);
        var pageSize = workspace.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(filter.Page, total, pageSize);
        var entries = await (from a in query
                             join u in db.Users on a.ActorId equals u.Id into withActor
                             from u in withActor.DefaultIfEmpty()
                             orderby a.At descending, a.Id descending
                             select new { a.At, Actor = u == null ? "—" : u.DisplayName, a.EntityType, a.EntityId, a.Action, a.Changes })
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        var ids = entries.Select(e => e.EntityId).Distinct().ToList();
        var names = new Dictionary<(string, Guid), string>();
        foreach (var user in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.Account, user.Id)] = $"{user.DisplayName} ({user.Email})";
        }

        foreach (var pole in await db.Poles.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.Pole, pole.Id)] = pole.Name;
        }

        foreach (var structure in await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.Structure, structure.Id)] = structure.Name;
        }

        foreach (var programme in await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.Programme, programme.Id)] = programme.Name;
        }

        foreach (var authority in await db.PublicAuthorities.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.PublicAuthority, authority.Id)] = authority.Name;
        }

        foreach (var item in await db.ListItems.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Label }).ToListAsync(cancellationToken))
        {
            names[(AdminEntities.ListItem, item.Id)] = item.Label;
        }

        var lines = entries.Select(e => new JournalLine(
            e.At, e.Actor, AdminEntities.Label(e.EntityType),
            e.EntityType == AdminEntities.ReferenceData ? "Communes et intercommunalités" : names.GetValueOrDefault((e.EntityType, e.EntityId), "—"),
            LinkTo(e.EntityType, e.EntityId), e.Action, e.Changes)).ToList();
        filter.Page = page;
        return View(new JournalPage(filter, lines, new Paging(page, pageCount, total, n => $"/admin/journal?page={n}" + (filter.Type is null ? string.Empty : "&type=" + filter.Type))));
    }

    private static string? LinkTo(string entityType, Guid id) => entityType switch
    {
        AdminEntities.Account => $"/admin/comptes/{id}",
        AdminEntities.Pole => $"/admin/poles/{id}",
        AdminEntities.Structure => $"/admin/structures/{id}",
        AdminEntities.Programme => $"/admin/programmes/{id}",
        AdminEntities.PublicAuthority => $"/admin/autorites/{id}",
        AdminEntities.ReferenceData => "/admin/referentiel",
        _ => null,
    };
}
