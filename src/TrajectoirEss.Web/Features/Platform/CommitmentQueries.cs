using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>The list of commitments' filters, from the query string (the members', the coordinators' and the public list).</summary>
public sealed class CommitmentFilter
{
    public CommitmentStatus? Status { get; set; }

    public Guid? Objective { get; set; }

    /// <summary>The carrier, as "Kind:id" (<see cref="PlatformDirectory.Key"/>).</summary>
    [StringLength(80)]
    public string? Carrier { get; set; }

    /// <summary>Only the commitments that owe news since the last held session (<see cref="Commitment.NeedsUpdateSince"/>).</summary>
    public bool Stale { get; set; }

    [Range(1, 100000)]
    public int Page { get; set; } = 1;
}

/// <summary>A commitment as a list shows it: names, never a person's.</summary>
public sealed record CommitmentLine(
    Guid Id,
    string Title,
    string Carrier,
    IReadOnlyList<string> Contributors,
    string Objective,
    CommitmentStatus Status,
    int Progress,
    DateTimeOffset? LastUpdateAt,
    string Due,
    bool NeedsUpdate);

/// <summary>A page of commitments, the filters it was asked with, and what the filters offer.</summary>
public sealed record CommitmentListPage(
    CommitmentFilter Filter,
    IReadOnlyList<CommitmentLine> Lines,
    Paging Paging,
    IReadOnlyList<StrategyObjective> Objectives,
    IReadOnlyList<OrganisationEntry> Carriers,
    DateTimeOffset? LastSessionAt);

/// <summary>An update of a commitment as its page shows it (the organisation, not the person).</summary>
public sealed record CommitmentUpdateLine(DateTimeOffset PostedAt, string Organisation, int Progress, string Narrative);

/// <summary>A commitment's page: its terms, who carries and contributes, its history of updates.</summary>
public sealed record CommitmentDetail(
    Guid Id,
    string Title,
    string? Description,
    OrganisationRef Carrier,
    string CarrierName,
    IReadOnlyList<string> Contributors,
    string Objective,
    string Axis,
    string Due,
    CommitmentStatus Status,
    int Progress,
    string? DropReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUpdateAt,
    bool NeedsUpdate,
    Guid? SessionId,
    string? SessionLabel,
    IReadOnlyList<CommitmentUpdateLine> Updates);

/// <summary>
/// The reads of the commitments, for the members' pages, the coordinators' list and the public page. Filtering by
/// status, objective and carrier is SQL; the "no news since the last session" flag is the domain's
/// (<see cref="Commitment.NeedsUpdateSince"/>) applied to the filtered rows, then paged: the platform keeps tens to
/// a few hundred commitments, not more.
/// </summary>
public sealed class CommitmentQueries(TrajectoirEssDbContext db, PlatformDirectory directory, IOptions<WorkspaceOptions> workspace)
{
    /// <summary>The start of the platform's last session that took place (held or closed), if any.</summary>
    public async Task<DateTimeOffset?> LastSessionAtAsync(CancellationToken cancellationToken)
    {
        var last = await db.PlatformSessions.AsNoTracking()
            .Where(s => PlatformSession.PastStatuses.Contains(s.Status) && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform))
            .OrderByDescending(s => s.StartsAt)
            .Select(s => (DateTimeOffset?)s.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        return last;
    }

    public async Task<CommitmentListPage> ListAsync(CommitmentFilter filter, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Commitments.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Objective is { } objective)
        {
            query = query.Where(c => c.ObjectiveId == objective);
        }

        if (PlatformDirectory.Parse(filter.Carrier) is { } carrier)
        {
            query = query.Where(c => c.Carrier == carrier);
        }

        var lastSessionAt = await LastSessionAtAsync(cancellationToken);
        var commitments = await query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (filter.Stale)
        {
            commitments = lastSessionAt is { } since ? [.. commitments.Where(c => c.NeedsUpdateSince(since))] : [];
        }

        var pageSize = workspace.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(filter.Page, commitments.Count, pageSize);
        filter.Page = page;
        var shown = commitments.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var lines = await LinesAsync(shown, lastSessionAt, cancellationToken);
        var objectives = await db.StrategyObjectives.AsNoTracking().OrderBy(o => o.AxisCode).ThenBy(o => o.Code).ToListAsync(cancellationToken);
        var carriers = await CarriersAsync(cancellationToken);
        return new CommitmentListPage(filter, lines, new Paging(page, pageCount, commitments.Count, n => ListUrl(baseUrl, filter, n)), objectives, carriers, lastSessionAt);
    }

    /// <summary>The commitments an organisation carries, or contributes to.</summary>
    public async Task<(IReadOnlyList<CommitmentLine> Carried, IReadOnlyList<CommitmentLine> Contributed)> OfAsync(OrganisationRef organisation, CancellationToken cancellationToken)
    {
        var lastSessionAt = await LastSessionAtAsync(cancellationToken);
        var carried = await db.Commitments.AsNoTracking().Where(c => c.Carrier == organisation).OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var contributed = await db.Commitments.AsNoTracking().Where(c => c.Contributors.Contains(organisation)).OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        return (await LinesAsync(carried, lastSessionAt, cancellationToken), await LinesAsync(contributed, lastSessionAt, cancellationToken));
    }

    public async Task<CommitmentDetail?> DetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return null;
        }

        var names = await directory.NamesAsync([commitment.Carrier, .. commitment.Contributors, .. commitment.Updates.Select(u => u.Organisation)], cancellationToken);
        var objective = await db.StrategyObjectives.AsNoTracking().SingleAsync(o => o.Id == commitment.ObjectiveId, cancellationToken);
        var sessions = await SessionDatesAsync([commitment.DueSessionId, commitment.SessionId], cancellationToken);
        var lastSessionAt = await LastSessionAtAsync(cancellationToken);
        return new CommitmentDetail(
            commitment.Id,
            commitment.Title,
            commitment.Description,
            commitment.Carrier,
            names[commitment.Carrier],
            [.. commitment.Contributors.Select(c => names[c]).Order(StringComparer.CurrentCulture)],
            objective.Title,
            objective.AxisCode + " — " + objective.AxisLabel,
            Due(commitment, sessions),
            commitment.Status,
            commitment.Progress,
            commitment.DropReason,
            commitment.CreatedAt,
            commitment.LastUpdateAt,
            lastSessionAt is { } since && commitment.NeedsUpdateSince(since),
            commitment.SessionId,
            commitment.SessionId is { } s && sessions.TryGetValue(s, out var label) ? label : null,
            [.. commitment.Updates.Reverse().Select(u => new CommitmentUpdateLine(u.PostedAt, names[u.Organisation], u.Progress, u.Narrative))]);
    }

    /// <summary>The organisations that carry at least one commitment, for the carrier filter.</summary>
    public async Task<IReadOnlyList<OrganisationEntry>> CarriersAsync(CancellationToken cancellationToken)
    {
        var carriers = await db.Commitments.AsNoTracking().Select(c => c.Carrier).Distinct().ToListAsync(cancellationToken);
        var names = await directory.NamesAsync(carriers, cancellationToken);
        return [.. carriers.Select(c => new OrganisationEntry(c, names[c])).OrderBy(e => e.Name, StringComparer.CurrentCulture)];
    }

    private async Task<IReadOnlyList<CommitmentLine>> LinesAsync(List<Commitment> commitments, DateTimeOffset? lastSessionAt, CancellationToken cancellationToken)
    {
        if (commitments.Count == 0)
        {
            return [];
        }

        var names = await directory.NamesAsync(commitments.SelectMany(c => c.Contributors.Prepend(c.Carrier)), cancellationToken);
        var objectiveIds = commitments.Select(c => c.ObjectiveId).Distinct().ToList();
        var objectives = await db.StrategyObjectives.AsNoTracking().Where(o => objectiveIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        var sessions = await SessionDatesAsync(commitments.Select(c => c.DueSessionId), cancellationToken);
        return
        [
            .. commitments.Select(c => new CommitmentLine(
                c.Id,
                c.Title,
                names[c.Carrier],
                [.. c.Contributors.Select(o => names[o]).Order(StringComparer.CurrentCulture)],
                objectives[c.ObjectiveId],
                c.Status,
                c.Progress,
                c.LastUpdateAt,
                Due(c, sessions),
                lastSessionAt is { } since && c.NeedsUpdateSince(since))),
        ];
    }

    /// <summary>"Séance du 16 avril 2026 (1er semestre 2026)" for the sessions named.</summary>
    private async Task<Dictionary<Guid, string>> SessionDatesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var sessions = await db.PlatformSessions.AsNoTracking().Where(s => wanted.Contains(s.Id)).Select(s => new { s.Id, s.StartsAt, s.Semester }).ToListAsync(cancellationToken);
        return sessions.ToDictionary(s => s.Id, s => $"Séance du {Format.Date(s.StartsAt)} ({s.Semester.Label})");
    }

    private static string Due(Commitment commitment, Dictionary<Guid, string> sessions) =>
        commitment.DueOn is { } on
            ? on.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))
            : commitment.DueSessionId is { } s && sessions.TryGetValue(s, out var label) ? label : "—";

    private static string ListUrl(string baseUrl, CommitmentFilter filter, int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = filter.Status?.ToString(),
            ["objective"] = filter.Objective?.ToString(),
            ["carrier"] = filter.Carrier,
            ["stale"] = filter.Stale ? "true" : null,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(baseUrl, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
