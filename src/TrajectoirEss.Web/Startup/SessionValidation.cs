using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// Checks the session cookie on every request: an account disabled by an administrator, deleted, or
/// whose security stamp changed (new role, new password, logout elsewhere) loses its sessions at once, on
/// every device and every instance, instead of when the cookie expires; and a session ends
/// <see cref="SecurityOptions.SessionAbsoluteHours"/> after its login whatever the activity (the idle
/// limit is the cookie's sliding expiry). The account's state is a primary-key lookup, kept in
/// <see cref="SessionAccountCache"/> between requests while the database notifies every change of it.
/// </summary>
internal static class SessionValidation
{
    /// <summary>The login time, kept in the (encrypted) ticket; renewals and refreshes keep it.</summary>
    public const string SessionStartedKey = "trajectoiress.session-started";

    /// <summary>HttpContext item: whether the signed-in account has two-factor authentication on.</summary>
    public const string TwoFactorEnabledItem = "trajectoiress.2fa-enabled";

    /// <summary>HttpContext item: the session could not be checked because PostgreSQL does not answer.</summary>
    public const string DatabaseUnavailableItem = "trajectoiress.database-unavailable";

    /// <summary>The account's state a session depends on, read on every signed-in request (compiled once).</summary>
    private static readonly Func<TrajectoirEssDbContext, Guid, CancellationToken, Task<SessionAccount?>> AccountQuery =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid userId, CancellationToken cancellationToken) =>
            db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new SessionAccount(u.IsDisabled, u.DeletedAt, u.SecurityStamp, u.TwoFactorEnabled))
                .SingleOrDefault());

    public static Task OnSigningInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(SessionStartedKey, now.ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        try
        {
            // Identity's own check (every SecurityStampValidatorOptions.ValidationInterval) refreshes the claims.
            await SecurityStampValidator.ValidatePrincipalAsync(context);
            if (context.Principal is not { Identity.IsAuthenticated: true } principal
                || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                return;
            }

            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidation));
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var absolute = TimeSpan.FromHours(services.GetRequiredService<IOptions<SecurityOptions>>().Value.SessionAbsoluteHours);
            if (!context.Properties.Items.TryGetValue(SessionStartedKey, out var startedText)
                || !DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started)
                || now - started > absolute || started > now.AddMinutes(5))
            {
                logger.SecurityEvent(SecurityEvents.SessionExpired, userId, "absolute lifetime reached");
                await RejectAsync(context);
                return;
            }

            var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var cache = services.GetRequiredService<SessionAccountCache>();
            if (!cache.TryGet(userId, out var account))
            {
                var generation = cache.Generation;
                account = await AccountQuery(services.GetRequiredService<TrajectoirEssDbContext>(), userId, context.HttpContext.RequestAborted);
                if (account is not null)
                {
                    cache.Store(userId, account, generation);
                }
            }

            if (account is null || account.IsDisabled || account.DeletedAt is not null || account.SecurityStamp != principal.FindFirstValue(stampClaim))
            {
                logger.SecurityEvent(SecurityEvents.SessionRevoked, userId, account is null || account.DeletedAt is not null ? "account deleted" : account.IsDisabled ? "account disabled" : "security stamp changed");
                await RejectAsync(context);
                return;
            }

            context.HttpContext.Items[TwoFactorEnabledItem] = account.TwoFactorEnabled;
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // Fail closed: the request goes on as anonymous and is answered 503; the cookie is kept for later.
            context.RejectPrincipal();
            context.HttpContext.Items[DatabaseUnavailableItem] = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
