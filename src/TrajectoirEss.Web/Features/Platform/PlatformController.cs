using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>
/// The members' space of the coordination platform: their organisation's sessions (registration in one click), the
/// minutes they may read, and the commitments (the carrier's staff report on theirs; every other member reads).
/// </summary>
[Authorize(Policy = Policies.PlatformMember)]
[Route("plateforme")]
public sealed class PlatformController(MemberSpace space, CommitmentQueries commitments) : Controller, IShowsFormAgain
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await space.HomeAsync(User, cancellationToken));

    [HttpGet("seances/{id:guid}")]
    public async Task<IActionResult> Session(Guid id, CancellationToken cancellationToken) =>
        await space.SessionAsync(User, id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("seances/{id:guid}/inscription")]
    [FormPage("Session")]
    public async Task<IActionResult> Register(Guid id, CancellationToken cancellationToken) =>
        await space.RegisterAsync(User, id, cancellationToken)
            ? this.RedirectWithFlash($"/plateforme/seances/{id}", "Vous êtes inscrit·e à la séance pour votre organisation.")
            : NotFound();

    [HttpGet("engagements")]
    public async Task<IActionResult> Commitments(CommitmentFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("La recherche demandée n'est pas valide : revenez à la liste des engagements.");
        }

        return View(await commitments.ListAsync(filter, "/plateforme/engagements", cancellationToken));
    }

    [HttpGet("engagements/{id:guid}")]
    public async Task<IActionResult> Commitment(Guid id, CancellationToken cancellationToken) =>
        await space.CommitmentAsync(User, id, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("engagements/{id:guid}/point")]
    [FormPage("Commitment", Prefix = "Update", InvalidValueMessage = "L'avancement est un nombre entier, de 0 à 100.")]
    public async Task<IActionResult> PostUpdate(Guid id, [Bind(Prefix = "Update")] CommitmentUpdateInput update, CancellationToken cancellationToken) =>
        await space.PostUpdateAsync(User, id, update, cancellationToken)
            ? this.RedirectWithFlash($"/plateforme/engagements/{id}", "Le point d'avancement est publié.")
            : NotFound();

    [HttpPost("engagements/{id:guid}/demarrer")]
    [FormPage("Commitment")]
    public Task<IActionResult> Start(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, CarrierMove.Start, null, "L'engagement est en cours.", cancellationToken);

    [HttpPost("engagements/{id:guid}/terminer")]
    [FormPage("Commitment")]
    public Task<IActionResult> Complete(Guid id, CancellationToken cancellationToken) =>
        MoveAsync(id, CarrierMove.Complete, null, "L'engagement est tenu.", cancellationToken);

    [HttpPost("engagements/{id:guid}/abandonner")]
    [FormPage("Commitment", Prefix = "Why")]
    public Task<IActionResult> Drop(Guid id, [Bind(Prefix = "Why")] CommitmentReasonInput input, CancellationToken cancellationToken) =>
        MoveAsync(id, CarrierMove.Drop, input?.DropReason, "L'engagement est abandonné.", cancellationToken);

    [HttpPost("engagements/{id:guid}/rouvrir")]
    [FormPage("Commitment", Prefix = "Why")]
    public Task<IActionResult> Reopen(Guid id, [Bind(Prefix = "Why")] CommitmentReasonInput input, CancellationToken cancellationToken) =>
        MoveAsync(id, CarrierMove.Reopen, input?.Reason, "L'engagement est rouvert.", cancellationToken);

    /// <summary>A refused registration shows the session again; a refused update or move, the commitment with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.Action == nameof(Register))
        {
            return await space.SessionAsync(User, form.Id, form.CancellationToken) is { } session ? View(form.View, session) : null;
        }

        var page = await space.CommitmentAsync(User, form.Id, form.Argument<CommitmentUpdateInput>("update"), form.Argument<CommitmentReasonInput>("input"), form.CancellationToken);

        // Only the carrier's staff get the form back; anyone else's POST is a 404, refused or not.
        return page is { IsCarrier: true } ? View(form.View, page) : null;
    }

    private async Task<IActionResult> MoveAsync(Guid id, CarrierMove move, string? reason, string flash, CancellationToken cancellationToken) =>
        await space.MoveAsync(User, id, move, reason, cancellationToken)
            ? this.RedirectWithFlash($"/plateforme/engagements/{id}", flash)
            : NotFound();
}
