using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Accounts;

/// <summary>Accounts: list and search, invite staff, change role or organisation, disable, re-enable, resend an invitation.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/comptes")]
public sealed class AccountsController(AccountAdministration accounts, TrajectoirEssDbContext db) : AdminFormController(db)
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
    public Task<IActionResult> Invite([Bind(Prefix = "Input")] InviteInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/comptes/{await accounts.InviteAsync(User.GetUserId(), input, cancellationToken)}",
                $"Le compte est créé ; une invitation à choisir un mot de passe a été envoyée à {input.Email.Trim()}."),
            async _ => await accounts.InvitePageAsync(input, cancellationToken),
            prefix: "Input");

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await accounts.PageAsync(id, User.GetUserId(), null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/role")]
    public Task<IActionResult> ChangeRole(Guid id, [Bind(Prefix = "Input")] RoleInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/comptes/{id}", await accounts.ChangeRoleAsync(User.GetUserId(), id, input, cancellationToken)
                ? "Le rôle et l'organisation sont enregistrés. La personne devra se reconnecter pour les utiliser."
                : "Aucun changement : le rôle et l'organisation étaient déjà ceux-là."),
            async _ => await accounts.PageAsync(id, User.GetUserId(), input, cancellationToken),
            view: "Details",
            prefix: "Input");

    [HttpPost("{id:guid}/desactiver")]
    public Task<IActionResult> Disable(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "Le compte est désactivé : ses sessions sont fermées et il ne peut plus se connecter.", () => accounts.DisableAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/reactiver")]
    public Task<IActionResult> Enable(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "Le compte est réactivé.", () => accounts.EnableAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/renvoyer-invitation")]
    public Task<IActionResult> ResendInvitation(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "L'invitation a été renvoyée.", () => accounts.ResendInvitationAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/double-authentification")]
    public Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "La double authentification est réinitialisée : la personne la configurera de nouveau à sa prochaine connexion.", () => accounts.ResetTwoFactorAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    private Task<IActionResult> ActAsync(Guid id, string done, Func<Task> action, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () =>
            {
                await action();
                return ($"/admin/comptes/{id}", done);
            },
            async _ => await accounts.PageAsync(id, User.GetUserId(), null, cancellationToken),
            view: "Details");
}
