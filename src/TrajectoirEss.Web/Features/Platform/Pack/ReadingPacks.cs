using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;
using TrajectoirEss.Web.Features.Shared;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Features.Platform.Pack;

/// <summary>What a pack's page shows: the session, and its pack if there is one (the coordinators' page shows an empty state otherwise).</summary>
public sealed record PackPage(Guid SessionId, string SessionLabel, PlatformSessionStatus SessionStatus, ReadingPack? Pack, bool ForCoordination)
{
    /// <summary>Where the pack's XLSX export is, on the same side as the page.</summary>
    public string XlsxPath => ForCoordination ? $"/coordination/plateforme/seances/{SessionId}/dossier.xlsx" : $"/plateforme/seances/{SessionId}/dossier.xlsx";
}

/// <summary>
/// The sessions' reading packs: frozen (its content computed once from the portal's records, with the
/// dashboard's own computation and masking, then stored), published, and read. Opening a pack reads the stored
/// document only.
/// </summary>
public sealed class ReadingPacks(TrajectoirEssDbContext db, UnitOfWork unitOfWork, DashboardQueries dashboard, PlatformDirectory directory, TimeProvider clock)
{
    /// <summary>Freezes (or freezes again) the session's pack; false when there is no such session.</summary>
    public async Task<bool> FreezeAsync(Guid actorId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        var pack = await db.ReadingPacks.SingleOrDefaultAsync(p => p.SessionId == sessionId, cancellationToken);
        ReadingPack.EnsureCanFreeze(session, pack);
        // To the microsecond, as PostgreSQL keeps it: the row and the document say the same moment.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var content = await ComputeAsync(session, now, cancellationToken);
        if (pack is null)
        {
            db.ReadingPacks.Add(ReadingPack.Freeze(Guid.CreateVersion7(now), session, content, actorId, now));
        }
        else
        {
            pack.Refreeze(session, content, actorId, now);
        }

        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Publishes the session's pack; false when there is no such session. Without a pack, the domain's message.</summary>
    public async Task<bool> PublishAsync(Guid actorId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        var pack = await db.ReadingPacks.SingleOrDefaultAsync(p => p.SessionId == sessionId, cancellationToken)
            ?? throw new Domain.Common.DomainException("Figez d'abord les données : le dossier de séance n'existe pas encore.");
        pack.Publish(session, actorId, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>The coordinators' page: the session and its pack, draft or published; null when there is no such session.</summary>
    public async Task<PackPage?> CoordinationPageAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return session is null ? null : new PackPage(session.Id, Label(session), session.Status, await PackOfAsync(sessionId, cancellationToken), ForCoordination: true);
    }

    /// <summary>
    /// A member's page: only a published pack, of a session the person's organisation is invited to (or for who
    /// runs the platform); null otherwise, so that the page is a 404 whether the pack or the session exists or not.
    /// </summary>
    public async Task<PackPage?> MemberPageAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !(PlatformDirectory.RunsThePlatform(user) || (PlatformDirectory.OrganisationOf(user) is { } organisation && session.Attendance(organisation) is not null)))
        {
            return null;
        }

        var pack = await PackOfAsync(sessionId, cancellationToken);
        return pack is { IsPublished: true } ? new PackPage(session.Id, Label(session), session.Status, pack, ForCoordination: false) : null;
    }

    /// <summary>"Séance du 14/01/2027 — Maison de l'ESS, Morlaix".</summary>
    public static string Label(PlatformSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return $"Séance du {Format.Date(session.StartsAt)} — {session.Place ?? "en visioconférence"}";
    }

    private Task<ReadingPack?> PackOfAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.ReadingPacks.AsNoTracking().SingleOrDefaultAsync(p => p.SessionId == sessionId, cancellationToken);

    /// <summary>
    /// The pack's content from the portal's records now: the dashboard's computation for the period (its indicators
    /// by pôle, conversions, flows and delays, masked as the dashboard masks them), its indicators for the previous
    /// period, the same period a year before and each département, and the commitments.
    /// </summary>
    private async Task<ReadingPackContent> ComputeAsync(PlatformSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var period = PackPeriod.FrozenOn(Format.ParisDate(now));
        DashboardFilter FilterOf(PackPeriod p) => new(p.From, p.To, null, null, null, null, null);
        var filter = FilterOf(period);
        var data = await dashboard.ComputeNowAsync(filter, cancellationToken);
        var previous = await dashboard.IndicatorsNowAsync(FilterOf(period.Previous()), cancellationToken);
        var yearBefore = await dashboard.IndicatorsNowAsync(FilterOf(period.YearBefore()), cancellationToken);

        var codes = data.Poles.Select(p => p.Departement).Distinct().ToList();
        var departementNames = await db.Departements.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var byDepartement = new List<(string Code, IReadOnlyDictionary<Indicator, IndicatorValues> Values)>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            byDepartement.Add((code, await dashboard.IndicatorsNowAsync(filter with { Departement = code }, cancellationToken)));
        }

        var view = new DashboardViewModel
        {
            Data = data,
            RegionWide = true,
            PeriodLabel = period.Label,
            Year = null,
            MapIndicator = Indicator.ProjectsWelcomed,
            Sectors = [],
            LegalForms = [],
            ReferenceVersion = 0,
        };
        var definitions = IndicatorCatalog.All;
        var indicators = definitions.Select(d =>
        {
            var (current, before, lastYear) = (data.Current[d.Code].Total, previous[d.Code].Total, yearBefore[d.Code].Total);
            return new PackIndicator(
                d.Code,
                d.Label,
                Of(d, current),
                Of(d, before),
                Of(d, lastYear),
                DashboardViewModel.Change(d, current, before),
                DashboardViewModel.Change(d, current, lastYear));
        }).ToList();

        // A département's cells make up the region's total, as the pôles' do: the same protection of masked cells.
        var departementColumns = definitions.Select(d =>
        {
            var cells = byDepartement.Select(x => x.Values[d.Code].Total).ToList();
            return d.IsAdditive ? Figure.ProtectTotal(data.Current[d.Code].Total, cells) : cells;
        }).ToList();
        var departements = byDepartement.Select((x, i) => new PackAreaRow(
            departementNames.GetValueOrDefault(x.Code, x.Code),
            x.Code,
            [.. definitions.Select((d, j) => Of(d, departementColumns[j][i]))])).ToList();
        var poles = view.Rows.Select(r => new PackAreaRow(
            r.Pole.Name,
            r.Pole.Departement,
            [.. definitions.Select(d => PackFigure.Of(r.Cells[d.Code].Figure, r.Cells[d.Code].Display))])).ToList();

        return new ReadingPackContent(
            ReadingPackContent.CurrentSchemaVersion,
            now,
            period,
            period.Previous(),
            period.YearBefore(),
            indicators,
            departements,
            poles,
            [.. data.Conversions.Select(c => new PackConversion(c.Step, Count(c.Projects)))],
            [.. data.Flows.Select(f => new PackFlow(f.From, f.To, Count(f.Projects)))],
            [.. data.Delays.Select(d => new PackDelay(d.From, d.To, Count(d.Projects), Days(d.FirstQuartile), Days(d.Median), Days(d.ThirdQuartile)))],
            await CommitmentsAsync(session, cancellationToken));
    }

    /// <summary>Every commitment still open, and those closed since the body's last session held before this one.</summary>
    private async Task<PackCommitments> CommitmentsAsync(PlatformSession session, CancellationToken cancellationToken)
    {
        // A session's start is read back in Paris time; PostgreSQL is given instants in UTC.
        var lastSessionStart = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.BodyId == session.BodyId && s.Id != session.Id && s.StartsAt < session.StartsAt
                        && (s.Status == PlatformSessionStatus.Held || s.Status == PlatformSessionStatus.Closed))
            .OrderByDescending(s => s.StartsAt)
            .Select(s => (DateTimeOffset?)s.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        var lastSessionAt = lastSessionStart?.ToUniversalTime();
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.Status == CommitmentStatus.Planned || c.Status == CommitmentStatus.InProgress || lastSessionAt == null || c.ClosedAt == null || c.ClosedAt >= lastSessionAt)
            .ToListAsync(cancellationToken);
        var names = await directory.NamesAsync(commitments.Select(c => c.Carrier), cancellationToken);
        return PackCommitments.Of(commitments, c => names.GetValueOrDefault(c, "Organisation inconnue"), lastSessionAt);
    }

    private static PackFigure Of(IndicatorDefinition definition, Figure figure) => PackFigure.Of(figure, DashboardViewModel.Display(definition, figure));

    private static PackFigure Count(Figure figure) => PackFigure.Of(figure, DashboardViewModel.Display(figure));

    private static PackFigure Days(Figure figure) => PackFigure.Of(figure, DashboardViewModel.Days(figure));
}
