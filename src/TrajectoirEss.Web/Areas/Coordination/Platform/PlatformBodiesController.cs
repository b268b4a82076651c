using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>The coordination bodies (the platform, steering committees, thematic groups), their members and representatives.</summary>
[Area("Coordination")]
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/plateforme/instances")]
[FormPage(InvalidValueMessage = InvalidValue, ConflictMessage = ConflictText)]
public sealed class PlatformBodiesController(PlatformBodies bodies) : Controller, IShowsFormAgain
{
    private const string ConflictText = "Un autre membre de la coordination a enregistré un changement de cette instance au même moment : la page la montre telle qu'elle est maintenant, votre saisie est conservée ci-dessous ; enregistrez à nouveau si elle vaut toujours.";

    private const string InvalidValue = "Une valeur saisie n'a pas pu être lue (une date au format jj/mm/aaaa, une organisation ou une personne de la liste) : vérifiez le formulaire.";
    private const string BodiesView = "~/Areas/Coordination/Platform/Bodies.cshtml";
    private const string BodyView = "~/Areas/Coordination/Platform/Body.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(BodiesView, await bodies.ListAsync(null, cancellationToken));

    [HttpPost("")]
    [FormPage(BodiesView, Prefix = "Body")]
    public async Task<IActionResult> Create([Bind(Prefix = "Body")] BodyInput input, CancellationToken cancellationToken)
    {
        var id = await bodies.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/instances/{id}", "L'instance est créée : ajoutez-y ses membres.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        await bodies.PageAsync(id, cancellationToken) is { } page ? View(BodyView, page) : NotFound();

    [HttpPost("{id:guid}/membres")]
    [FormPage(BodyView, Prefix = "Member")]
    public async Task<IActionResult> AddMember(Guid id, [Bind(Prefix = "Member")] MemberInput input, CancellationToken cancellationToken)
    {
        await bodies.AddMemberAsync(User.GetUserId(), id, input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/instances/{id}#membres", "Le membre est ajouté à l'instance.");
    }

    [HttpPost("{id:guid}/membres/{membershipId:guid}/fin")]
    [FormPage(BodyView, Prefix = "End")]
    public async Task<IActionResult> EndMembership(Guid id, Guid membershipId, [Bind(Prefix = "End")] EndInput input, CancellationToken cancellationToken)
    {
        await bodies.EndMembershipAsync(User.GetUserId(), id, membershipId, input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/instances/{id}#membres", "L'adhésion prend fin à la date indiquée, avec les représentations.");
    }

    [HttpPost("{id:guid}/membres/{membershipId:guid}/representants")]
    [FormPage(BodyView, Prefix = "Representative")]
    public async Task<IActionResult> NameRepresentative(Guid id, Guid membershipId, [Bind(Prefix = "Representative")] RepresentativeInput input, CancellationToken cancellationToken)
    {
        await bodies.NameRepresentativeAsync(User.GetUserId(), id, membershipId, input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/instances/{id}#membres", "Le représentant est nommé.");
    }

    [HttpPost("{id:guid}/membres/{membershipId:guid}/representants/{representativeId:guid}/fin")]
    [FormPage(BodyView, Prefix = "EndRepresentative")]
    public async Task<IActionResult> EndRepresentative(Guid id, Guid membershipId, Guid representativeId, [Bind(Prefix = "EndRepresentative")] EndInput input, CancellationToken cancellationToken)
    {
        await bodies.EndRepresentativeAsync(User.GetUserId(), id, membershipId, representativeId, input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/instances/{id}#membres", "La représentation prend fin à la date indiquée.");
    }

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.View == BodiesView)
        {
            return View(BodiesView, await bodies.ListAsync(form.Argument<BodyInput>("input"), form.CancellationToken));
        }

        return await bodies.PageAsync(form.Id, form.CancellationToken) is { } page ? View(BodyView, page) : null;
    }
}
