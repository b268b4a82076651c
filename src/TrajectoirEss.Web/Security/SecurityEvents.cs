namespace TrajectoirEss.Web.Security;

/// <summary>
/// Security events, logged through Serilog with a message template and a <c>SecurityEvent</c> property
/// (so a log collector can filter and keep them apart). They name accounts and records by id only:
/// never a password, a code, an e-mail address or a name. Serilog stamps each event in UTC.
/// </summary>
public static class SecurityEvents
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.locked_out";
    public const string SecondFactorFailed = "login.second_factor_failed";
    public const string RecoveryCodeUsed = "login.recovery_code_used";
    public const string Logout = "logout";
    public const string SessionExpired = "session.expired";
    public const string SessionRevoked = "session.revoked";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string RecoveryCodesRenewed = "2fa.recovery_codes_renewed";
    public const string PasswordChanged = "password.changed";
    public const string PasswordSetFromLink = "password.set_from_link";
    public const string AccessDenied = "authorization.denied";
    public const string RecordNotFound = "authorization.not_found";
    public const string RoleChanged = "account.role_changed";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountDeleted = "account.deleted";
    public const string InactiveAccountWarned = "account.inactivity_warned";
    public const string InactiveAccountErased = "account.inactivity_erased";
    public const string DataExported = "data.exported";
    public const string RateLimited = "request.rate_limited";
    public const string InputRefused = "request.input_refused";

    private static readonly HashSet<string> Alerts =
    [
        LoginFailed, LockedOut, SecondFactorFailed, RecoveryCodeUsed, SessionRevoked, TwoFactorDisabled, AccessDenied, RecordNotFound,
        RoleChanged, AccountDisabled, RateLimited, InputRefused,
    ];

    /// <summary>Logs one event: failures and refusals as warnings, the rest as information.</summary>
    public static void SecurityEvent(this ILogger logger, string securityEvent, Guid? userId, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var level = Alerts.Contains(securityEvent) ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Security event {SecurityEvent} for user {UserId}: {Detail}", securityEvent, userId, detail ?? "-");
    }
}
