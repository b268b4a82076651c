using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrajectoirEss.Web.Security;

/// <summary>One limit: so many requests per window for one account, and for one client address.</summary>
public sealed class RateLimitRule
{
    [Range(1, 100_000)]
    public int PerAccount { get; set; }

    [Range(1, 100_000)]
    public int PerAddress { get; set; }

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; }
}

/// <summary>
/// Section "RateLimiting": the sensitive actions are limited per account (the signed-in account, else the one
/// the form names: the e-mail typed, or the account of a link) and per client address, each in a fixed window.
/// The per-account limits stop guessing; the per-address ones stop spraying many accounts, and are sized for an
/// office or a workshop behind one address (a pôle's onboarding day, a registration session on one Wi-Fi).
/// Behind a reverse proxy, the client address comes from X-Forwarded-For, believed from the configured proxies
/// only (<see cref="Startup.ForwardedHeadersSettings"/>).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    [Required]
    public RateLimitRule Login { get; set; } = new() { PerAccount = 10, PerAddress = 100, WindowSeconds = 300 };

    [Required]
    public RateLimitRule Registration { get; set; } = new() { PerAccount = 5, PerAddress = 300, WindowSeconds = 3600 };

    /// <summary>Asking for an e-mail with a link: a forgotten password, a new confirmation link.</summary>
    [Required]
    public RateLimitRule PasswordReset { get; set; } = new() { PerAccount = 5, PerAddress = 100, WindowSeconds = 3600 };

    /// <summary>Choosing a password from a link (an invitation, a reset), counted per account of the link.</summary>
    [Required]
    public RateLimitRule PasswordLink { get; set; } = new() { PerAccount = 10, PerAddress = 300, WindowSeconds = 3600 };

    [Required]
    public RateLimitRule IdeaSubmission { get; set; } = new() { PerAccount = 30, PerAddress = 300, WindowSeconds = 3600 };

    [Required]
    public RateLimitRule Communes { get; set; } = new() { PerAccount = 300, PerAddress = 1200, WindowSeconds = 60 };

    public RateLimitRule For(string policy) => policy switch
    {
        RateLimits.Login => Login,
        RateLimits.Registration => Registration,
        RateLimits.PasswordReset => PasswordReset,
        RateLimits.PasswordLink => PasswordLink,
        RateLimits.IdeaSubmission => IdeaSubmission,
        RateLimits.Communes => Communes,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limiting policy."),
    };
}

/// <summary>The policies, named on the actions with [EnableRateLimiting(RateLimits.…)].</summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string PasswordLink = "password-link";
    public const string IdeaSubmission = "idea-submission";
    public const string Communes = "communes";

    public static IReadOnlyList<string> All { get; } = [Login, Registration, PasswordReset, PasswordLink, IdeaSubmission, Communes];

    /// <summary>HttpContext item: how many seconds a refused request must wait, which the 429 page says.</summary>
    public const string RetryAfterItem = "trajectoiress.retry-after";

    /// <summary>
    /// Two limiters per request: the global one counts per client address, the endpoint's policy per
    /// account; both must allow it. A refusal is a 429 with Retry-After (the French error page, or a
    /// problem document for the API).
    /// </summary>
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                return !limits.Enabled || policy is null
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : Window($"{policy}|address|{Address(http)}", limits.For(policy).PerAddress, limits.For(policy).WindowSeconds);
            });
            foreach (var policy in All)
            {
                options.AddPolicy(policy, http => !limits.Enabled
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : Window($"{policy}|account|{Account(policy, http)}", limits.For(policy).PerAccount, limits.For(policy).WindowSeconds));
            }
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The account a request is about: the signed-in account, else the e-mail typed, else the account of the link
    /// followed (its id, in the form of an invitation or a reset), else the pending second-factor login, else the address.
    /// </summary>
    private static string Account(string policy, HttpContext http)
    {
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId)
        {
            return "user:" + userId;
        }

        // The form was read by InputGuard, so this does not block.
        if (http.Request.HasFormContentType && http.Request.Form.TryGetValue("Email", out var email) && !string.IsNullOrWhiteSpace(email))
        {
            return "email:" + email.ToString().Trim().ToUpperInvariant();
        }

        if (http.Request.HasFormContentType && http.Request.Form.TryGetValue("UserId", out var linkUser) && Guid.TryParse(linkUser, out var linkUserId))
        {
            return "link:" + linkUserId.ToString("N");
        }

        if (policy == Login && http.Request.Cookies.TryGetValue(PortalCookies.TwoFactor, out var pending))
        {
            return "2fa:" + string.GetHashCode(pending, StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture);
        }

        return "address:" + Address(http);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = Math.Max(1, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        // For the French page (re-executed by the status code pages): "Réessayez dans 1 heure".
        http.Items[RetryAfterItem] = seconds;
        var userId = Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
            .SecurityEvent(SecurityEvents.RateLimited, userId, $"{http.Request.Method} {http.Request.Path}");
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await http.Response.WriteAsJsonAsync(
                new { title = "Trop de demandes", status = StatusCodes.Status429TooManyRequests, detail = $"Trop de demandes en peu de temps : réessayez dans {Features.Shared.Format.Wait(seconds)}." },
                cancellationToken);
        }

        // Otherwise the status code pages render the French page.
    }
}
