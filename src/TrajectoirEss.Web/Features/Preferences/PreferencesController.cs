using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Features.Preferences;

public sealed record PreferencesViewModel(IReadOnlyList<(NotificationKinds Kind, bool Wanted)> Choices);

/// <summary>Every signed-in person chooses which e-mails they receive, kind by kind.</summary>
[Route("compte/preferences")]
public sealed class PreferencesController(UserManager<ApplicationUser> users) : Controller
{
    /// <summary>The kinds of e-mail that concern each role.</summary>
    public static IReadOnlyList<NotificationKinds> KindsFor(IList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var kinds = new List<NotificationKinds>();
        if (roles.Contains(Roles.Porteur))
        {
            kinds.Add(NotificationKinds.ProjectUpdates);
        }

        if (roles.Contains(Roles.PoleStaff) || roles.Contains(Roles.StructureStaff))
        {
            kinds.Add(NotificationKinds.NewProjects);
        }

        if (roles.Contains(Roles.PoleStaff))
        {
            kinds.Add(NotificationKinds.ReferralUpdates);
        }

        if (roles.Contains(Roles.Porteur) || roles.Contains(Roles.PoleStaff))
        {
            kinds.Add(NotificationKinds.Messages);
        }

        if (roles.Contains(Roles.PoleStaff) || roles.Contains(Roles.StructureStaff) || roles.Contains(Roles.PublicPartner) || roles.Contains(Roles.Coordinator))
        {
            kinds.Add(NotificationKinds.Coordination);
        }

        return kinds;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var kinds = KindsFor(await users.GetRolesAsync(user));
        return View(new PreferencesViewModel(kinds.Select(k => (k, !user.MutedNotifications.HasFlag(k))).ToList()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] NotificationKinds[]? wanted)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var kinds = KindsFor(await users.GetRolesAsync(user));
        if (!ModelState.IsValid)
        {
            // An unknown kind of e-mail: nothing is changed.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            TempData.Remove("Flash");
            return View(new PreferencesViewModel(kinds.Select(k => (k, !user.MutedNotifications.HasFlag(k))).ToList()));
        }

        var chosen = wanted ?? [];
        user.MutedNotifications = kinds.Where(k => !chosen.Contains(k)).Aggregate(NotificationKinds.None, (all, k) => all | k);
        await users.UpdateAsync(user);
        TempData["Flash"] = "Vos préférences de courriel sont enregistrées.";
        return RedirectToAction(nameof(Index));
    }
}
