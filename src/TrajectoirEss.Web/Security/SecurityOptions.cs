using System.ComponentModel.DataAnnotations;

namespace TrajectoirEss.Web.Security;

/// <summary>Section "Security": sessions and two-factor authentication.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Pôle and structure staff, coordinators and administrators must turn on two-factor authentication
    /// before using the portal. Ignored in demo mode (the demo accounts have a published password anyway).
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>How many logins check a password at the same time (0: half the cores, at least one); the others wait.</summary>
    [Range(0, 64)]
    public int ConcurrentPasswordChecks { get; set; }

    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    [Range(5, 240)]
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>A session ends this many hours after the login, whatever the activity.</summary>
    [Range(1, 48)]
    public int SessionAbsoluteHours { get; set; } = 12;

    /// <summary>PBKDF2 (HMAC-SHA512) iterations for password hashes; older hashes are upgraded at the next login.</summary>
    [Range(210_000, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 210_000;
}
