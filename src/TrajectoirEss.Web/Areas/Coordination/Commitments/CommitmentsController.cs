using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Commitments;

/// <summary>The coordinators' commitments: the list with its filters, record one, change its terms, ask the carriers for news.</summary>
[Area("Coordination")]
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/plateforme")]
public sealed class CommitmentsController(CoordinationCommitments commitments, CommitmentQueries queries) : Controller, IShowsFormAgain
{
    private const string ConflictMessage = "Quelqu'un a modifié cet engagement pendant que vous le consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";
    private const string InvalidValue = "Une valeur saisie n'est pas lisible (une date, une organisation, un objectif) : vérifiez le formulaire.";

    [HttpGet("engagements")]
    public async Task<IActionResult> Index(CommitmentFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("La recherche demandée n'est pas valide : revenez à la liste des engagements.");
        }

        return View(await queries.ListAsync(filter, "/coordination/plateforme/engagements", cancellationToken));
    }

    [HttpGet("engagements/nouveau")]
    public async Task<IActionResult> New([FromQuery(Name = "seance")] Guid? sessionId, [FromQuery(Name = "decision")] Guid? decisionId, CancellationToken cancellationToken) =>
        ModelState.IsValid && await commitments.NewPageAsync(sessionId, decisionId, null, cancellationToken) is { } page
            ? View(page)
            : throw new DomainException("Cette séance ou cette décision n'existe pas : créez l'engagement depuis la page de la séance, ou sans séance depuis la liste des engagements.");

    [HttpPost("engagements/nouveau")]
    [FormPage(Prefix = "Input", InvalidValueMessage = InvalidValue)]
    public async Task<IActionResult> New([Bind(Prefix = "Input")] CommitmentInput input, CancellationToken cancellationToken)
    {
        var id = await commitments.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/plateforme/engagements/{id}", "L'engagement est enregistré.");
    }

    [HttpGet("engagements/{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await commitments.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("engagements/{id:guid}/modifier")]
    [FormPage(Prefix = "Input", ConflictMessage = ConflictMessage, InvalidValueMessage = InvalidValue)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] CommitmentInput input, CancellationToken cancellationToken) =>
        this.RedirectWithFlash($"/plateforme/engagements/{id}", await commitments.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
            ? "L'engagement est enregistré."
            : "Aucun changement à enregistrer.");

    /// <summary>"Demander les mises à jour" before a session: back to the session's page with how many organisations were asked.</summary>
    [HttpPost("seances/{id:guid}/engagements/relance")]
    public async Task<IActionResult> AskForUpdates(Guid id, CancellationToken cancellationToken) =>
        await commitments.AskForUpdatesAsync(id, cancellationToken) is { } asked
            ? this.RedirectWithFlash(
                $"/coordination/plateforme/seances/{id}",
                asked == 0
                    ? "Aucune organisation à relancer : chaque engagement en cours a reçu un point depuis la dernière séance (ou ses porteurs ne reçoivent pas ces courriels)."
                    : $"Mises à jour demandées à {asked} organisation(s) qui portent des engagements sans point depuis la dernière séance.")
            : NotFound();

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        var typed = form.Argument<CommitmentInput>("input");
        var page = form.Action == nameof(New)
            ? await commitments.NewPageAsync(typed?.SessionId, typed?.DecisionId, typed ?? new CommitmentInput(), form.CancellationToken)
              ?? await commitments.NewPageAsync(null, null, typed ?? new CommitmentInput(), form.CancellationToken)
            : await commitments.EditPageAsync(form.Id, typed, form.Conflict, form.CancellationToken);
        return page is null ? null : View(form.View, page);
    }
}
