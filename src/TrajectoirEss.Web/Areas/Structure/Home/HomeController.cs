using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure.Home;

[Area("Structure")]
[Authorize(Policy = Policies.Structure)]
[Route("structure/programmes")]
public sealed class HomeController(TrajectoirEssDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var structureId = User.GetStructureId();
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId)
            .Select(s => new { s.Name, s.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (structure is null)
        {
            return NotFound();
        }

        var programmes = await db.Programmes.AsNoTracking().Where(p => p.StructureId == structureId)
            .OrderBy(p => p.Type)
            .Select(p => new ProgrammeLine(p.Name, p.Type, p.Category, p.IsActive))
            .ToListAsync(cancellationToken);
        return View(new StructureHomeViewModel(structure.Name, structure.Kind, programmes));
    }
}

public sealed record StructureHomeViewModel(string Name, StructureKind Kind, IReadOnlyList<ProgrammeLine> Programmes);

public sealed record ProgrammeLine(string Name, ProgrammeType Type, SupportCategory Category, bool IsActive);
