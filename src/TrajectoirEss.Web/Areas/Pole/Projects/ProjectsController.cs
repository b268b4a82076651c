using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle staff's inbox and project files. Every route is limited to the staff member's pôle.</summary>
[Area("Pole")]
[Authorize(Policy = Policies.Pole)]
[Route("pole")]
public sealed class ProjectsController(PoleQueries queries, PoleWorkspace workspace, TrajectoirEssDbContext db) : Controller
{
    private Guid PoleId => User.GetPoleId() ?? throw new InvalidOperationException("The Pole policy guarantees a pôle.");

    private Guid StaffId => User.GetUserId();

    [HttpGet("")]
    public async Task<IActionResult> Inbox(InboxFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("Les filtres demandés ne sont pas valides : revenez à la liste des projets et choisissez-les dans les listes.");
        }

        return View(await queries.InboxAsync(PoleId, filter, cancellationToken));
    }

    [HttpGet("projets/{id:guid}")]
    public async Task<IActionResult> File(Guid id, int? journal, CancellationToken cancellationToken)
    {
        // The journal's page (a number out of range shows the nearest page); anything else is refused, and the opening is not logged.
        if (!ModelState.IsValid)
        {
            throw new DomainException("La page du journal demandée n'est pas valide : revenez à la fiche du projet.");
        }

        var model = await queries.OpenFileAsync(PoleId, StaffId, id, journal ?? 1, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("projets/{id:guid}/rendez-vous")]
    public Task<IActionResult> RecordMeeting(Guid id, DateTime? heldAt, MeetingKind? kind, string? summary, CancellationToken cancellationToken) =>
        ActAsync(id, "Le rendez-vous est noté.", () =>
        {
            if (heldAt is null || kind is null)
            {
                throw new DomainException("Indiquez la date et le type du rendez-vous.");
            }

            return workspace.RecordMeetingAsync(StaffId, PoleId, id, Format.FromParis(heldAt.Value), kind.Value, summary, cancellationToken);
        }, cancellationToken);

    [HttpPost("projets/{id:guid}/notes")]
    public Task<IActionResult> AddNote(Guid id, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, "La note interne est enregistrée.", () => workspace.AddNoteAsync(StaffId, PoleId, id, note, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/messages")]
    public Task<IActionResult> Reply(Guid id, string? body, bool asksForInformation, CancellationToken cancellationToken) =>
        ActAsync(id, "Votre message a été envoyé aux porteurs.", () => workspace.ReplyAsync(StaffId, PoleId, id, body, asksForInformation, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/qualifier")]
    public Task<IActionResult> Qualify(Guid id, uint version, ProjectStage? stage, SupportNeeds[]? needs, string? sector, CancellationToken cancellationToken) =>
        ActAsync(id, "La qualification du projet est enregistrée.", () =>
        {
            if (stage is null)
            {
                throw new DomainException("Indiquez le stade du projet.");
            }

            var all = (needs ?? []).Aggregate(SupportNeeds.None, (acc, n) => acc | n);
            return workspace.QualifyAsync(StaffId, PoleId, id, version, stage.Value, all, string.IsNullOrWhiteSpace(sector) ? null : sector, cancellationToken);
        }, cancellationToken);

    [HttpPost("projets/{id:guid}/referent")]
    public Task<IActionResult> AssignReferent(Guid id, Guid? referentId, CancellationToken cancellationToken) =>
        ActAsync(id, "Le référent est enregistré.", () => workspace.AssignReferentAsync(StaffId, PoleId, id, referentId, cancellationToken), cancellationToken);

    // The consequential actions (transfer, closing) have a page of their own, away from the file's everyday forms.
    [HttpGet("projets/{id:guid}/transferer")]
    public Task<IActionResult> TransferPage(Guid id, CancellationToken cancellationToken) => ActionPageAsync(id, ProjectAction.Transfer, "Transfer", cancellationToken);

    [HttpGet("projets/{id:guid}/clore")]
    public Task<IActionResult> ClosePage(Guid id, CancellationToken cancellationToken) => ActionPageAsync(id, ProjectAction.Close, "Close", cancellationToken);

    [HttpPost("projets/{id:guid}/transferer")]
    public async Task<IActionResult> Transfer(Guid id, Guid? toPoleId, string? reason, CancellationToken cancellationToken)
    {
        var result = await ActAsync(id, null, () => toPoleId is { } to
            ? workspace.TransferAsync(StaffId, PoleId, id, to, reason, cancellationToken)
            : throw new DomainException("Choisissez le pôle qui reprend le projet."), cancellationToken, page: "Transfer");
        if (result is RedirectResult)
        {
            // The project now belongs to another pôle: this one no longer sees it.
            TempData["Flash"] = "Le projet a été transféré ; l'autre pôle est prévenu.";
            return RedirectToAction(nameof(Inbox));
        }

        return result;
    }

    [HttpPost("projets/{id:guid}/clore")]
    public Task<IActionResult> Close(Guid id, ProjectOutcome? outcome, string? reasonCode, string? details, string? companyLegalForm, DateOnly? companyCreatedOn, string? siret, CancellationToken cancellationToken) =>
        ActAsync(id, "Le projet est clos.", () => outcome is { } o
            ? workspace.CloseAsync(StaffId, PoleId, id, o, reasonCode, details, new ClosingCompany(companyLegalForm, companyCreatedOn, siret), cancellationToken)
            : throw new DomainException("Indiquez l'issue du projet."), cancellationToken, page: "Close");

    [HttpPost("projets/{id:guid}/orientations")]
    public Task<IActionResult> Refer(Guid id, Guid? programmeId, string? message, CancellationToken cancellationToken) =>
        ActAsync(id, "L'orientation est proposée à la structure, qui en est prévenue.", () => programmeId is { } programme
            ? workspace.ReferAsync(StaffId, PoleId, id, programme, message, cancellationToken)
            : throw new DomainException("Choisissez un programme de la liste."), cancellationToken);

    [HttpPost("projets/{id:guid}/orientations/{referralId:guid}/relancer")]
    public Task<IActionResult> Relaunch(Guid id, Guid referralId, CancellationToken cancellationToken) =>
        ActAsync(id, "La structure a été relancée.", () => workspace.RelaunchAsync(StaffId, PoleId, id, referralId, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/orientations/{referralId:guid}/retirer")]
    public Task<IActionResult> Withdraw(Guid id, Guid referralId, string? withdrawReason, CancellationToken cancellationToken) =>
        ActAsync(id, "L'orientation est retirée.", () => workspace.WithdrawAsync(StaffId, PoleId, id, referralId, withdrawReason, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/pause")]
    public Task<IActionResult> Pause(Guid id, string? pauseReason, CancellationToken cancellationToken) =>
        ActAsync(id, "Le projet est en pause.", () => workspace.PauseAsync(StaffId, PoleId, id, pauseReason, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/reprise")]
    public Task<IActionResult> Resume(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "Le projet reprend.", () => workspace.ResumeAsync(StaffId, PoleId, id, cancellationToken), cancellationToken);

    [HttpPost("projets/{id:guid}/rouvrir")]
    public Task<IActionResult> Reopen(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, "Le projet est rouvert.", () => workspace.ReopenAsync(StaffId, PoleId, id, reason, cancellationToken), cancellationToken);

    /// <summary>The page of a transfer or a closing; once the project's status no longer allows it, its file.</summary>
    private async Task<IActionResult> ActionPageAsync(Guid id, ProjectAction action, string view, CancellationToken cancellationToken)
    {
        var model = await queries.FileActionAsync(PoleId, id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return Project.CanApply(model.Status, action) ? View(view, model) : Redirect($"/pole/projets/{id}");
    }

    /// <summary>
    /// Runs one use case; on success, post/redirect/get with a confirmation; on a broken rule or a
    /// concurrent change, the page it was sent from again (the file, or the action's own <paramref name="page"/>)
    /// with the message at the top and what was typed still in the forms.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, string? done, Func<Task> action, CancellationToken cancellationToken, string? page = null)
    {
        var status = StatusCodes.Status400BadRequest;
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Une des valeurs envoyées n'est pas valide : vérifiez le formulaire.");
        }
        else
        {
            try
            {
                await action();
                if (done is not null)
                {
                    TempData["Flash"] = done;
                }

                return Redirect($"/pole/projets/{id}");
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                status = StatusCodes.Status409Conflict;
                ModelState.AddModelError(string.Empty, "Quelqu'un d'autre a modifié ce projet pendant que vous le consultiez. La fiche ci-dessous montre la version à jour ; vos saisies sont conservées dans le formulaire : vérifiez-les, puis enregistrez à nouveau.");
            }
        }

        db.ChangeTracker.Clear();
        object? model = page is null
            ? await queries.FileAsync(PoleId, id, cancellationToken: cancellationToken)
            : await queries.FileActionAsync(PoleId, id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        return View(page ?? "File", model);
    }
}
