using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Accounts;

/// <summary>Accounts: list and search, invite staff, change role or organisation, disable, re-enable, resend an invitation.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/comptes")]
public sealed class AccountsController(AccountAdministration accounts) : Controller, IShowsFormAgain
{
    [HttpGet("")]
    public async Task<IActionResult> Index(AccountFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("La recherche demandée n'est pas valide : revenez à la liste des comptes.");
        }

        return View(await accounts.ListAsync(filter, cancellationToken));
    }

    [HttpGet("inviter")]
    public async Task<IActionResult> Invite(CancellationToken cancellationToken) =>
        View(await accounts.InvitePageAsync(new InviteInput(), cancellationToken));

    [HttpPost("inviter")]
    [FormPage(Prefix = "Input")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Input")] InviteInput input, CancellationToken cancellationToken)
    {
        var id = await accounts.InviteAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/admin/comptes/{id}", $"Le compte est créé ; une invitation à choisir un mot de passe a été envoyée à {input.Email.Trim()}.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await accounts.PageAsync(id, User.GetUserId(), null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/role")]
    [FormPage("Details", Prefix = "Input")]
    public async Task<IActionResult> ChangeRole(Guid id, [Bind(Prefix = "Input")] RoleInput input, CancellationToken cancellationToken) =>
        Done(id, await accounts.ChangeRoleAsync(User.GetUserId(), id, input, cancellationToken)
            ? "Le rôle et l'organisation sont enregistrés. La personne devra se reconnecter pour les utiliser."
            : "Aucun changement : le rôle et l'organisation étaient déjà ceux-là.");

    [HttpPost("{id:guid}/desactiver")]
    [FormPage("Details")]
    public async Task<IActionResult> Disable(Guid id, CancellationToken cancellationToken)
    {
        await accounts.DisableAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "Le compte est désactivé : ses sessions sont fermées et il ne peut plus se connecter.");
    }

    [HttpPost("{id:guid}/reactiver")]
    [FormPage("Details")]
    public async Task<IActionResult> Enable(Guid id, CancellationToken cancellationToken)
    {
        await accounts.EnableAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "Le compte est réactivé.");
    }

    [HttpPost("{id:guid}/renvoyer-invitation")]
    [FormPage("Details")]
    public async Task<IActionResult> ResendInvitation(Guid id, CancellationToken cancellationToken)
    {
        await accounts.ResendInvitationAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "L'invitation a été renvoyée.");
    }

    [HttpPost("{id:guid}/double-authentification")]
    [FormPage("Details")]
    public async Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken cancellationToken)
    {
        await accounts.ResetTwoFactorAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "La double authentification est réinitialisée : la personne la configurera de nouveau à sa prochaine connexion.");
    }

    /// <summary>A refused change: the invitation form, or the account's page, with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.Action == nameof(Invite))
        {
            return View(form.View, await accounts.InvitePageAsync(form.Argument<InviteInput>("input") ?? new InviteInput(), form.CancellationToken));
        }

        var page = await accounts.PageAsync(form.Id, User.GetUserId(), form.Argument<RoleInput>("input"), form.CancellationToken);
        return page is null ? null : View(form.View, page);
    }

    private RedirectResult Done(Guid id, string flash) => this.RedirectWithFlash($"/admin/comptes/{id}", flash);
}
