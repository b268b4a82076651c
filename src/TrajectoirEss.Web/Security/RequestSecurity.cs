using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// Right after authentication: a request whose session could not be checked because PostgreSQL is down is
/// answered 503 (the French error page), never served as anonymous; and a signed-in person refused a page
/// (403) or a record (404 on an existing route) is logged as a security event, by account id.
/// </summary>
internal sealed class RequestSecurity(RequestDelegate next, ILogger<RequestSecurity> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.Items.ContainsKey(SessionValidation.DatabaseUnavailableItem) && !reExecuted)
        {
            DatabaseFailures.Forget();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            return;
        }

        // Pages shown to a signed-in person hold personal data: no cache keeps a copy (ASVS 8.2.1).
        context.Response.OnStarting(() =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });

        await next(context);
        if (reExecuted || context.User.Identity?.IsAuthenticated != true || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var status = context.Response.StatusCode;
        if (status == StatusCodes.Status403Forbidden)
        {
            logger.SecurityEvent(SecurityEvents.AccessDenied, userId, $"{context.Request.Method} {context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value}");
        }
        else if (status == StatusCodes.Status404NotFound && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && !pattern.Contains("{*", StringComparison.Ordinal))
        {
            logger.SecurityEvent(SecurityEvents.RecordNotFound, userId, $"{context.Request.Method} {pattern}");
        }
    }
}
