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
    public IActionResult Status(int code)
    {
        // Re-executed requests keep their status; a direct visit shows the page with that status, within range.
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
