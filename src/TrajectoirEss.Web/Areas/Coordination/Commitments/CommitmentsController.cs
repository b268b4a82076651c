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

    /// <summary>The creation form: from a session's decision (?seance=&amp;decision=), or from a recommendation of the evaluation's shared reading (?lecture=&amp;constat=&amp;recommandation=).</summary>
    [HttpGet("engagements/nouveau")]
    public async Task<IActionResult> New(
        [FromQuery(Name = "seance")] Guid? sessionId,
        [FromQuery(Name = "decision")] Guid? decisionId,
        [FromQuery(Name = "lecture")] Guid? readingId,
        [FromQuery(Name = "constat")] Guid? findingId,
        [FromQuery(Name = "recommandation")] Guid? recommendationId,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("Cette séance, cette décision ou cette recommandation n'existe pas : créez l'engagement depuis sa page, ou sans séance depuis la liste des engagements.");
        }

        var typed = readingId is null && findingId is null && recommendationId is null
            ? null
            : new CommitmentInput { ReadingId = readingId, FindingId = findingId, RecommendationId = recommendationId };
        return await commitments.NewPageAsync(sessionId, decisionId, typed, cancellationToken) is { } page
            ? View(page)
            : throw new DomainException("Cette séance, cette décision ou cette recommandation n'existe pas : créez l'engagement depuis sa page, ou sans séance depuis la liste des engagements.");
    }

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
            ? await commitments.NewPageAsync(typed?.SessionId, typed?.DecisionId, typed ?? new CommitmentInput(), form.CancellationToken, refused: true)
              ?? await commitments.NewPageAsync(null, null, typed ?? new CommitmentInput(), form.CancellationToken, refused: true)
            : await commitments.EditPageAsync(form.Id, typed, form.Conflict, form.CancellationToken);
        return page is null ? null : View(form.View, page);
    }
}
