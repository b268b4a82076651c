using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Errors;

/// <summary>The pages shown for an error status (re-executed by the status code pages middleware) or an exception.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorsController : Controller
{
    [Route("/erreur/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // Re-executed requests keep their status; a direct visit shows the page with that status, within range.
        // The code is read from the route, with no model binding: the re-executed request may be a POST whose
        // form cannot be read (cut short, too large), and binding would read it again (and answer 404 for any code).
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
        var status = code is >= 400 and <= 599 ? code : 404;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            status = StatusCodes.Status500InternalServerError;
            if (DatabaseFailures.IsUnavailable(error))
            {
                // The server went away: drop the dead pooled connections so recovery is immediate once it is back.
                DatabaseFailures.Forget();
                status = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "30";
            }
        }

        Response.StatusCode = status;
        return View("Status", status);
    }
}
