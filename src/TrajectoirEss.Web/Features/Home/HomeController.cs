using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TrajectoirEss.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    [HttpGet("/donnees-personnelles")]
    public IActionResult PersonalData() => View();

    [HttpGet("/accessibilite")]
    public IActionResult Accessibility() => View();
}
