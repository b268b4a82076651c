using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// Checks the session cookie on every request: an account disabled by an administrator, deleted, or
/// whose security stamp changed (new role, new password) loses its sessions at once, on every device
/// and every instance, instead of when the cookie expires. One primary-key lookup per signed-in request.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        // Identity's own check (every SecurityStampValidatorOptions.ValidationInterval) refreshes the claims.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { Identity.IsAuthenticated: true } principal
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var db = services.GetRequiredService<TrajectoirEssDbContext>();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsDisabled, u.DeletedAt, u.SecurityStamp })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.IsDisabled || account.DeletedAt is not null || account.SecurityStamp != principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
