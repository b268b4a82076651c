using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>
/// The evaluation's frame in force (issue 21), read by the coordination and by every member of the platform (pôles,
/// structures, public partners), whose contributions to its consultation are shown with the answers they received.
/// </summary>
public sealed class FrameController(FrameQueries frames) : Controller
{
    private const string FrameView = "~/Features/Evaluation/Frame/Frame.cshtml";

    [HttpGet("/coordination/evaluation")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> ForCoordination(CancellationToken cancellationToken) =>
        View(FrameView, await frames.InForceAsync(forCoordination: true, cancellationToken));

    [HttpGet("/plateforme/evaluation")]
    [Authorize(Policy = Policies.PlatformMember)]
    public async Task<IActionResult> ForMembers(CancellationToken cancellationToken) =>
        View(FrameView, await frames.InForceAsync(forCoordination: false, cancellationToken));
}
