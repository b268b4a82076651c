using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Home;

[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class HomeController(TrajectoirEssDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var accounts = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              group ur by r.Name into g
                              select new AccountCount(g.Key!, g.Count()))
            .ToListAsync(cancellationToken);
        var counts = new ReferenceCounts(
            await db.Poles.CountAsync(cancellationToken),
            await db.Epcis.CountAsync(cancellationToken),
            await db.Communes.CountAsync(cancellationToken),
            await db.Structures.CountAsync(cancellationToken),
            await db.Programmes.CountAsync(cancellationToken));
        var givenUpEmails = await db.OutboxMessages.CountAsync(m => m.FailedAt != null, cancellationToken);
        return View(new AdminHomeViewModel(accounts, counts, givenUpEmails));
    }
}

public sealed record AdminHomeViewModel(IReadOnlyList<AccountCount> Accounts, ReferenceCounts Reference, int GivenUpEmails);

public sealed record AccountCount(string Role, int Count);

public sealed record ReferenceCounts(int Poles, int Epcis, int Communes, int Structures, int Programmes);
