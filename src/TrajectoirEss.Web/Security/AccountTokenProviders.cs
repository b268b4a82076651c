using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// The links sent by e-mail carry tokens of their own kind and lifetime. A token also carries the
/// account's security stamp, which changes when the password is set: a link works once.
/// </summary>
public static class AccountTokens
{
    /// <summary>"Mot de passe oublié": valid one hour.</summary>
    public const string PasswordResetProvider = "TrajectoirEssPasswordReset";

    /// <summary>A staff invitation (the account has no password yet): valid seven days.</summary>
    public const string InvitationProvider = "TrajectoirEssInvitation";

    public const string InvitationPurpose = "Invitation";

    public static readonly TimeSpan PasswordResetLifespan = TimeSpan.FromHours(1);

    public static readonly TimeSpan InvitationLifespan = TimeSpan.FromDays(7);
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenProviderOptions()
    {
        Name = AccountTokens.PasswordResetProvider;
        TokenLifespan = AccountTokens.PasswordResetLifespan;
    }
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = AccountTokens.InvitationProvider;
        TokenLifespan = AccountTokens.InvitationLifespan;
    }
}

/// <summary>Password-reset links: their own data-protection purpose and a one-hour lifetime.</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger);

/// <summary>Invitation links: their own data-protection purpose and a seven-day lifetime.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger);
