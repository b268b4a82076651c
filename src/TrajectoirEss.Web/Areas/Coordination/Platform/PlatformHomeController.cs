using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>The platform's home for the coordinators: sessions to come and past (paged), and the attendance per college.</summary>
[Area("Coordination")]
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/plateforme")]
public sealed class PlatformHomeController(TrajectoirEssDbContext db, IOptions<WorkspaceOptions> workspace) : Controller
{
    /// <summary>How many of the regional platform's last held sessions the attendance rates cover.</summary>
    public const int AttendanceSessions = 6;

    [HttpGet("")]
    public async Task<IActionResult> Index([Range(1, 100000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            page = 1;
        }

        var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.Name, b.Kind }).ToListAsync(cancellationToken);
        var names = bodies.ToDictionary(b => b.Id, b => b.Name);
        var upcoming = await Lines(db.PlatformSessions.Where(s => PlatformSession.UpcomingStatuses.Contains(s.Status)).OrderBy(s => s.StartsAt))
            .ToListAsync(cancellationToken);
        var past = db.PlatformSessions.Where(s => !PlatformSession.UpcomingStatuses.Contains(s.Status));
        var total = await past.CountAsync(cancellationToken);
        var pageSize = workspace.Value.PageSize;
        var (current, pageCount) = Paging.Clamp(page, total, pageSize);
        var pastLines = await Lines(past.OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id).Skip((current - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);

        var platform = bodies.FirstOrDefault(b => b.Kind == BodyKind.Platform);
        var held = platform is null ? [] : await db.PlatformSessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.BodyId == platform.Id && (s.Status == PlatformSessionStatus.Held || s.Status == PlatformSessionStatus.Closed))
            .OrderByDescending(s => s.StartsAt)
            .Take(AttendanceSessions)
            .ToListAsync(cancellationToken);

        SessionLine Named(SessionRow s) => new(s.Id, names.GetValueOrDefault(s.BodyId) ?? "—", s.StartsAt, s.DurationMinutes, s.Semester, s.Status, s.Place, s.ByVideo);
        return View(
            "~/Areas/Coordination/Platform/Index.cshtml",
            new PlatformHomePage(
                [.. upcoming.Select(Named)],
                [.. pastLines.Select(Named)],
                new Paging(current, pageCount, total, n => $"/coordination/plateforme?page={n}#passees"),
                AttendanceRates.ByCollege(held),
                held.Count,
                platform?.Name ?? "Plateforme de coordination"));
    }

    private static IQueryable<SessionRow> Lines(IQueryable<PlatformSession> sessions) =>
        sessions.AsNoTracking().Select(s => new SessionRow(s.Id, s.BodyId, s.StartsAt, s.DurationMinutes, s.Semester, s.Status, s.Place, s.VideoLink != null));

    private sealed record SessionRow(Guid Id, Guid BodyId, DateTimeOffset StartsAt, int DurationMinutes, Semester Semester, PlatformSessionStatus Status, string? Place, bool ByVideo);
}
