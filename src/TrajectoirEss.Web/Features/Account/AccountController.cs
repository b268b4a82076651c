using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Features.Account;

/// <summary>Sign in and out, registration of porteurs, e-mail confirmation, password reset, invitations.</summary>
[Route("compte")]
public sealed class AccountController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountEmails emails,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    private const string GenericLoginError = "Adresse électronique ou mot de passe incorrect.";

    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost("connexion")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email);
        if (user is null || user.IsDisabled)
        {
            logger.LogWarning("Login failed: unknown or disabled account");
            ModelState.AddModelError(string.Empty, GenericLoginError);
            return View(input);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastLoginAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
            logger.LogInformation("Login succeeded for user {UserId}", user.Id);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl) ?? await HomeOfAsync(user));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Login refused: account {UserId} locked out", user.Id);
            ModelState.AddModelError(string.Empty, "Trop de tentatives : ce compte est bloqué pendant 15 minutes.");
        }
        else if (result.IsNotAllowed)
        {
            // Only reached with the right password: telling the person to confirm leaks nothing.
            ModelState.AddModelError(string.Empty, "Confirmez d'abord votre adresse électronique : ouvrez le lien reçu par courriel, ou demandez un nouveau lien.");
            ViewData["OfferResend"] = true;
        }
        else
        {
            logger.LogWarning("Login failed for user {UserId}", user.Id);
            ModelState.AddModelError(string.Empty, GenericLoginError);
        }

        return View(input);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = "Vous êtes déconnecté.";
        return Redirect("/");
    }

    [HttpGet("inscription")]
    [AllowAnonymous]
    public IActionResult Register() => View(new RegisterInput());

    [HttpPost("inscription")]
    [AllowAnonymous]
    public async Task<IActionResult> Register(RegisterInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var existing = await users.FindByEmailAsync(input.Email);
        if (existing is not null)
        {
            // Same answer as a new account, so the form does not reveal who has one; the owner is told by e-mail.
            await emails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return RedirectToAction(nameof(RegisterConfirmation));
        }

        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(RegisterInput.Password) : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }

            return View(input);
        }

        await users.AddToRoleAsync(user, Roles.Porteur);
        await emails.SendEmailConfirmationAsync(user, cancellationToken);
        logger.LogInformation("Porteur account {UserId} registered", user.Id);
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet("inscription/confirmation")]
    [AllowAnonymous]
    public IActionResult RegisterConfirmation() => View("Message", new MessageViewModel(
        "Vérifiez votre messagerie",
        "Un courriel vient de vous être envoyé. Ouvrez le lien qu'il contient pour activer votre compte, puis connectez-vous."));

    [HttpGet("confirmer")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
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
        return View("Message", new MessageViewModel("Adresse confirmée", "Votre adresse électronique est confirmée. Vous pouvez maintenant vous connecter."));
    }

    [HttpGet("confirmer/nouveau-lien")]
    [AllowAnonymous]
    public IActionResult ResendConfirmation() => View(new EmailInput());

    [HttpPost("confirmer/nouveau-lien")]
    [AllowAnonymous]
    public async Task<IActionResult> ResendConfirmation(EmailInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email);
        if (user is not null && !user.EmailConfirmed && !user.IsDisabled)
        {
            await emails.SendEmailConfirmationAsync(user, cancellationToken);
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
    public IActionResult ResetPassword(string? userId, string? code) =>
        View("SetPassword", new SetPasswordInput { UserId = userId ?? string.Empty, Code = code ?? string.Empty });

    [HttpPost("nouveau-mot-de-passe")]
    [AllowAnonymous]
    public Task<IActionResult> ResetPassword(SetPasswordInput input) =>
        SetPasswordAsync(input, "Mot de passe modifié", "Votre mot de passe est modifié. Vous pouvez vous connecter.");

    [HttpGet("invitation")]
    [AllowAnonymous]
    public IActionResult Invitation(string? userId, string? code)
    {
        ViewData["Invitation"] = true;
        return View("SetPassword", new SetPasswordInput { UserId = userId ?? string.Empty, Code = code ?? string.Empty });
    }

    [HttpPost("invitation")]
    [AllowAnonymous]
    public Task<IActionResult> Invitation(SetPasswordInput input)
    {
        ViewData["Invitation"] = true;
        return SetPasswordAsync(input, "Bienvenue", "Votre mot de passe est enregistré. Vous pouvez vous connecter.");
    }

    private async Task<IActionResult> SetPasswordAsync(SetPasswordInput input, string doneTitle, string doneText)
    {
        if (!ModelState.IsValid)
        {
            return View("SetPassword", input);
        }

        var user = await FindUserAsync(input.UserId);
        var token = AccountEmails.Decode(input.Code);
        if (user is null || token is null || user.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, "Ce lien n'est pas valide ou a expiré. Demandez un nouveau lien.");
            return View("SetPassword", input);
        }

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

        logger.LogInformation("Password set from a link for user {UserId}", user.Id);
        return View("Message", new MessageViewModel(doneTitle, doneText));
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
            _ when roles.Contains(Roles.PoleStaff) => "/pole",
            _ when roles.Contains(Roles.StructureStaff) => "/structure",
            _ when roles.Contains(Roles.Porteur) => "/porteur",
            _ => "/",
        };
    }
}
