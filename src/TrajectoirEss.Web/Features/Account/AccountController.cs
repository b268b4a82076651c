using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Features.Account;

/// <summary>Sign in (with a second factor when turned on) and out, registration of porteurs, e-mail confirmation, password reset, invitations.</summary>
[Route("compte")]
public sealed class AccountController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountEmails emails,
    DummyPasswordHash dummyHash,
    PasswordCheckGate passwordChecks,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>The one answer for an unknown address, a disabled or locked account and a wrong password: none tells which.</summary>
    public const string GenericLoginError = "Adresse électronique ou mot de passe incorrect. Après plusieurs essais manqués, un compte est bloqué quelques minutes : réessayez plus tard, ou choisissez « Mot de passe oublié ».";

    public const string GenericCodeError = "Code incorrect, déjà utilisé ou expiré, ou compte momentanément bloqué après plusieurs essais.";

    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("connexion")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        // A few password checks at a time: hammering the login slows the logins, not the rest of the portal.
        using var slot = await passwordChecks.EnterAsync(HttpContext.RequestAborted);
        var user = await users.FindByEmailAsync(input.Email);
        if (user is null || user.IsDisabled)
        {
            // As long as a real check, so the answer's timing does not tell whether the account exists.
            dummyHash.Verify(input.Password);
            logger.SecurityEvent(SecurityEvents.LoginFailed, user?.Id, user is null ? "unknown account" : "disabled account");
            ModelState.AddModelError(string.Empty, GenericLoginError);
            return View(input);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await CompleteLoginAsync(user, input.ReturnUrl, "password");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginWithCode), new { returnUrl = SafeReturnUrl(input.ReturnUrl), rememberMe = input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            dummyHash.Verify(input.Password);
            logger.SecurityEvent(SecurityEvents.LockedOut, user.Id, "login refused while locked out");
            ModelState.AddModelError(string.Empty, GenericLoginError);
        }
        else if (result.IsNotAllowed)
        {
            // Only reached with the right password: telling the person to confirm leaks nothing.
            ModelState.AddModelError(string.Empty, "Confirmez d'abord votre adresse électronique : ouvrez le lien reçu par courriel, ou demandez un nouveau lien.");
            ViewData["OfferResend"] = true;
        }
        else
        {
            var locked = await users.IsLockedOutAsync(user);
            logger.SecurityEvent(locked ? SecurityEvents.LockedOut : SecurityEvents.LoginFailed, user.Id, locked ? "too many failures: locked out" : "wrong password");
            ModelState.AddModelError(string.Empty, GenericLoginError);
        }

        return View(input);
    }

    /// <summary>Second step of a login when two-factor authentication is on: the code of the authenticator app.</summary>
    [HttpGet("connexion/code")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithCode(string? returnUrl, bool rememberMe) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorLoginInput { ReturnUrl = SafeReturnUrl(returnUrl), RememberMe = rememberMe });

    [HttpPost("connexion/code")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> LoginWithCode(TwoFactorLoginInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(input.Code.Replace(" ", string.Empty, StringComparison.Ordinal), input.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            return await CompleteLoginAsync(user, input.ReturnUrl, "authenticator code");
        }

        logger.SecurityEvent(result.IsLockedOut ? SecurityEvents.LockedOut : SecurityEvents.SecondFactorFailed, user.Id, "authenticator code refused");
        ModelState.AddModelError(nameof(TwoFactorLoginInput.Code), GenericCodeError);
        return View(input);
    }

    [HttpGet("connexion/code-de-secours")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new RecoveryCodeLoginInput { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("connexion/code-de-secours")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeLoginInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.SecurityEvent(SecurityEvents.RecoveryCodeUsed, user.Id, $"{await users.CountRecoveryCodesAsync(user)} codes left");
            TempData["Flash"] = "Vous êtes connecté avec un code de secours, qui ne servira plus. Il vous en reste " + await users.CountRecoveryCodesAsync(user) + " : pensez à en générer de nouveaux si besoin (Sécurité du compte).";
            return await CompleteLoginAsync(user, input.ReturnUrl, "recovery code");
        }

        logger.SecurityEvent(result.IsLockedOut ? SecurityEvents.LockedOut : SecurityEvents.SecondFactorFailed, user.Id, "recovery code refused");
        ModelState.AddModelError(nameof(RecoveryCodeLoginInput.Code), GenericCodeError);
        return View(input);
    }

    /// <summary>Ends the session here and everywhere: the security stamp changes, so a copied cookie dies too.</summary>
    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.SecurityEvent(SecurityEvents.Logout, user.Id);
        }

        await signIn.SignOutAsync();
        TempData["Flash"] = "Vous êtes déconnecté.";
        return Redirect("/");
    }

    [HttpGet("inscription")]
    [AllowAnonymous]
    public IActionResult Register(string? email, string? returnUrl)
    {
        // The form shows the values checked here, not the query's as the model binder kept them.
        ModelState.Clear();
        return View(new RegisterInput { Email = email?.Trim() is { Length: > 0 and <= 254 } address ? address : string.Empty, ReturnUrl = SafeReturnUrl(returnUrl) });
    }

    [HttpPost("inscription")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Registration)]
    public async Task<IActionResult> Register(RegisterInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var existing = await users.FindByEmailAsync(input.Email);
        if (existing is not null)
        {
            // The same answers and the same work as for a new account, so that neither the page nor its timing tells
            // who has one: the password is checked by the same rules and hashed (the hash is dropped), and the owner
            // is told by e-mail, through the outbox like every e-mail (nothing waits for a mail server here).
            var refused = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                refused.AddRange((await validator.ValidateAsync(users, user, input.Password)).Errors);
            }

            if (refused.Count > 0)
            {
                return RegisterAgain(input, refused);
            }

            _ = users.PasswordHasher.HashPassword(user, input.Password);
            await emails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return RedirectToAction(nameof(RegisterConfirmation));
        }

        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return RegisterAgain(input, created.Errors);
        }

        await users.AddToRoleAsync(user, Roles.Porteur);
        await emails.SendEmailConfirmationAsync(user, SafeReturnUrl(input.ReturnUrl), cancellationToken);
        logger.LogInformation("Porteur account {UserId} registered", user.Id);
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    private ViewResult RegisterAgain(RegisterInput input, IEnumerable<IdentityError> errors)
    {
        foreach (var error in errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterInput.Password) : string.Empty;
            ModelState.AddModelError(field, error.Description);
        }

        return View(nameof(Register), input);
    }

    [HttpGet("inscription/confirmation")]
    [AllowAnonymous]
    public IActionResult RegisterConfirmation() => View("Message", new MessageViewModel(
        "Vérifiez votre messagerie",
        "Un courriel vient de vous être envoyé. Ouvrez le lien qu'il contient pour activer votre compte, puis connectez-vous."));

    [HttpGet("confirmer")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code, string? returnUrl)
    {
        var user = await FindUserAsync(userId);
        var token = AccountEmails.Decode(code);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Message", new MessageViewModel(
                "Lien non valide",
                "Ce lien de confirmation n'est pas valide ou a expiré. Connectez-vous pour en demander un nouveau.",
                Success: false));
        }

        logger.LogInformation("E-mail confirmed for user {UserId}", user.Id);
        if (SafeReturnUrl(returnUrl) is { } next)
        {
            // Registered from a co-porteur's invitation: signing in leads back to it.
            return View("Message", new MessageViewModel(
                "Adresse confirmée",
                "Votre adresse électronique est confirmée. Connectez-vous pour reprendre là où vous en étiez.",
                Next: ("Me connecter et continuer", "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(next))));
        }

        return View("Message", new MessageViewModel("Adresse confirmée", "Votre adresse électronique est confirmée. Vous pouvez maintenant vous connecter."));
    }

    [HttpGet("confirmer/nouveau-lien")]
    [AllowAnonymous]
    public IActionResult ResendConfirmation() => View(new EmailInput());

    [HttpPost("confirmer/nouveau-lien")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ResendConfirmation(EmailInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email);
        if (user is not null && !user.EmailConfirmed && !user.IsDisabled)
        {
            await emails.SendEmailConfirmationAsync(user, cancellationToken: cancellationToken);
        }

        return View("Message", new MessageViewModel(
            "Vérifiez votre messagerie",
            "Si un compte non confirmé existe pour cette adresse, un nouveau lien de confirmation vient d'y être envoyé."));
    }

    [HttpGet("mot-de-passe-oublie")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new EmailInput());

    [HttpPost("mot-de-passe-oublie")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ForgotPassword(EmailInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email);
        if (user is not null && user.EmailConfirmed && !user.IsDisabled)
        {
            await emails.SendPasswordResetAsync(user, cancellationToken);
        }

        return View("Message", new MessageViewModel(
            "Vérifiez votre messagerie",
            "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé."));
    }

    [HttpGet("nouveau-mot-de-passe")]
    [AllowAnonymous]
    public async Task<IActionResult> ResetPassword(string? userId, string? code)
    {
        if (await LinkUserAsync(userId, code, invitation: false) is null)
        {
            return LinkNoLongerValid("Ce lien a déjà servi ou a expiré (il est valable une heure, une seule fois). Demandez-en un nouveau depuis « Mot de passe oublié ».");
        }

        return View("SetPassword", new SetPasswordInput { UserId = userId ?? string.Empty, Code = code ?? string.Empty });
    }

    [HttpPost("nouveau-mot-de-passe")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.PasswordLink)]
    public Task<IActionResult> ResetPassword(SetPasswordInput input) =>
        SetPasswordAsync(input, invitation: false, "Mot de passe modifié", "Votre mot de passe est modifié. Vous pouvez vous connecter.");

    [HttpGet("invitation")]
    [AllowAnonymous]
    public async Task<IActionResult> Invitation(string? userId, string? code)
    {
        // A used (the password set changed the account's stamp) or expired link says so, instead of a form that would fail.
        if (await LinkUserAsync(userId, code, invitation: true) is null)
        {
            return LinkNoLongerValid("Cette invitation a déjà servi ou a expiré. Si vous avez déjà choisi votre mot de passe, connectez-vous ; sinon, choisissez-en un depuis « Mot de passe oublié » ou demandez une nouvelle invitation à l'administrateur.");
        }

        ViewData["Invitation"] = true;
        return View("SetPassword", new SetPasswordInput { UserId = userId ?? string.Empty, Code = code ?? string.Empty });
    }

    private ViewResult LinkNoLongerValid(string text)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Message", new MessageViewModel("Lien expiré ou déjà utilisé", text, Success: false));
    }

    [HttpPost("invitation")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.PasswordLink)]
    public Task<IActionResult> Invitation(SetPasswordInput input)
    {
        ViewData["Invitation"] = true;
        return SetPasswordAsync(input, invitation: true, "Bienvenue", "Bienvenue sur Trajectoir'ESS : votre mot de passe est enregistré et vous êtes connecté.");
    }

    private async Task<IActionResult> SetPasswordAsync(SetPasswordInput input, bool invitation, string doneTitle, string doneText)
    {
        if (!ModelState.IsValid)
        {
            return View("SetPassword", input);
        }

        if (await LinkUserAsync(input.UserId, input.Code, invitation) is not { } link)
        {
            ModelState.AddModelError(string.Empty, "Ce lien n'est pas valide ou a expiré. Demandez un nouveau lien.");
            return View("SetPassword", input);
        }

        // An invitation carries its own token (seven days); once checked, the password is set like a reset.
        var (user, token) = link;
        if (invitation)
        {
            token = await users.GeneratePasswordResetTokenAsync(user);
        }

        // Setting the password changes the security stamp: this link, and any other sent before, no longer works.
        var result = await users.ResetPasswordAsync(user, token, input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(SetPasswordInput.Password) : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }

            return View("SetPassword", input);
        }

        // The link came to this mailbox: it is confirmed.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        logger.SecurityEvent(SecurityEvents.PasswordSetFromLink, user.Id, invitation ? "invitation" : "password reset");
        if (invitation)
        {
            // The link came to this mailbox and the password was just chosen: the person is signed in and lands on their
            // home (where, for staff, the second factor is set up first).
            await signIn.SignInAsync(user, isPersistent: false);
            TempData["Flash"] = doneText;
            return await CompleteLoginAsync(user, null, "invitation link");
        }

        await emails.SendSecurityNoticeAsync(user, "le mot de passe a été changé depuis un lien « mot de passe oublié »");
        return View("Message", new MessageViewModel(doneTitle, doneText));
    }

    private async Task<IActionResult> CompleteLoginAsync(ApplicationUser user, string? returnUrl, string method)
    {
        user.LastLoginAt = clock.GetUtcNow();
        user.InactivityWarnedAt = null;
        await users.UpdateAsync(user);
        logger.SecurityEvent(SecurityEvents.LoginSucceeded, user.Id, method);
        return LocalRedirect(SafeReturnUrl(returnUrl) ?? await HomeOfAsync(user));
    }

    /// <summary>
    /// The account of a password link (an invitation's or a reset's) and its token, while the link still works: the
    /// account enabled, the token of that kind, unexpired and not used (setting a password changes the stamp it holds).
    /// </summary>
    private async Task<(ApplicationUser User, string Token)?> LinkUserAsync(string? userId, string? code, bool invitation)
    {
        var user = await FindUserAsync(userId);
        var token = AccountEmails.Decode(code);
        if (user is null || token is null || user.IsDisabled)
        {
            return null;
        }

        var valid = invitation
            ? await users.VerifyUserTokenAsync(user, AccountTokens.InvitationProvider, AccountTokens.InvitationPurpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
        return valid ? (user, token) : null;
    }

    private async Task<ApplicationUser?> FindUserAsync(string? userId) =>
        Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;

    private string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private async Task<string> HomeOfAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles switch
        {
            _ when roles.Contains(Roles.Admin) => "/admin",
            _ when roles.Contains(Roles.Coordinator) => "/coordination",
            _ when roles.Contains(Roles.PublicPartner) => "/coordination",
            _ when roles.Contains(Roles.PoleStaff) => "/pole",
            _ when roles.Contains(Roles.StructureStaff) => "/structure",
            _ when roles.Contains(Roles.Porteur) => "/porteur",
            _ => "/",
        };
    }
}
