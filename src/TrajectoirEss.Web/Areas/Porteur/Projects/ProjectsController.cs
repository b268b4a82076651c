using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Porteur.Projects;

/// <summary>
/// The porteur's projects: the idea's form (a draft, then the project), its submission, its messages and co-porteurs.
/// A refused form is shown again with what was typed (<see cref="RefusalFilter"/>); the other actions are refused on
/// the generic page.
/// </summary>
[Area("Porteur")]
[Authorize(Policy = Policies.Porteur)]
[Route("porteur/projets")]
public sealed class ProjectsController(PorteurProjects projects, ProjectQueries queries, CommuneDirectory communes, ListValues lists, TrajectoirEssDbContext db) : Controller, IShowsFormAgain
{
    private const string SubmitIntent = "deposer";

    private const string ConflictMessage = "Un autre porteur a modifié ce projet pendant que vous le modifiiez. Vos saisies sont conservées ci-dessous : vérifiez-les sur la fiche du projet, puis enregistrez à nouveau.";

    [HttpGet("nouveau")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await PageAsync(new ProjectForm { ClientKey = Guid.CreateVersion7(), PeopleCount = 1 }, null, false, cancellationToken));

    [HttpPost("nouveau")]
    [EnableRateLimiting(RateLimits.IdeaSubmission)]
    [FormPage("Form", ConflictMessage = ConflictMessage)]
    public Task<IActionResult> New(ProjectForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(null, form, intent, cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var model = await queries.DetailsAsync(id, User.GetUserId(), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var project = await projects.FindForMemberAsync(id, userId, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }

        if (!project.Can(ProjectAction.Edit))
        {
            throw new DomainException("Le projet ne peut plus être modifié ici : écrivez à votre pôle pour signaler un changement.");
        }

        var form = ProjectForm.From(project, await communes.FindAsync(project.CommuneCode, cancellationToken));
        form.ConsentProcessing = await projects.ProcessingConsentAsync(userId, id, cancellationToken);
        return View("Form", await PageAsync(form, id, project.Status != ProjectStatus.Draft, cancellationToken));
    }

    [HttpPost("{id:guid}/modifier")]
    [FormPage("Form", ConflictMessage = ConflictMessage)]
    public Task<IActionResult> Edit(Guid id, ProjectForm form, string? intent, CancellationToken cancellationToken) =>
        SaveAsync(id, form, intent, cancellationToken);

    /// <summary>The last step before submitting: which pôle will welcome the project, and how to reach it.</summary>
    [HttpGet("{id:guid}/depot")]
    public async Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken)
    {
        var model = await queries.DetailsAsync(id, User.GetUserId(), cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return model.Status == ProjectStatus.Draft ? View(model) : RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/depot")]
    [FormPage]
    public async Task<IActionResult> Submit(Guid id, string? confirm, [FromForm(Name = SharingChoices.Field)] Guid[]? structures, [FromServices] Microsoft.Extensions.Options.IOptions<WorkspaceOptions> workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var result = await projects.SubmitAsync(User.GetUserId(), id, structures, cancellationToken);
        var number = await db.Projects.Where(p => p.Id == id).Select(p => p.FileNumber).SingleAsync(cancellationToken);
        TempData["Flash"] = result == SubmitResult.Submitted
            ? $"Votre projet est déposé sous le numéro de dossier {Project.Reference(number)}. Le pôle ESS vous contactera sous {workspace.Value.FirstContactAlertDays} jours ; un accusé de réception vous a été envoyé."
            : "Ce projet est déjà déposé.";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The porteur's sharing choices, partner by partner, at any time (drafts included).</summary>
    [HttpPost("{id:guid}/partage")]
    [FormPage("Details")]
    public async Task<IActionResult> Share(Guid id, [FromForm(Name = SharingChoices.Field)] Guid[]? structures, [FromServices] ChangeSharing change, CancellationToken cancellationToken)
    {
        var (withdrawn, given) = await change.RunAsync(User.GetUserId(), id, structures, cancellationToken);
        var said = new List<string>();
        if (given.Count > 0)
        {
            said.Add($"{string.Join(", ", given)} {(given.Count > 1 ? "peuvent" : "peut")} désormais voir votre projet.");
        }

        if (withdrawn.Count > 0)
        {
            said.Add($"{string.Join(", ", withdrawn)} ne {(withdrawn.Count > 1 ? "voient" : "voit")} plus votre projet ; ce que ces structures ont déjà enregistré (leurs réponses, inscriptions, financements) reste chez elles.");
        }

        TempData["Flash"] = said.Count == 0 ? "Vos choix de partage n'ont pas changé." : "Vos choix de partage sont enregistrés. " + string.Join(" ", said);
        return Redirect(Url.Action(nameof(Details), new { id }) + "#partage");
    }

    [HttpPost("{id:guid}/messages")]
    [FormPage("Details")]
    public async Task<IActionResult> PostMessage(Guid id, [FromForm] string? body, CancellationToken cancellationToken)
    {
        await projects.PostMessageAsync(User.GetUserId(), id, body, cancellationToken);
        TempData["Flash"] = "Votre message a été envoyé au pôle.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#messages");
    }

    [HttpPost("{id:guid}/invitations")]
    [FormPage("Details")]
    public async Task<IActionResult> Invite(Guid id, [FromForm] string? email, CancellationToken cancellationToken)
    {
        await projects.InviteAsync(User.GetUserId(), id, email, cancellationToken);
        TempData["Flash"] = "L'invitation a été envoyée.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#porteurs");
    }

    [HttpPost("{id:guid}/invitations/{invitationId:guid}/retirer")]
    [FormPage("Details")]
    public async Task<IActionResult> RevokeInvitation(Guid id, Guid invitationId, CancellationToken cancellationToken)
    {
        await projects.RevokeInvitationAsync(User.GetUserId(), id, invitationId, cancellationToken);
        TempData["Flash"] = "L'invitation a été retirée.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#porteurs");
    }

    [HttpPost("{id:guid}/membres/{memberId:guid}/retirer")]
    [FormPage("Details")]
    public async Task<IActionResult> RemoveMember(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        await projects.RemoveMemberAsync(User.GetUserId(), id, memberId, cancellationToken);
        TempData["Flash"] = "Le co-porteur a été retiré du projet.";
        return Redirect(Url.Action(nameof(Details), new { id }) + "#porteurs");
    }

    [HttpPost("{id:guid}/quitter")]
    [FormPage("Details")]
    public async Task<IActionResult> Leave(Guid id, CancellationToken cancellationToken)
    {
        await projects.LeaveAsync(User.GetUserId(), id, cancellationToken);
        TempData["Flash"] = "Vous avez quitté le projet.";
        return Redirect("/porteur");
    }

    /// <summary>
    /// A refused form: the idea's form with what was typed (and, after a conflict, the version saved meanwhile, so that
    /// saving again goes through), or the submission's page.
    /// </summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain refused)
    {
        var cancellationToken = refused.CancellationToken;
        if (refused.View is nameof(Submit) or nameof(Details))
        {
            var details = await queries.DetailsAsync(refused.Id, User.GetUserId(), cancellationToken);
            return details is null ? null : View(refused.View, details);
        }

        Guid? id = refused.Action == nameof(Edit) ? refused.Id : null;
        var form = refused.Argument<ProjectForm>("form") ?? new ProjectForm();
        if (refused.Conflict)
        {
            form.Version = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).SingleOrDefaultAsync(cancellationToken);
        }

        return await CheckedAsync(id, form, cancellationToken) is { } page ? View(refused.View, page.Page) : null;
    }

    private async Task<IActionResult> SaveAsync(Guid? id, ProjectForm form, string? intent, CancellationToken cancellationToken)
    {
        if (await CheckedAsync(id, form, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        // A commune to choose among several, or one outside Brittany: the form asks again (its errors beside the fields).
        if (!ModelState.IsValid)
        {
            return View("Form", page.Page);
        }

        var project = await projects.SaveAsync(User.GetUserId(), id, form, page.CommuneCode, cancellationToken);
        if (intent == SubmitIntent && project.Status == ProjectStatus.Draft)
        {
            return RedirectToAction(nameof(Submit), new { id = project.Id });
        }

        TempData["Flash"] = project.Status == ProjectStatus.Draft ? "Votre brouillon est enregistré." : "Vos modifications sont enregistrées.";
        return RedirectToAction(nameof(Details), new { id = project.Id });
    }

    /// <summary>
    /// The form's page for what was typed, its commune resolved and its list values checked (errors beside the
    /// fields); null when the project is not one of the person's.
    /// </summary>
    private async Task<(ProjectFormPage Page, string? CommuneCode)?> CheckedAsync(Guid? id, ProjectForm form, CancellationToken cancellationToken)
    {
        var existing = id is null ? null : await projects.FindForMemberAsync(id.Value, User.GetUserId(), cancellationToken);
        if (id is not null && existing is null)
        {
            return null;
        }

        var page = await PageAsync(form, id, existing is not null && existing.Status != ProjectStatus.Draft, cancellationToken);
        var communeCode = await ResolveCommuneAsync(form, page, cancellationToken);
        await CheckListValuesAsync(form, cancellationToken);
        return (page, communeCode);
    }

    /// <summary>Turns what was typed into one commune of Brittany, or explains why not, next to the field.</summary>
    private async Task<string?> ResolveCommuneAsync(ProjectForm form, ProjectFormPage page, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(form.CommuneCode) && await communes.FindAsync(form.CommuneCode, cancellationToken) is { } chosen
            && (string.IsNullOrWhiteSpace(form.Commune) || form.Commune == chosen.Display || SearchText.Fold(form.Commune) == SearchText.Fold(chosen.Nom)))
        {
            page.Pole = await communes.PoleContactAsync(chosen.Pole?.Id, cancellationToken);
            form.Commune = chosen.Display;
            return chosen.Code;
        }

        if (string.IsNullOrWhiteSpace(form.Commune))
        {
            form.CommuneCode = null;
            return null;
        }

        var match = await communes.ResolveAsync(form.Commune, cancellationToken);
        if (match.Kind == CommuneMatchKind.Ambiguous && match.Candidates.FirstOrDefault(c => c.Code == form.CommuneCode) is { } picked)
        {
            // The person picked one of the communes offered for what they typed.
            match = new CommuneMatch(CommuneMatchKind.Found, picked, []);
        }

        switch (match.Kind)
        {
            case CommuneMatchKind.Found:
                form.CommuneCode = match.Commune!.Code;
                form.Commune = match.Commune.Display;
                page.Pole = await communes.PoleContactAsync(match.Commune.Pole?.Id, cancellationToken);
                return match.Commune.Code;
            case CommuneMatchKind.Ambiguous:
                page.CommuneCandidates = match.Candidates;
                ModelState.AddModelError(nameof(ProjectForm.Commune), "Plusieurs communes correspondent : choisissez la vôtre dans la liste.");
                break;
            case CommuneMatchKind.OutsideBrittany:
                ModelState.AddModelError(nameof(ProjectForm.Commune), "Cette commune est hors de Bretagne : Trajectoir'ESS accompagne les projets situés en Bretagne. Pour un projet ailleurs, adressez-vous à la chambre régionale de l'ESS (CRESS) de votre région.");
                break;
            default:
                ModelState.AddModelError(nameof(ProjectForm.Commune), "Aucune commune de Bretagne ne correspond. Vérifiez l'orthographe ou saisissez le code postal. Trajectoir'ESS accompagne les projets situés en Bretagne.");
                break;
        }

        form.CommuneCode = null;
        return null;
    }

    private async Task CheckListValuesAsync(ProjectForm form, CancellationToken cancellationToken)
    {
        await CheckAsync(ListKind.Sector, form.SectorCode, nameof(ProjectForm.SectorCode));
        await CheckAsync(ListKind.LegalForm, form.LegalFormCode, nameof(ProjectForm.LegalFormCode));
        await CheckAsync(ListKind.HeardFrom, form.HeardFrom, nameof(ProjectForm.HeardFrom));

        async Task CheckAsync(ListKind kind, string? code, string field)
        {
            if (!string.IsNullOrEmpty(code) && !await lists.IsActiveAsync(kind, code, cancellationToken))
            {
                ModelState.AddModelError(field, "Choisissez une valeur de la liste.");
            }
        }
    }

    private async Task<ProjectFormPage> PageAsync(ProjectForm form, Guid? id, bool isSubmitted, CancellationToken cancellationToken)
    {
        var lists = await db.ListItems.AsNoTracking()
            .Where(i => i.IsActive && (i.Kind == ListKind.Sector || i.Kind == ListKind.LegalForm || i.Kind == ListKind.HeardFrom))
            .OrderBy(i => i.SortOrder)
            .ToListAsync(cancellationToken);
        var page = new ProjectFormPage
        {
            Form = form,
            ProjectId = id,
            IsSubmitted = isSubmitted,
            Sectors = lists.Where(i => i.Kind == ListKind.Sector).ToList(),
            LegalForms = lists.Where(i => i.Kind == ListKind.LegalForm).ToList(),
            HeardFromOptions = lists.Where(i => i.Kind == ListKind.HeardFrom).ToList(),
        };
        if (!string.IsNullOrEmpty(form.CommuneCode) && await communes.FindAsync(form.CommuneCode, cancellationToken) is { } commune)
        {
            page.Pole = await communes.PoleContactAsync(commune.Pole?.Id, cancellationToken);
        }

        return page;
    }
}
