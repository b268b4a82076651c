using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    [HttpGet("/donnees-personnelles")]
    public IActionResult PersonalData() => View();

    [HttpGet("/accessibilite")]
    public IActionResult Accessibility([FromServices] IOptions<PortalOptions> portal) => View(new AccessibilityPage(portal.Value.ContactEmail));
}

/// <summary>The accessibility statement: what it needs from the settings.</summary>
public sealed record AccessibilityPage(string ContactEmail);
