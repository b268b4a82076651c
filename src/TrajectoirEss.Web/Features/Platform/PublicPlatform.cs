using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>The public page's two page numbers, from the query string.</summary>
public sealed class PublicPlatformQuery
{
    [Range(1, 100000)]
    public int Seances { get; set; } = 1;

    [Range(1, 100000)]
    public int Engagements { get; set; } = 1;
}

/// <summary>A past session on the public page: its date, semester and public minutes (never who attended).</summary>
public sealed record PublicSessionLine(DateTimeOffset StartsAt, string Semester, string Minutes);

public sealed record PublicPlatformPage(IReadOnlyList<PublicSessionLine> Sessions, Paging SessionsPaging, IReadOnlyList<CommitmentLine> Commitments, Paging CommitmentsPaging);

/// <summary>
/// What the public site shows of the platform: the sessions whose minutes are public
/// (<see cref="PlatformSession.MinutesFor"/> for <see cref="MinutesReader.Public"/>), and every commitment with its
/// carrier, contributors, objective, status and progress. Organisations only, never a person.
/// </summary>
public sealed class PublicPlatform(TrajectoirEssDbContext db, CommitmentQueries commitments, IOptions<WorkspaceOptions> workspace)
{
    public async Task<PublicPlatformPage> PageAsync(PublicPlatformQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Two sessions a year: the closed ones are few, read whole, and the domain says which minutes are public.
        var closed = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.Status == PlatformSessionStatus.Closed && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform))
            .OrderByDescending(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var sessions = closed.Select(s => (s, Minutes: s.MinutesFor(MinutesReader.Public))).Where(x => x.Minutes is not null)
            .Select(x => new PublicSessionLine(x.s.StartsAt, x.s.Semester.Label, x.Minutes!.Text)).ToList();
        var pageSize = workspace.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(query.Seances, sessions.Count, pageSize);
        query.Seances = page;
        var list = await commitments.ListAsync(new CommitmentFilter { Page = query.Engagements }, "/plateforme-de-coordination", cancellationToken);
        query.Engagements = list.Paging.Page;
        return new PublicPlatformPage(
            [.. sessions.Skip((page - 1) * pageSize).Take(pageSize)],
            new Paging(page, pageCount, sessions.Count, n => Url(n, query.Engagements)),
            list.Lines,
            list.Paging with { Url = n => Url(query.Seances, n) });
    }

    private static string Url(int sessions, int commitments) =>
        string.Create(CultureInfo.InvariantCulture, $"/plateforme-de-coordination?seances={sessions}&engagements={commitments}");
}
