using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Web.Areas.Structure.Referrals;

/// <summary>The referrals a structure receives: inbox, the shared project, and the answers.</summary>
[Route("structure")]
public sealed class ReferralsController(StructureQueries queries, StructureWorkspace workspace) : StructureController
{
    [HttpGet("")]
    public async Task<IActionResult> Inbox(ReferralStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("Le filtre demandé n'est pas valide.");
        }

        return View(await queries.InboxAsync(StructureId, status, page, cancellationToken));
    }

    [HttpGet("orientations/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => await PageAsync(id, cancellationToken);

    [HttpPost("orientations/{id:guid}/accepter")]
    public Task<IActionResult> Accept(Guid id, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.AcceptAsync(StaffId, StructureId, id, cancellationToken); return Here(id); }, "L'orientation est acceptée ; le pôle et les porteurs sont prévenus.", () => PageAsync(id, cancellationToken));

    [HttpPost("orientations/{id:guid}/refuser")]
    public Task<IActionResult> Decline(Guid id, string? reasonCode, string? declineDetails, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.DeclineAsync(StaffId, StructureId, id, reasonCode, declineDetails, cancellationToken); return Here(id); }, "L'orientation est refusée ; le pôle et les porteurs sont prévenus.", () => PageAsync(id, cancellationToken));

    [HttpPost("orientations/{id:guid}/questions")]
    public Task<IActionResult> Ask(Guid id, string? question, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.AskAsync(StaffId, StructureId, id, question, cancellationToken); return Here(id); }, "Votre question est transmise au pôle et aux porteurs.", () => PageAsync(id, cancellationToken));

    [HttpPost("orientations/{id:guid}/inscription")]
    public Task<IActionResult> Enrol(Guid id, Guid? sessionId, int? people, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var session = sessionId ?? throw new Domain.Common.DomainException("Choisissez une session.");
                await workspace.EnrolAsync(StaffId, StructureId, session, id, people, cancellationToken);
                return $"/structure/sessions/{session}";
            },
            "Le projet est inscrit (ou sa candidature enregistrée).",
            () => PageAsync(id, cancellationToken));

    [HttpPost("orientations/{id:guid}/financement")]
    public Task<IActionResult> ApplyForFinancing(Guid id, FinancingInstrument? instrument, decimal? amountRequested, decimal? studyCost, string? study, DateOnly? committeeOn, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var application = await workspace.ApplyForFinancingAsync(StaffId, StructureId, id, new FinancingInput(instrument, amountRequested, studyCost, study, committeeOn), cancellationToken);
                return $"/structure/financements/{application.Id}";
            },
            "La demande de financement est enregistrée.",
            () => PageAsync(id, cancellationToken));

    private static string Here(Guid id) => $"/structure/orientations/{id}";

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var model = await queries.ReferralAsync(StructureId, id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }
}
