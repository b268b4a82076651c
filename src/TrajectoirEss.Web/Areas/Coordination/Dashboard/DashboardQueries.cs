using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Dashboard;

/// <summary>The dashboard's filters. The period is [From, To) in Paris days; the rest narrows the projects counted.</summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? Departement, Guid? PoleId, string? Sector, string? LegalForm, ProjectOrigin? Origin)
{
    public static DashboardFilter Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), null, null, null, null, null);

    /// <summary>The period of the same length just before.</summary>
    public DashboardFilter Previous()
    {
        var days = To.DayNumber - From.DayNumber;
        return this with { From = From.AddDays(-days), To = From };
    }
}

/// <summary>One indicator's figures: the region (within the filters) and each pôle (a pôle without any record is absent: <see cref="Figure.Empty"/>).</summary>
public sealed record IndicatorValues(Indicator Code, Figure Total, IReadOnlyDictionary<Guid, Figure> ByPole);

public sealed record Flow(string From, string To, Figure Projects);

public sealed record ReasonCount(string Reason, Figure Projects);

public sealed record ConversionStep(string Step, Figure Projects);

/// <summary>The delays of one passage of the trajectories (accueil → first referral, or one programme → the next), in days, and how many were measured.</summary>
public sealed record PathDelay(string From, string To, Figure Projects, Figure FirstQuartile, Figure Median, Figure ThirdQuartile);

public sealed record PoleInfo(Guid Id, string Name, string Departement);

public sealed class DashboardData
{
    /// <summary>Identifies this computation of the figures: the page's rendered fragment is cached under it.</summary>
    public Guid Computation { get; } = Guid.CreateVersion7();

    public required DashboardFilter Filter { get; init; }

    public required IReadOnlyList<PoleInfo> Poles { get; init; }

    public required IReadOnlyDictionary<Indicator, IndicatorValues> Current { get; init; }

    public required IReadOnlyDictionary<Indicator, IndicatorValues> Previous { get; init; }

    public required IReadOnlyList<ConversionStep> Conversions { get; init; }

    public required IReadOnlyList<Flow> Flows { get; init; }

    /// <summary>Accueil → first referral, then each passage from one programme to the next of the flows (<see cref="Indicators.PathDelays"/>).</summary>
    public required IReadOnlyList<PathDelay> Delays { get; init; }

    public required IReadOnlyList<ReasonCount> AbandonReasons { get; init; }
}

/// <summary>
/// The programme's indicators, computed in PostgreSQL from the trajectories (GROUP BY with GROUPING SETS
/// for the region and each pôle): never typed in, never computed by loading projects into memory.
/// </summary>
public sealed class DashboardQueries(TrajectoirEssDbContext db, IMemoryCache cache, DashboardComputations inFlight, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Startup.WorkspaceOptions> options, TimeProvider clock, ILogger<DashboardQueries> logger)
{

    // The filters every project-based indicator shares (p: the project, po: the pôle of the event).
    private const string ProjectFilters = """
        AND (@departement IS NULL OR po.departement_code = @departement)
        AND (@pole IS NULL OR po.id = @pole)
        AND (@sector IS NULL OR p.sector_code = @sector)
        AND (@legal IS NULL OR p.legal_form_code = @legal)
        AND (@origin IS NULL OR p.origin = @origin)
        """;

    /// <summary>
    /// What the records behind an indicator's value are (its query's fourth column, <c>basis</c>): the value itself
    /// (a count), the sizes of the groups of records it is derived from, or a rate's numerator and denominator.
    /// </summary>
    private enum Basis
    {
        Count,
        Groups,
        Rate,
    }

    private const string NoBasis = "NULL::bigint[] AS basis";

    /// <summary>
    /// The projects welcomed during the period (a Welcomed step in [from, to), by a pôle within the filters): the one
    /// text of "welcomed" that the dashboard's indicators, its conversions and flows, and the evaluation's own
    /// measures (<see cref="Features.Evaluation.Computation.EvaluationMeasures"/>) all read (s: the step, p: the
    /// project, po: the pôle; a statement may add conditions after it).
    /// </summary>
    internal const string WelcomedInPeriod = $"""
        FROM trajectory_steps s JOIN projects p ON p.id = s.project_id JOIN poles po ON po.id = s.pole_id
        WHERE s.kind = '{nameof(TrajectoryStepKind.Welcomed)}' AND s.occurred_at >= @from AND s.occurred_at < @to {ProjectFilters}
        """;

    /// <summary>A referral answered within the deadline (r: the referral).</summary>
    internal static readonly string AnsweredInTime = $"r.answered_at IS NOT NULL AND r.answered_at <= r.referred_at + interval '{Indicators.AnswerDelayDays} days'";

    /// <summary>The referrals proposed during the period, by a pôle within the filters (r: the referral, p: the project, po: the pôle).</summary>
    internal const string ReferralsInPeriod = $"""
        FROM referrals r JOIN projects p ON p.id = r.project_id JOIN poles po ON po.id = r.pole_id
        WHERE r.referred_at >= @from AND r.referred_at < @to {ProjectFilters}
        """;

    private static readonly Dictionary<Indicator, (Basis Basis, string Sql)> Sql = new()
    {
        [Indicator.ProjectsWelcomed] = (Basis.Count, $"""
            SELECT s.pole_id AS pole, GROUPING(s.pole_id) AS total, COUNT(DISTINCT s.project_id)::numeric AS value, {NoBasis}
            {WelcomedInPeriod}
            GROUP BY GROUPING SETS ((s.pole_id), ())
            """),
        [Indicator.PorteursWelcomed] = (Basis.Groups, $"""
            SELECT s.pole_id AS pole, GROUPING(s.pole_id) AS total, SUM(COALESCE(p.people_count, 1))::numeric AS value, ARRAY[COUNT(DISTINCT s.project_id), COALESCE(SUM(COALESCE(p.people_count, 1)), 0)] AS basis
            {WelcomedInPeriod}
            GROUP BY GROUPING SETS ((s.pole_id), ())
            """),
        [Indicator.IdeasExplored] = (Basis.Count, $"""
            SELECT s.pole_id AS pole, GROUPING(s.pole_id) AS total, COUNT(DISTINCT s.project_id)::numeric AS value, {NoBasis}
            FROM trajectory_steps s JOIN projects p ON p.id = s.project_id JOIN poles po ON po.id = s.pole_id JOIN programmes pr ON pr.id = s.programme_id
            WHERE s.kind = '{nameof(TrajectoryStepKind.ReferralStarted)}' AND pr.type = '{nameof(ProgrammeType.Ideateur)}' AND s.occurred_at >= @from AND s.occurred_at < @to {ProjectFilters}
            GROUP BY GROUPING SETS ((s.pole_id), ())
            """),
        [Indicator.OpportunityStudies] = (Basis.Count, $"""
            SELECT po.id AS pole, GROUPING(po.id) AS total, COUNT(*)::numeric AS value, {NoBasis}
            FROM territory_needs n
            JOIN communes c ON c.code_insee = n.commune_code
            LEFT JOIN epcis e ON e.siren = c.epci_siren
            JOIN poles po ON po.id = COALESCE(c.pole_id, e.pole_id)
            LEFT JOIN projects p ON p.id = n.project_id
            WHERE n.concluded_on >= @fromDate AND n.concluded_on < @toDate
              AND ((@sector IS NULL AND @legal IS NULL AND @origin IS NULL) OR p.id IS NOT NULL) {ProjectFilters}
            GROUP BY GROUPING SETS ((po.id), ())
            """),
        [Indicator.CreopssPeople] = (Basis.Groups, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total, SUM(en.people)::numeric AS value, ARRAY[COUNT(DISTINCT en.project_id), COALESCE(SUM(en.people), 0)] AS basis
            FROM enrolments en JOIN sessions se ON se.id = en.session_id JOIN referrals r ON r.id = en.referral_id
            JOIN projects p ON p.id = en.project_id JOIN poles po ON po.id = r.pole_id
            WHERE se.programme_type = '{nameof(ProgrammeType.Creopss)}' AND en.enrolled_at >= @from AND en.enrolled_at < @to {ProjectFilters}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
        [Indicator.IncubatedProjects] = (Basis.Count, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total, COUNT(DISTINCT en.project_id)::numeric AS value, {NoBasis}
            FROM enrolments en JOIN sessions se ON se.id = en.session_id JOIN referrals r ON r.id = en.referral_id
            JOIN projects p ON p.id = en.project_id JOIN poles po ON po.id = r.pole_id
            WHERE se.programme_type = '{nameof(ProgrammeType.Incubateur)}' AND en.enrolled_at IS NOT NULL AND se.starts_on < @toDate AND se.ends_on >= @fromDate {ProjectFilters}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
        [Indicator.StudiesFinanced] = (Basis.Count, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total, COUNT(*)::numeric AS value, {NoBasis}
            FROM financing_applications f JOIN referrals r ON r.id = f.referral_id JOIN projects p ON p.id = f.project_id JOIN poles po ON po.id = r.pole_id
            WHERE f.decision = '{nameof(FinancingDecision.Granted)}' AND f.instrument IN ('{nameof(FinancingInstrument.CapCreationEss)}', '{nameof(FinancingInstrument.FondsDeConfiance)}') AND f.decided_at >= @from AND f.decided_at < @to {ProjectFilters}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
        [Indicator.AmountGranted] = (Basis.Groups, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total, SUM(f.amount_granted) AS value, ARRAY[COUNT(*), COUNT(DISTINCT f.project_id)] AS basis
            FROM financing_applications f JOIN referrals r ON r.id = f.referral_id JOIN projects p ON p.id = f.project_id JOIN poles po ON po.id = r.pole_id
            WHERE f.decision = '{nameof(FinancingDecision.Granted)}' AND f.instrument IN ('{nameof(FinancingInstrument.CapCreationEss)}', '{nameof(FinancingInstrument.FondsDeConfiance)}') AND f.decided_at >= @from AND f.decided_at < @to {ProjectFilters}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
        [Indicator.CompaniesCreated] = (Basis.Count, $"""
            WITH created AS (
                SELECT s.project_id, s.pole_id FROM trajectory_steps s
                WHERE s.kind = '{nameof(TrajectoryStepKind.Closed)}' AND s.outcome = '{nameof(ProjectOutcome.Created)}' AND s.occurred_at >= @from AND s.occurred_at < @to
                UNION
                SELECT en.project_id, r.pole_id FROM enrolments en JOIN referrals r ON r.id = en.referral_id
                WHERE en.outcome = '{nameof(EnrolmentOutcome.CompanyCreated)}' AND en.completed_at >= @from AND en.completed_at < @to)
            SELECT c.pole_id AS pole, GROUPING(c.pole_id) AS total, COUNT(DISTINCT c.project_id)::numeric AS value, {NoBasis}
            FROM created c JOIN projects p ON p.id = c.project_id JOIN poles po ON po.id = c.pole_id
            WHERE TRUE {ProjectFilters}
            GROUP BY GROUPING SETS ((c.pole_id), ())
            """),
        [Indicator.Jobs] = (Basis.Groups, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total, SUM(COALESCE(en.jobs, 0))::numeric AS value, ARRAY[COUNT(DISTINCT en.project_id), COALESCE(SUM(COALESCE(en.jobs, 0)), 0)] AS basis
            FROM enrolments en JOIN referrals r ON r.id = en.referral_id JOIN projects p ON p.id = en.project_id JOIN poles po ON po.id = r.pole_id
            WHERE en.outcome = '{nameof(EnrolmentOutcome.CompanyCreated)}' AND en.completed_at >= @from AND en.completed_at < @to {ProjectFilters}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
        [Indicator.MedianDaysToFirstContact] = (Basis.Groups, $"""
            SELECT s.pole_id AS pole, GROUPING(s.pole_id) AS total,
                   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (p.first_contact_at - p.submitted_at)) / 86400.0))::numeric, 1) AS value, ARRAY[COUNT(*)] AS basis
            {WelcomedInPeriod} AND p.submitted_at IS NOT NULL
            GROUP BY GROUPING SETS ((s.pole_id), ())
            """),
        [Indicator.ReferralsAnsweredWithin10Days] = (Basis.Rate, $"""
            SELECT r.pole_id AS pole, GROUPING(r.pole_id) AS total,
                   round(100.0 * COUNT(*) FILTER (WHERE {AnsweredInTime}) / NULLIF(COUNT(*), 0), 1) AS value, ARRAY[COUNT(*) FILTER (WHERE {AnsweredInTime}), COUNT(*)] AS basis
            {ReferralsInPeriod}
            GROUP BY GROUPING SETS ((r.pole_id), ())
            """),
    };

    /// <summary>
    /// The aggregates of a filter. Computed ones are fresh for <see cref="Startup.WorkspaceOptions.DashboardCacheSeconds"/>
    /// (or <see cref="CostFactor"/> times their computation time, if longer: heavy filters are recomputed less
    /// often, so that the background work stays a small share of the machine). Past that, a request still gets
    /// them at once while one computation in the background replaces them (stale-while-revalidate): only the
    /// first request of a filter, or one after a long quiet time, waits for a computation.
    /// </summary>
    public async Task<DashboardData> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (options.Value.DashboardCacheSeconds <= 0)
        {
            return await ComputeAsync(filter, db, sideBySide: true, cancellationToken);
        }

        if (cache.TryGetValue(Key(filter), out CachedDashboard? cached) && cached is not null)
        {
            if (!IsFresh(cached))
            {
                _ = ComputeOnceAsync(filter, someoneWaits: false);
            }

            return cached.Data;
        }

        return await ComputeOnceAsync(filter, someoneWaits: true).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// What the refresh job does for the views most people open: computes a filter's aggregates when they are
    /// missing or no longer fresh, so that requests find them ready. Returns whether it computed them.
    /// </summary>
    public async Task<bool> KeepFreshAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (options.Value.DashboardCacheSeconds <= 0 || (cache.TryGetValue(Key(filter), out CachedDashboard? cached) && cached is not null && IsFresh(cached)))
        {
            return false;
        }

        await ComputeOnceAsync(filter, someoneWaits: false).WaitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The aggregates of a filter computed now, whatever the cache holds (and without storing them there): for a
    /// reading pack frozen at a given moment, which must read the records as they are then.
    /// </summary>
    public Task<DashboardData> ComputeNowAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ComputeAsync(filter, db, sideBySide: true, cancellationToken);
    }

    /// <summary>Only the indicators of a filter (region and pôles), computed now: the comparisons of a reading pack, its départements.</summary>
    public async Task<IReadOnlyDictionary<Indicator, IndicatorValues>> IndicatorsNowAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = new NpgsqlConnection(ComputationConnectionString(db));
        await connection.OpenAsync(cancellationToken);
        return await IndicatorsAsync(connection, filter, cancellationToken);
    }

    /// <summary>How many freshness periods computed aggregates may still be shown while they are recomputed.</summary>
    public const int StaleFactor = 5;

    /// <summary>
    /// A computation runs in the background, whoever waits for it: at a hundred times the real volume, ten
    /// years take tens of seconds under load, more than the default 30-second command timeout.
    /// </summary>
    internal const int ComputationTimeoutSeconds = 600;

    /// <summary>Aggregates stay fresh at least this many times as long as they took to compute.</summary>
    public const int CostFactor = 10;

    private static (string, DashboardFilter) Key(DashboardFilter filter) => ("dashboard", filter);

    private TimeSpan FreshFor(TimeSpan computation)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.DashboardCacheSeconds);
        var byCost = computation * CostFactor;
        return byCost > lifetime ? byCost : lifetime;
    }

    private bool IsFresh(CachedDashboard cached) => clock.GetUtcNow() - cached.ComputedAt < FreshFor(cached.Computation);

    // Only computations under a positive cache lifetime get here (LoadAsync and KeepFreshAsync compute directly otherwise).
    private void Store(DashboardFilter filter, DashboardData data, TimeSpan computation) =>
        cache.Set(Key(filter), new CachedDashboard(data, clock.GetUtcNow(), computation), FreshFor(computation) * StaleFactor);

    /// <summary>
    /// One computation per filter at a time: the requests that arrive meanwhile share it instead of each
    /// starting the same heavy queries (a cold cache under load would otherwise stampede). When a request waits
    /// for it, its sections run side by side (it ends sooner); in the background, one after the other (it leaves
    /// the other cores to the requests being served meanwhile).
    /// </summary>
    private Task<DashboardData> ComputeOnceAsync(DashboardFilter filter, bool someoneWaits)
    {
        // Lazy: the computation starts once it is in the dictionary, so its removal at the end cannot come first.
        var computation = inFlight.Running.GetOrAdd(filter, f => new Lazy<Task<DashboardData>>(() => Task.Run(async () =>
        {
            try
            {
                // Its own scope (and database context): it outlives the request that started it.
                await using var scope = scopes.CreateAsyncScope();
                var started = Stopwatch.GetTimestamp();
                var data = await ComputeAsync(f, scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>(), someoneWaits, CancellationToken.None);
                Store(f, data, Stopwatch.GetElapsedTime(started));
                return data;
            }
            catch (Exception ex)
            {
                // Nobody may be waiting for a background recomputation: its failure is logged here.
                logger.LogWarning(ex, "Dashboard {From}–{To} could not be computed", f.From, f.To);
                throw;
            }
            finally
            {
                inFlight.Running.TryRemove(f, out _);
            }
        })));
        return computation.Value;
    }

    private sealed record CachedDashboard(DashboardData Data, DateTimeOffset ComputedAt, TimeSpan Computation);

    /// <summary>
    /// The sections of the dashboard, each on a connection of its own from the pool. Side by side, PostgreSQL
    /// runs them on several cores and the computation takes about as long as its longest section; otherwise
    /// they run one at a time, on one core.
    /// </summary>
    private static async Task<DashboardData> ComputeAsync(DashboardFilter filter, TrajectoirEssDbContext db, bool sideBySide, CancellationToken cancellationToken)
    {
        // Without automatic preparation: these batches run a few times a minute and plan in a negligible share of
        // their time, and a batch cancelled midway (a request given up) left Npgsql believing statements prepared
        // that PostgreSQL never parsed, so the next computation on that pooled connection failed ("prepared
        // statement _autoN does not exist", 26000). Their own pool, as their connection string differs.
        var connectionString = ComputationConnectionString(db);
        using var oneAtATime = sideBySide ? null : new SemaphoreSlim(1, 1);
        async Task<T> OnItsOwnConnection<T>(Func<NpgsqlConnection, Task<T>> section)
        {
            if (oneAtATime is not null)
            {
                await oneAtATime.WaitAsync(cancellationToken);
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return await section(connection);
            }
            finally
            {
                oneAtATime?.Release();
            }
        }

        var current = OnItsOwnConnection(c => IndicatorsAsync(c, filter, cancellationToken));
        var previous = OnItsOwnConnection(c => IndicatorsAsync(c, filter.Previous(), cancellationToken));
        var conversions = OnItsOwnConnection(c => ConversionsAsync(c, filter, cancellationToken));
        var flows = OnItsOwnConnection(c => FlowsAsync(c, filter, cancellationToken));
        var reasons = OnItsOwnConnection(c => AbandonReasonsAsync(c, filter, cancellationToken));
        var poles = await db.Poles.AsNoTracking().OrderBy(p => p.DepartementCode).ThenBy(p => p.Name)
            .Select(p => new PoleInfo(p.Id, p.Name, p.DepartementCode)).ToListAsync(cancellationToken);
        await Task.WhenAll(current, previous, conversions, flows, reasons);
        return new DashboardData
        {
            Filter = filter,
            Poles = poles,
            Current = await current,
            Previous = await previous,
            Conversions = await conversions,
            Flows = (await flows).Flows,
            Delays = (await flows).Delays,
            AbandonReasons = await reasons,
        };
    }

    private static string ComputationConnectionString(TrajectoirEssDbContext db) =>
        new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database context has no connection string."))
        {
            MaxAutoPrepare = 0,
        }.ConnectionString;

    /// <summary>All the indicators in one round trip (a batch of statements).</summary>
    private static async Task<Dictionary<Indicator, IndicatorValues>> IndicatorsAsync(NpgsqlConnection connection, DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = ComputationTimeoutSeconds };
        var order = Sql.Keys.ToList();
        foreach (var indicator in order)
        {
            var command = new NpgsqlBatchCommand(Sql[indicator].Sql);
            AddParameters(command.Parameters, filter);
            batch.BatchCommands.Add(command);
        }

        var result = new Dictionary<Indicator, IndicatorValues>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var indicator in order)
        {
            var total = Figure.Empty;
            var byPole = new Dictionary<Guid, Figure>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var value = reader.IsDBNull(2) ? (decimal?)null : reader.GetDecimal(2);
                var basis = reader.IsDBNull(3) ? [] : reader.GetFieldValue<long[]>(3);
                var figure = Sql[indicator].Basis switch
                {
                    Basis.Count => Figure.Count((long)(value ?? 0)),
                    Basis.Rate => Figure.Rate(value, basis[0], basis[1]),
                    _ => Figure.Of(value, basis),
                };
                if (reader.GetInt32(1) == 1)
                {
                    total = figure;
                }
                else if (!reader.IsDBNull(0))
                {
                    byPole[reader.GetGuid(0)] = figure;
                }
            }

            result[indicator] = new IndicatorValues(indicator, total, byPole);
            await reader.NextResultAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Of the projects welcomed in the period, how many went on (at any time) to each step.</summary>
    private static async Task<List<ConversionStep>> ConversionsAsync(NpgsqlConnection connection, DashboardFilter filter, CancellationToken cancellationToken)
    {
        const string sql = $"""
            WITH welcomed AS (
                SELECT DISTINCT s.project_id {WelcomedInPeriod})
            SELECT
                (SELECT COUNT(*) FROM welcomed),
                (SELECT COUNT(DISTINCT s.project_id) FROM trajectory_steps s JOIN programmes pr ON pr.id = s.programme_id
                 WHERE s.kind = '{nameof(TrajectoryStepKind.ReferralStarted)}' AND pr.type = '{nameof(ProgrammeType.Ideateur)}' AND s.project_id IN (SELECT project_id FROM welcomed)),
                (SELECT COUNT(DISTINCT en.project_id) FROM enrolments en JOIN sessions se ON se.id = en.session_id
                 WHERE se.programme_type = '{nameof(ProgrammeType.Incubateur)}' AND en.enrolled_at IS NOT NULL AND en.project_id IN (SELECT project_id FROM welcomed)),
                (SELECT COUNT(DISTINCT x.project_id) FROM (
                    SELECT s.project_id FROM trajectory_steps s WHERE s.kind = '{nameof(TrajectoryStepKind.Closed)}' AND s.outcome = '{nameof(ProjectOutcome.Created)}'
                    UNION SELECT en.project_id FROM enrolments en WHERE en.outcome = '{nameof(EnrolmentOutcome.CompanyCreated)}') x
                 WHERE x.project_id IN (SELECT project_id FROM welcomed))
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = ComputationTimeoutSeconds };
        AddParameters(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return
        [
            new("Accueillis", Figure.Count(reader.GetInt64(0))),
            new("Entrés à l'idéateur", Figure.Count(reader.GetInt64(1))),
            new("Entrés à l'incubateur", Figure.Count(reader.GetInt64(2))),
            new("Entreprise créée", Figure.Count(reader.GetInt64(3))),
        ];
    }

    /// <summary>
    /// How the projects welcomed in the period moved: welcome → each programme they entered, in order → how they ended;
    /// with, for each passage from one programme to the next, the days from the end of the first to the start of the
    /// next; and the days from the welcome to the first referral. One round trip (a batch of two statements).
    /// </summary>
    private static async Task<(List<Flow> Flows, List<PathDelay> Delays)> FlowsAsync(NpgsqlConnection connection, DashboardFilter filter, CancellationToken cancellationToken)
    {
        // A passage between two programmes measures from the first one's end (its first completion or abandon after
        // its start) to the next one's start; 0 when the next started before the first ended (or while it goes on).
        const string flowsSql = $"""
            WITH welcomed AS (
                SELECT DISTINCT s.project_id, s.occurred_at {WelcomedInPeriod}),
            path AS (
                SELECT w.project_id, w.occurred_at AS at, 'Accueil' AS node, NULL::uuid AS programme_id FROM welcomed w
                UNION ALL
                SELECT s.project_id, s.occurred_at, pr.type, s.programme_id FROM trajectory_steps s JOIN programmes pr ON pr.id = s.programme_id
                WHERE s.kind = '{nameof(TrajectoryStepKind.ReferralStarted)}' AND s.project_id IN (SELECT project_id FROM welcomed)
                UNION ALL
                SELECT s.project_id, s.occurred_at, 'Issue:' || s.outcome, NULL FROM trajectory_steps s
                WHERE s.kind = '{nameof(TrajectoryStepKind.Closed)}' AND s.project_id IN (SELECT project_id FROM welcomed)),
            ordered AS (
                SELECT project_id, node, at, programme_id,
                       LAG(node) OVER w AS previous, LAG(at) OVER w AS previous_at, LAG(programme_id) OVER w AS previous_programme
                FROM path WINDOW w AS (PARTITION BY project_id ORDER BY at, node)),
            passages AS (
                SELECT o.previous, o.node,
                       CASE WHEN o.programme_id IS NOT NULL AND o.previous_programme IS NOT NULL THEN
                           greatest(0, extract(epoch FROM o.at - COALESCE((
                               SELECT min(e.occurred_at) FROM trajectory_steps e
                               WHERE e.project_id = o.project_id AND e.programme_id = o.previous_programme AND e.occurred_at >= o.previous_at
                                 AND e.kind IN ('{nameof(TrajectoryStepKind.ReferralCompleted)}', '{nameof(TrajectoryStepKind.ReferralAbandoned)}')), o.at)) / 86400.0)
                       END AS days
                FROM ordered o WHERE o.previous IS NOT NULL AND o.previous <> o.node AND o.previous NOT LIKE 'Issue:%')
            SELECT previous, node, COUNT(*), COUNT(days), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY days)
            FROM passages GROUP BY previous, node ORDER BY COUNT(*) DESC, previous, node LIMIT 60
            """;
        await using var batch = new NpgsqlBatch(connection) { Timeout = ComputationTimeoutSeconds };
        foreach (var sql in new[] { flowsSql, FirstReferralSql })
        {
            var command = new NpgsqlBatchCommand(sql);
            AddParameters(command.Parameters, filter);
            batch.BatchCommands.Add(command);
        }

        var flows = new List<Flow>();
        var delays = new List<PathDelay>();
        var betweenProgrammes = new List<PathDelay>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (from, to) = (NodeLabel(reader.GetString(0)), NodeLabel(reader.GetString(1)));
            flows.Add(new Flow(from, to, Figure.Count(reader.GetInt64(2))));
            if (reader.GetInt64(3) > 0)
            {
                betweenProgrammes.Add(Delay(from, to, reader, 3));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        delays.Add(FirstReferral(reader));
        delays.AddRange(betweenProgrammes);
        return (flows, delays);
    }

    /// <summary>The delays from the welcome to the first referral (<see cref="Indicator.DaysToFirstReferral"/>): how many, then their quartiles.</summary>
    private const string FirstReferralSql = $"""
        WITH welcomed AS (
            SELECT s.project_id, min(s.occurred_at) AS at {WelcomedInPeriod}
            GROUP BY s.project_id),
        delays AS (
            SELECT extract(epoch FROM (SELECT min(r.referred_at) FROM referrals r WHERE r.project_id = w.project_id AND r.referred_at >= w.at) - w.at) / 86400.0 AS days
            FROM welcomed w)
        SELECT COUNT(days), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY days) FROM delays
        """;

    private static PathDelay FirstReferral(NpgsqlDataReader reader) => Delay(NodeLabel("Accueil"), "Première orientation", reader, 0);

    /// <summary>
    /// Only the delay from the welcome to the first referral of a filter, computed now: the same statement and
    /// figures as the dashboard's first path delay (<see cref="DashboardData.Delays"/>), without its flows.
    /// </summary>
    public async Task<PathDelay> FirstReferralDelayNowAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = new NpgsqlConnection(ComputationConnectionString(db));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(FirstReferralSql, connection) { CommandTimeout = ComputationTimeoutSeconds };
        AddParameters(command.Parameters, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return FirstReferral(reader);
    }

    /// <summary>A connection for a computation of the figures (see <see cref="ComputeAsync"/> for why without automatic preparation).</summary>
    internal async Task<NpgsqlConnection> OpenComputationConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ComputationConnectionString(db));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A passage's delays: how many, then their quartiles (an array), each a figure of that many records.</summary>
    private static PathDelay Delay(string from, string to, NpgsqlDataReader reader, int countColumn)
    {
        var count = reader.GetInt64(countColumn);
        var quartiles = reader.IsDBNull(countColumn + 1) ? [null, null, null] : reader.GetFieldValue<double?[]>(countColumn + 1);
        Figure Days(double? days) => Figure.Of(days is { } d ? Math.Round((decimal)d, 1, MidpointRounding.AwayFromZero) : null, count);
        return new PathDelay(from, to, Figure.Count(count), Days(quartiles[0]), Days(quartiles[1]), Days(quartiles[2]));
    }

    private static async Task<List<ReasonCount>> AbandonReasonsAsync(NpgsqlConnection connection, DashboardFilter filter, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT split_part(s.reason, ' — ', 1) AS reason, COUNT(DISTINCT s.project_id)
            FROM trajectory_steps s JOIN projects p ON p.id = s.project_id JOIN poles po ON po.id = s.pole_id
            WHERE s.kind = '{nameof(TrajectoryStepKind.Closed)}' AND s.outcome = '{nameof(ProjectOutcome.Abandoned)}' AND s.occurred_at >= @from AND s.occurred_at < @to {ProjectFilters}
            GROUP BY 1 ORDER BY 2 DESC, 1
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = ComputationTimeoutSeconds };
        AddParameters(command.Parameters, filter);
        var reasons = new List<ReasonCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reasons.Add(new ReasonCount(reader.IsDBNull(0) ? "Sans motif" : reader.GetString(0), Figure.Count(reader.GetInt64(1))));
        }

        return reasons;
    }

    private static string NodeLabel(string node) => node switch
    {
        "Accueil" => "Accueil par un pôle",
        "Issue:Created" => "Entreprise créée",
        "Issue:Abandoned" => "Abandon",
        "Issue:Reoriented" => "Réorienté",
        _ when Enum.TryParse<Domain.Programmes.ProgrammeType>(node, out var type) => Domain.Programmes.ProgrammeTypes.Label(type),
        _ => node,
    };

    /// <summary>The parameters every statement of the figures reads (the period, as Paris days, and the filters).</summary>
    internal static void AddParameters(NpgsqlParameterCollection parameters, DashboardFilter filter)
    {
        // A period's days start at midnight in Paris, as the programme's partners count them.
        var from = Format.FromParis(filter.From.ToDateTime(TimeOnly.MinValue));
        var to = Format.FromParis(filter.To.ToDateTime(TimeOnly.MinValue));
        parameters.Add(new NpgsqlParameter("from", from));
        parameters.Add(new NpgsqlParameter("to", to));
        parameters.Add(new NpgsqlParameter("fromDate", filter.From));
        parameters.Add(new NpgsqlParameter("toDate", filter.To));
        parameters.Add(new NpgsqlParameter("departement", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.Departement ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("pole", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)filter.PoleId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("sector", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.Sector ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("legal", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.LegalForm ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("origin", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)filter.Origin?.ToString() ?? DBNull.Value });
    }
}

/// <summary>The dashboard computations under way in this app, by filter (a singleton).</summary>
public sealed class DashboardComputations
{
    public System.Collections.Concurrent.ConcurrentDictionary<DashboardFilter, Lazy<Task<DashboardData>>> Running { get; } = new();
}
