using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Startup;

internal static class PortalPipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        app.UseSecurityHeaders(policies => policies
            .AddDefaultSecurityHeaders()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().None();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddCamera().None();
                permissions.AddMicrophone().None();
                permissions.AddGeolocation().None();
                permissions.AddPayment().None();
            }));

        app.UseCookiePolicy();

        // The same pages in every environment, Development included: the demo (scripts/run.sh) shows what people
        // will see, never a developer page with a stack trace. PostgreSQL unreachable or restarting: 503 ("come back
        // in a moment"), anything else 500; the French page either way, the exception in the log.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur/500",
            StatusCodeSelector = exception => DatabaseFailures.IsUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging(options =>
        {
            // The app's logger (its configured levels, format and sinks); by default the middleware writes to the static
            // start-up logger, a plain console that ignores the configuration.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();

            // A request given up by the user (a tab closed while the page was computed) is not a failure of the portal.
            options.GetLevel = (context, _, exception) =>
                IsGivenUp(context, exception) ? LogEventLevel.Information
                : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (context.RequestAborted.IsCancellationRequested)
                {
                    diagnostics.Set("ClientAborted", true);
                }
            };
        });

        // Control characters, invalid UTF-8 and oversized forms are refused before anything binds them.
        app.UseMiddleware<InputGuard>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RequestSecurity>();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorRequirement>();
        app.UseRateLimiter();
        return app;
    }

    private static bool IsGivenUp(HttpContext context, Exception? exception) =>
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested;
}
