using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    [HttpGet("/donnees-personnelles")]
    public IActionResult PersonalData() => View();

    /// <summary>The coordination platform for the public: what it is, its public minutes, the commitments and where they stand.</summary>
    [HttpGet("/plateforme-de-coordination")]
    public async Task<IActionResult> CoordinationPlatform(PublicPlatformQuery query, [FromServices] PublicPlatform platform, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            query = new PublicPlatformQuery();
        }

        return View(await platform.PageAsync(query, cancellationToken));
    }

    [HttpGet("/accessibilite")]
    public IActionResult Accessibility([FromServices] IOptions<PortalOptions> portal) => View(new AccessibilityPage(portal.Value.ContactEmail));
}

/// <summary>The accessibility statement: what it needs from the settings.</summary>
public sealed record AccessibilityPage(string ContactEmail);
