using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Emails;

public sealed class EmailFilter
{
    [Range(1, 100000)]
    public int Page { get; set; } = 1;
}

/// <summary>The outbox at a glance: waiting (of which being retried), sent in the last days, given up.</summary>
public sealed record EmailCounts(int Waiting, int Retrying, int SentRecently, int GivenUp);

public sealed record GivenUpEmail(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset GivenUpAt, string ToName, string ToAddress, string Subject, int Attempts, string? LastError);

public sealed record EmailsPage(EmailCounts Counts, IReadOnlyList<GivenUpEmail> Lines, Paging Paging, EmailOptions Settings);

/// <summary>
/// The e-mails the portal sends (through the outbox): how many wait, how many left lately, and the ones given up
/// after every attempt, each with its last error and a button that puts it back in the queue.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/courriels")]
public sealed class EmailsController(TrajectoirEssDbContext db, EmailOutbox outbox, IOptions<EmailOptions> options, IOptions<WorkspaceOptions> workspace, TimeProvider clock, ILogger<EmailsController> logger) : Controller
{
    /// <summary>The period of the "sent" count.</summary>
    public const int RecentDays = 7;

    [HttpGet("")]
    public async Task<IActionResult> Index(EmailFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("La page demandée n'est pas valide : revenez à la liste des courriels.");
        }

        var since = clock.GetUtcNow().AddDays(-RecentDays);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new EmailCounts(
                g.Count(m => m.SentAt == null && m.FailedAt == null),
                g.Count(m => m.SentAt == null && m.FailedAt == null && m.Attempts > 0),
                g.Count(m => m.SentAt >= since),
                g.Count(m => m.FailedAt != null)))
            .SingleOrDefaultAsync(cancellationToken) ?? new EmailCounts(0, 0, 0, 0);
        var (page, pageCount) = Paging.Clamp(filter.Page, counts.GivenUp, workspace.Value.PageSize);
        var lines = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.FailedAt != null)
            .OrderByDescending(m => m.FailedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * workspace.Value.PageSize)
            .Take(workspace.Value.PageSize)
            .Select(m => new GivenUpEmail(m.Id, m.CreatedAt, m.FailedAt!.Value, m.ToName, m.ToAddress, m.Subject, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return View(new EmailsPage(counts, lines, new Paging(page, pageCount, counts.GivenUp, n => $"/admin/courriels?page={n}"), options.Value));
    }

    [HttpPost("{id:guid}/renvoyer")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Subject, m.ToAddress }).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        var outcome = await outbox.RetryAsync(id, cancellationToken);
        if (outcome == OutboxRetry.NotFound)
        {
            return NotFound();
        }

        if (outcome == OutboxRetry.Requeued)
        {
            logger.LogInformation("E-mail {MessageId} put back in the outbox by administrator {UserId}", id, User.GetUserId());
        }

        TempData["Flash"] = outcome switch
        {
            OutboxRetry.Requeued => $"Le courriel « {message.Subject} » à {message.ToAddress} est remis dans la file d'envoi : il part dans quelques secondes.",
            OutboxRetry.AlreadyWaiting => $"Le courriel « {message.Subject} » est déjà dans la file d'envoi.",
            _ => $"Le courriel « {message.Subject} » a déjà été envoyé.",
        };
        return Redirect("/admin/courriels");
    }
}
