using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>
/// The coordinators prepare the next version of the evaluation's frame (issue 21): start it, edit it element by
/// element, put it to the members' consultation, answer each contribution, adopt it. A refused change shows its
/// form again with the domain's message beside the field and what was typed kept; a concurrent change, the
/// message below and the form again.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/evaluation/referentiel")]
[FormPage(InvalidValueMessage = InvalidValue)]
public sealed class FrameEditingController(FrameEditing editing) : Controller, IShowsFormAgain
{
    private const string Kinds = "{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}";
    private const string PreparationView = "~/Features/Evaluation/Frame/Preparation.cshtml";
    private const string ElementView = "~/Features/Evaluation/Frame/Element.cshtml";
    private const string AnswerView = "~/Features/Evaluation/Frame/Answer.cshtml";
    private const string ConflictMessage = "Une autre personne de la coordination a modifié ce référentiel pendant que vous le consultiez : la page montre ce qui est enregistré maintenant, votre saisie est conservée ; vérifiez, puis enregistrez à nouveau.";
    private const string InvalidValue = "Une valeur saisie n'est pas lisible (une date, un nombre, un choix de la liste) : vérifiez le formulaire.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(PreparationView, await editing.PreparationPageAsync(null, null, null, cancellationToken));

    [HttpPost("commencer")]
    [FormPage(PreparationView, Prefix = "Start")]
    public async Task<IActionResult> Start([Bind(Prefix = "Start")] FrameTitleInput input, CancellationToken cancellationToken)
    {
        await editing.StartFirstAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, "La première version du référentiel est commencée : ajoutez ses valeurs, ses questions, ses critères et ses indicateurs.");
    }

    [HttpPost("version-suivante")]
    [FormPage(PreparationView)]
    public async Task<IActionResult> StartNext(CancellationToken cancellationToken)
    {
        await editing.StartNextAsync(User.GetUserId(), cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, "La version suivante est commencée, copie de la version en vigueur : modifiez-la, puis soumettez-la à la consultation.");
    }

    [HttpPost("{id:guid}/titre")]
    [FormPage(PreparationView, Prefix = "Rename", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Rename(Guid id, [Bind(Prefix = "Rename")] FrameTitleInput input, CancellationToken cancellationToken)
    {
        await editing.RenameAsync(id, input, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, "Le titre du référentiel est enregistré.");
    }

    [HttpGet("{id:guid}/" + Kinds + "/nouveau")]
    public async Task<IActionResult> NewElement(Guid id, string kind, CancellationToken cancellationToken) =>
        FrameElementKinds.Parse(kind) is { } k && await editing.ElementPageAsync(id, k, null, null, false, cancellationToken) is { } page ? View(ElementView, page) : NotFound();

    [HttpPost("{id:guid}/" + Kinds + "/nouveau")]
    [FormPage(ElementView, Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> NewElement(Guid id, string kind, [Bind(Prefix = "Input")] FrameElementInput input, CancellationToken cancellationToken)
    {
        var k = FrameElementKinds.Parse(kind) ?? throw new Areas.Coordination.Platform.PlatformRecordNotFoundException();
        await editing.SaveElementAsync(id, k, null, input, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, $"{k.Label()} : ajout enregistré.");
    }

    [HttpGet("{id:guid}/" + Kinds + "/{elementId:guid}")]
    public async Task<IActionResult> Element(Guid id, string kind, Guid elementId, CancellationToken cancellationToken) =>
        FrameElementKinds.Parse(kind) is { } k && await editing.ElementPageAsync(id, k, elementId, null, false, cancellationToken) is { } page ? View(ElementView, page) : NotFound();

    [HttpPost("{id:guid}/" + Kinds + "/{elementId:guid}")]
    [FormPage(ElementView, Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Element(Guid id, string kind, Guid elementId, [Bind(Prefix = "Input")] FrameElementInput input, CancellationToken cancellationToken)
    {
        var k = FrameElementKinds.Parse(kind) ?? throw new Areas.Coordination.Platform.PlatformRecordNotFoundException();
        await editing.SaveElementAsync(id, k, elementId, input, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, $"{k.Label()} : modification enregistrée.");
    }

    [HttpPost("{id:guid}/" + Kinds + "/{elementId:guid}/retirer")]
    [FormPage(PreparationView, ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Remove(Guid id, string kind, Guid elementId, [FromForm] uint version, CancellationToken cancellationToken)
    {
        var k = FrameElementKinds.Parse(kind) ?? throw new Areas.Coordination.Platform.PlatformRecordNotFoundException();
        await editing.RemoveElementAsync(id, k, elementId, version, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, $"{k.Label()} : retrait enregistré.");
    }

    [HttpPost("{id:guid}/consultation")]
    [FormPage(PreparationView, ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> OpenConsultation(Guid id, [FromForm] uint version, CancellationToken cancellationToken)
    {
        var told = await editing.OpenConsultationAsync(User.GetUserId(), id, version, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath, $"La consultation des membres est ouverte ; {told} organisation(s) prévenue(s) par courriel.");
    }

    [HttpGet("{id:guid}/contributions/{commentId:guid}")]
    public async Task<IActionResult> Answer(Guid id, Guid commentId, CancellationToken cancellationToken) =>
        await editing.CommentPageAsync(id, commentId, null, cancellationToken) is { } page ? View(AnswerView, page) : NotFound();

    [HttpPost("{id:guid}/contributions/{commentId:guid}")]
    [FormPage(AnswerView, Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Answer(Guid id, Guid commentId, [Bind(Prefix = "Input")] CommentAnswerInput input, CancellationToken cancellationToken)
    {
        await editing.AnswerAsync(User.GetUserId(), id, commentId, input, cancellationToken);
        return this.RedirectWithFlash(FrameEditing.PreparationPath + "#contributions", "La réponse à la contribution est enregistrée.");
    }

    [HttpPost("{id:guid}/adopter")]
    [FormPage(PreparationView, Prefix = "Adopt", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Adopt(Guid id, [Bind(Prefix = "Adopt")] AdoptionInput input, CancellationToken cancellationToken)
    {
        await editing.AdoptAsync(User.GetUserId(), id, input, cancellationToken);
        return this.RedirectWithFlash("/coordination/evaluation", "Le référentiel est adopté : il est désormais en vigueur.");
    }

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        var kind = FrameElementKinds.Parse(Convert.ToString(RouteData.Values["kind"], System.Globalization.CultureInfo.InvariantCulture));
        var elementId = Guid.TryParse(Convert.ToString(RouteData.Values["elementId"], System.Globalization.CultureInfo.InvariantCulture), out var e) ? e : (Guid?)null;
        var commentId = Guid.TryParse(Convert.ToString(RouteData.Values["commentId"], System.Globalization.CultureInfo.InvariantCulture), out var c) ? c : Guid.Empty;
        object? page = form.View switch
        {
            ElementView => kind is { } k ? await editing.ElementPageAsync(form.Id, k, elementId, form.Argument<FrameElementInput>("input"), form.Conflict, form.CancellationToken) : null,
            AnswerView => await editing.CommentPageAsync(form.Id, commentId, form.Argument<CommentAnswerInput>("input"), form.CancellationToken),
            _ => await editing.PreparationPageAsync(
                form.Action == nameof(Start) ? form.Argument<FrameTitleInput>("input") : null,
                form.Action == nameof(Rename) ? form.Argument<FrameTitleInput>("input") : null,
                form.Action == nameof(Adopt) ? form.Argument<AdoptionInput>("input") : null,
                form.CancellationToken),
        };
        return page is null ? null : View(form.View, page);
    }
}
