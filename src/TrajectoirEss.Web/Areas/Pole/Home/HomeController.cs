using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Pole.Home;

[Area("Pole")]
[Authorize(Policy = Policies.Pole)]
[Route("pole/territoire")]
public sealed class HomeController(TrajectoirEssDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var poleId = User.GetPoleId();
        var pole = await db.Poles.AsNoTracking().Where(p => p.Id == poleId)
            .Select(p => new PoleHomeViewModel(p.Name, p.Seat, p.PerimeterVerified, p.NameVerified, p.SeatVerified))
            .SingleOrDefaultAsync(cancellationToken);
        if (pole is null)
        {
            return NotFound();
        }

        pole.Epcis = await db.Epcis.AsNoTracking().Where(e => e.PoleId == poleId)
            .OrderBy(e => e.Name)
            .Select(e => new EpciLine(e.Name, db.Communes.Count(c => c.EpciSiren == e.Siren), db.Communes.Where(c => c.EpciSiren == e.Siren).Sum(c => c.Population)))
            .ToListAsync(cancellationToken);
        return View(pole);
    }
}

public sealed record PoleHomeViewModel(string Name, string? Seat, bool PerimeterVerified, bool NameVerified, bool SeatVerified)
{
    public IReadOnlyList<EpciLine> Epcis { get; set; } = [];
}

public sealed record EpciLine(string Name, int Communes, int Population);
