using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Invitations;

public sealed record InvitationViewModel(string Token, string ProjectTitle, string InvitedEmail, bool SignedIn, bool IsPorteur, bool AddressMatches, string? Problem);

/// <summary>A co-porteur follows the link of their invitation, signs in (or registers) and joins the project.</summary>
[Route("invitation")]
public sealed class InvitationsController(TrajectoirEssDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<InvitationsController> logger) : Controller
{
    [HttpGet("{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(string? token, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(token, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{token}")]
    [Authorize(Policy = Policies.Porteur)]
    public async Task<IActionResult> Accept(string? token, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(token, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (model.Problem is not null || !model.AddressMatches)
        {
            return View("Show", model);
        }

        var invitation = await FindAsync(token!, cancellationToken); // ModelAsync found it: the token is there
        var project = await db.Projects.SingleAsync(p => p.Id == invitation!.ProjectId, cancellationToken);
        var userId = User.GetUserId();
        try
        {
            invitation!.Accept(project, userId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            return View("Show", model with { Problem = ex.Message });
        }

        logger.LogInformation("User {UserId} joined project {ProjectId} by invitation", userId, project.Id);
        TempData["Flash"] = "Vous avez rejoint le projet.";
        return Redirect($"/porteur/projets/{project.Id}");
    }

    private Task<ProjectInvitation?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ProjectInvitation.Hash(token);
        return db.ProjectInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private async Task<InvitationViewModel?> ModelAsync(string? token, CancellationToken cancellationToken)
    {
        // A token is 64 hexadecimal characters; a blank one (" " in the URL binds as null) is simply not found.
        if (token is not { Length: 64 })
        {
            return null;
        }

        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        var title = await db.Projects.Where(p => p.Id == invitation.ProjectId).Select(p => p.Title).SingleAsync(cancellationToken);
        var signedIn = User.Identity?.IsAuthenticated == true;
        var email = signedIn ? (await users.GetUserAsync(User))?.Email : null;
        var problem = invitation.AcceptedAt is not null ? "Cette invitation a déjà été utilisée."
            : !invitation.IsPending(clock.GetUtcNow()) ? "Cette invitation a expiré ou a été retirée : demandez-en une nouvelle au porteur du projet."
            : null;
        return new InvitationViewModel(
            token,
            title,
            invitation.Email,
            signedIn,
            User.IsInRole(Roles.Porteur),
            string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase),
            problem);
    }
}
