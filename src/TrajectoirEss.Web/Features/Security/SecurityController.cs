using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Features.Account;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Security;

public sealed record SecurityPageModel(bool TwoFactorEnabled, bool Required, int RecoveryCodesLeft);

public sealed record EnablePageModel(string? SharedKey, string? AuthenticatorUri, string? QrCodeDataUri, bool Required, EnableTwoFactorInput Input);

public sealed class EnableTwoFactorInput
{
    [Display(Name = "Code à 6 chiffres affiché par l'application")]
    [Required(ErrorMessage = "Saisissez le code affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string Code { get; set; } = string.Empty;
}

public sealed class PasswordConfirmationInput
{
    [Display(Name = "Votre mot de passe")]
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;
}

public sealed class ChangePasswordInput
{
    [Display(Name = "Mot de passe actuel")]
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = string.Empty;

    [Display(Name = "Nouveau mot de passe")]
    [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Le mot de passe doit compter entre {2} et {1} caractères.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = string.Empty;

    [Display(Name = "Confirmation du nouveau mot de passe")]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>
/// The account's security, for everyone signed in: two-factor authentication (an authenticator app's
/// codes, RFC 6238, and ten single-use recovery codes shown once), and the password. Each change ends the
/// account's other sessions (the security stamp changes); this one is renewed.
/// </summary>
[Route("compte/securite")]
public sealed class SecurityController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOptions<SecurityOptions> security,
    IOptions<PortalOptions> portal,
    AccountEmails emails,
    ILogger<SecurityController> logger) : Controller
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Trajectoir'ESS";

    private bool Required => TwoFactorRequirement.IsRequiredFor(User, security.Value, portal.Value);

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(new SecurityPageModel(user.TwoFactorEnabled, Required, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0));
    }

    [HttpGet("activer")]
    public async Task<IActionResult> Enable()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        return View(await EnablePageAsync(user, new EnableTwoFactorInput()));
    }

    /// <summary>Creates (or replaces) the secret shared with the authenticator app; only while two-factor authentication is off.</summary>
    [HttpPost("cle")]
    public async Task<IActionResult> CreateKey()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Enable));
    }

    [HttpPost("activer")]
    public async Task<IActionResult> Enable([Bind(Prefix = "Input")] EnableTwoFactorInput input)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return RedirectToAction(nameof(Enable));
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, input.Code.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            ModelState.AddModelError("Input.Code", "Ce code ne correspond pas. Vérifiez que l'heure de votre téléphone est juste, puis saisissez le code affiché maintenant.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await EnablePageAsync(user, input));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await signIn.RefreshSignInAsync(user);
        logger.SecurityEvent(SecurityEvents.TwoFactorEnabled, user.Id);
        await emails.SendSecurityNoticeAsync(user, "la double authentification a été activée");
        return RecoveryCodes(codes, "La double authentification est activée.");
    }

    [HttpPost("codes-de-secours")]
    public async Task<IActionResult> RenewRecoveryCodes([Bind(Prefix = "Confirm")] PasswordConfirmationInput input)
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Enable));
        }

        if (!ModelState.IsValid || !await users.CheckPasswordAsync(user, input.Password))
        {
            return await RefusedAsync(user, "Mot de passe incorrect : les codes de secours n'ont pas été changés.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        logger.SecurityEvent(SecurityEvents.RecoveryCodesRenewed, user.Id);
        await emails.SendSecurityNoticeAsync(user, "de nouveaux codes de secours ont été générés (les anciens ne servent plus)");
        return RecoveryCodes(codes, "Vos nouveaux codes de secours remplacent les anciens, qui ne servent plus.");
    }

    [HttpPost("desactiver")]
    public async Task<IActionResult> Disable([Bind(Prefix = "Confirm")] PasswordConfirmationInput input)
    {
        var user = await CurrentUserAsync();
        if (Required)
        {
            return await RefusedAsync(user, "Votre rôle exige la double authentification : elle ne peut pas être désactivée. Si vous avez changé de téléphone, générez de nouveaux codes de secours ou demandez à un administrateur.");
        }

        if (!ModelState.IsValid || !await users.CheckPasswordAsync(user, input.Password))
        {
            return await RefusedAsync(user, "Mot de passe incorrect : la double authentification reste activée.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        logger.SecurityEvent(SecurityEvents.TwoFactorDisabled, user.Id);
        await emails.SendSecurityNoticeAsync(user, "la double authentification a été désactivée");
        TempData["Flash"] = "La double authentification est désactivée.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("mot-de-passe")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("mot-de-passe")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (result.Succeeded)
            {
                // The stamp changed: every other session ends; this one goes on.
                await signIn.RefreshSignInAsync(user);
                logger.SecurityEvent(SecurityEvents.PasswordChanged, user.Id);
                await emails.SendSecurityNoticeAsync(user, "le mot de passe a été changé");
                TempData["Flash"] = "Votre mot de passe est modifié. Vos autres sessions sont fermées.";
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(input.CurrentPassword) : nameof(input.NewPassword), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new ChangePasswordInput());
    }

    private ViewResult RecoveryCodes(IEnumerable<string> codes, string message)
    {
        // Shown once: not kept by any cache, never written anywhere else.
        Response.Headers.CacheControl = "no-store";
        TempData.Remove("Flash");
        ViewData["Message"] = message;
        return View("RecoveryCodes", codes.ToList());
    }

    private async Task<IActionResult> RefusedAsync(ApplicationUser user, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new SecurityPageModel(user.TwoFactorEnabled, Required, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0));
    }

    private async Task<EnablePageModel> EnablePageAsync(ApplicationUser user, EnableTwoFactorInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return new EnablePageModel(null, null, null, Required, input);
        }

        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id.ToString())}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new EnablePageModel(FormatKey(key), uri, "data:image/png;base64," + Convert.ToBase64String(png), Required, input);
    }

    /// <summary>Groups of four lower-case characters, easier to type.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));

    private async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
}
