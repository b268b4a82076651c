using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Home;

/// <summary>The regional view: aggregates only, never a person.</summary>
[Area("Coordination")]
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/territoire")]
public sealed class HomeController(TrajectoirEssDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // Population and communes per pôle, computed in SQL (commune → EPCI → pôle, or the commune's own pôle).
        var perCommune = from c in db.Communes
                         join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
                         from e in withEpci.DefaultIfEmpty()
                         select new { PoleId = c.PoleId ?? e.PoleId, c.Population };
        var totals = await perCommune.GroupBy(x => x.PoleId)
            .Select(g => new { PoleId = g.Key, Communes = g.Count(), Population = g.Sum(x => x.Population) })
            .ToListAsync(cancellationToken);
        var poles = await db.Poles.AsNoTracking().OrderBy(p => p.DepartementCode).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.DepartementCode, p.PerimeterVerified })
            .ToListAsync(cancellationToken);

        var lines = poles.Select(p =>
        {
            var total = totals.SingleOrDefault(t => t.PoleId == p.Id);
            return new PoleLine(p.Name, p.DepartementCode, total?.Communes ?? 0, total?.Population ?? 0, p.PerimeterVerified);
        }).ToList();
        var uncovered = totals.SingleOrDefault(t => t.PoleId is null)?.Communes ?? 0;
        return View(new CoordinationHomeViewModel(lines, uncovered));
    }
}

public sealed record CoordinationHomeViewModel(IReadOnlyList<PoleLine> Poles, int UncoveredCommunes);

public sealed record PoleLine(string Name, string Departement, int Communes, int Population, bool PerimeterVerified);
