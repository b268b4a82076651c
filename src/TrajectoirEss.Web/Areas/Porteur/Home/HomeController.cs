using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Porteur.Home;

[Area("Porteur")]
[Authorize(Policy = Policies.Porteur)]
[Route("porteur")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
