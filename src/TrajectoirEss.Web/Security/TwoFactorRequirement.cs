using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// Staff (pôles, structures), coordinators and administrators see personal data of many people, and public
/// partners the programme's figures before they are published: outside demo mode they must turn on
/// two-factor authentication. Until they do, every page sends them to the
/// set-up page (and every other request is refused), whatever their session.
/// </summary>
internal sealed class TwoFactorRequirement(RequestDelegate next, IOptions<SecurityOptions> security, IOptions<PortalOptions> portal)
{
    public const string SetupPath = "/compte/securite/activer";

    private static readonly string[] Allowed = ["/compte/securite", "/compte/deconnexion", "/erreur", "/health"];

    /// <summary>Whether this person must have two-factor authentication on, with these settings.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user, SecurityOptions security, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(portal);
        return security.RequireTwoFactorForStaff && !portal.DemoMode
            && (user.IsInRole(Roles.PoleStaff) || user.IsInRole(Roles.StructureStaff) || user.IsInRole(Roles.Coordinator)
                || user.IsInRole(Roles.PublicPartner) || user.IsInRole(Roles.Admin));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true
            || !IsRequiredFor(context.User, security.Value, portal.Value)
            || context.Items[SessionValidation.TwoFactorEnabledItem] is true
            || Allowed.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(SetupPath);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
