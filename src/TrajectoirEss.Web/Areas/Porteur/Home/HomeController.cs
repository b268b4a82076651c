using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Porteur.Home;

[Area("Porteur")]
[Authorize(Policy = Policies.Porteur)]
[Route("porteur")]
public sealed class HomeController(ProjectQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.ListAsync(User.GetUserId(), cancellationToken));
}
