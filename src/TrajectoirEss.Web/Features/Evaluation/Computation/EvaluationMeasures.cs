using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;

namespace TrajectoirEss.Web.Features.Evaluation.Computation;

/// <summary>
/// The values of a référentiel's computed indicators for a year, as a campaign freezes them: the cell "total"
/// always, and one cell per département, per pôle or per programme as the indicator's breakdowns ask.
/// </summary>
/// <remarks>
/// <para>
/// A dashboard measure is the dashboard's own computation for the year (<see cref="DashboardQueries.IndicatorsNowAsync"/>,
/// once for the region with its pôles and once per département; the delay to the first referral by
/// <see cref="DashboardQueries.FirstReferralDelayNowAsync"/>, the dashboard's first path delay): one definition,
/// the same figures. An additive one's pôle and département cells are protected against its total as the
/// dashboard protects them (<see cref="Figure.ProtectTotal"/>).
/// </para>
/// <para>
/// The evaluation's own measures read the projects welcomed during the period exactly as the dashboard does
/// (<see cref="DashboardQueries.WelcomedInPeriod"/>), in one statement grouped by pôle, by département and for the
/// region. Companies per 100 projects welcomed and jobs per company are ratios of the dashboard's own figures
/// (companies created, projects welcomed, jobs), cell by cell. Every value is a <see cref="Figure"/>: a share rests on
/// its numerator, its denominator and their difference, a ratio on the groups it divides, so small cells are masked.
/// </para>
/// <para>
/// Programme cells exist only where the measure can be split by programme: the referrals answered within the
/// deadline (by the programme referred to), and the measures that count one programme only (idéateur, révélateur,
/// incubateur, Creopss: their one cell is the total). The others have no programme to split by (projects welcomed
/// by a pôle, companies, jobs, amounts of two instruments decided by one committee, the evaluation's shares of
/// welcomed projects): their programme breakdown is left out.
/// </para>
/// </remarks>
public sealed class EvaluationMeasures(TrajectoirEssDbContext db, DashboardQueries dashboard)
{
    /// <summary>The measures that count a single programme: split by programme, their one cell is the total.</summary>
    private static readonly Dictionary<MeasureCode, ProgrammeType> SingleProgramme = new()
    {
        [MeasureCode.IdeasExplored] = ProgrammeType.Ideateur,
        [MeasureCode.OpportunityStudies] = ProgrammeType.Revelateur,
        [MeasureCode.IncubatedProjects] = ProgrammeType.Incubateur,
        [MeasureCode.CreopssPeople] = ProgrammeType.Creopss,
    };

    /// <summary>The evaluation's measures computed by <see cref="OwnMeasuresSql"/>.</summary>
    private static readonly MeasureCode[] OwnSql =
        [MeasureCode.SecondProgrammeShare, MeasureCode.CollectiveProjectsShare, MeasureCode.RuralPorteursShare, MeasureCode.DistinctStructuresPerTrajectory];

    /// <summary>
    /// Per project welcomed in the period (and pôle that welcomed it): its porteurs, whether its commune is rural,
    /// the programme types and structures it entered after the welcome, whether it was referred after it; then the
    /// sums by pôle, by département and for the region. A project welcomed by two pôles in the period counts once in
    /// each pôle, once in the projects of the region, and its porteurs in both (as the dashboard's porteurs welcomed).
    /// </summary>
    private const string OwnMeasuresSql = $"""
        WITH welcomed AS (
            SELECT s.project_id, po.id AS pole, po.departement_code AS departement, min(s.occurred_at) AS at {DashboardQueries.WelcomedInPeriod}
            GROUP BY s.project_id, po.id, po.departement_code),
        paths AS (
            SELECT w.project_id, w.pole, w.departement, COALESCE(p.people_count, 1) AS people,
                   COALESCE(c.population < @ruralMax, FALSE) AS rural,
                   x.programmes, x.structures,
                   EXISTS (SELECT 1 FROM referrals r WHERE r.project_id = w.project_id AND r.referred_at >= w.at) AS oriented
            FROM welcomed w
            JOIN projects p ON p.id = w.project_id
            LEFT JOIN communes c ON c.code_insee = p.commune_code
            CROSS JOIN LATERAL (
                SELECT COUNT(DISTINCT pr.type) AS programmes, COUNT(DISTINCT pr.structure_id) AS structures
                FROM trajectory_steps e JOIN programmes pr ON pr.id = e.programme_id
                WHERE e.project_id = w.project_id AND e.kind = '{nameof(TrajectoryStepKind.ReferralStarted)}' AND e.occurred_at >= w.at) x)
        SELECT GROUPING(pole) AS by_region, GROUPING(departement) AS no_departement, pole, departement,
               COUNT(DISTINCT project_id) AS welcomed,
               COUNT(DISTINCT project_id) FILTER (WHERE programmes >= 2) AS second_programme,
               COUNT(DISTINCT project_id) FILTER (WHERE people >= 2) AS collective,
               COALESCE(SUM(people), 0) AS porteurs,
               COUNT(DISTINCT project_id) FILTER (WHERE rural) AS rural_projects,
               COALESCE(SUM(people) FILTER (WHERE rural), 0) AS rural_porteurs,
               COUNT(*) FILTER (WHERE oriented) AS oriented,
               COALESCE(SUM(structures) FILTER (WHERE oriented), 0) AS structures
        FROM paths
        GROUP BY GROUPING SETS ((pole, departement), (departement), ())
        """;

    /// <summary>The referrals of the period answered within the deadline, by the type of programme referred to.</summary>
    private static readonly string ReferralsByProgrammeSql = $"""
        SELECT (SELECT pr.type FROM programmes pr WHERE pr.id = r.programme_id) AS type,
               COUNT(*) FILTER (WHERE {DashboardQueries.AnsweredInTime}) AS answered, COUNT(*) AS referred
        {DashboardQueries.ReferralsInPeriod}
        GROUP BY 1
        """;

    /// <summary>Every computed indicator's values for the year (an adopted frame's, or any version's: the frame is only read).</summary>
    public async Task<IReadOnlyList<ComputedValue>> ComputeAsync(Referential referential, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(referential);
        var indicators = referential.Indicators.Where(i => i.Terms.Source == IndicatorSource.Computed && i.Terms.Measure is not null).ToList();
        if (indicators.Count == 0)
        {
            return [];
        }

        var poles = await db.Poles.AsNoTracking().OrderBy(p => p.DepartementCode).ThenBy(p => p.Name)
            .Select(p => new PoleInfo(p.Id, p.Name, p.DepartementCode)).ToListAsync(cancellationToken);
        var departements = poles.Select(p => p.Departement).Distinct().Order(StringComparer.Ordinal).ToList();
        var filter = DashboardFilter.Year(year);
        bool Asks(MeasureCode code, Breakdowns breakdown) => indicators.Any(i => i.Terms.Measure == code && i.Terms.Breakdowns.HasFlag(breakdown));
        var measures = indicators.Select(i => i.Terms.Measure!.Value).ToHashSet();

        // Side by side, each on its own connection: the region, each département, the evaluation's own statement.
        var region = dashboard.IndicatorsNowAsync(filter, cancellationToken);
        var byDepartement = departements.ToDictionary(d => d, d => dashboard.IndicatorsNowAsync(filter with { Departement = d }, cancellationToken));
        var own = measures.Overlaps(OwnSql) ? OwnMeasuresAsync(filter, cancellationToken) : Task.FromResult<OwnFigures?>(null);
        var byProgramme = Asks(MeasureCode.ReferralsAnsweredWithinDeadline, Breakdowns.Programme)
            ? ReferralsByProgrammeAsync(filter, cancellationToken)
            : Task.FromResult(new Dictionary<ProgrammeType, Figure>());
        var delays = FirstReferralDelaysAsync(
            measures.Contains(MeasureCode.MedianDaysToFirstReferral),
            Asks(MeasureCode.MedianDaysToFirstReferral, Breakdowns.Departement) ? departements : [],
            Asks(MeasureCode.MedianDaysToFirstReferral, Breakdowns.Pole) ? poles : [],
            filter,
            cancellationToken);
        await Task.WhenAll(region, own, byProgramme, delays, Task.WhenAll(byDepartement.Values));

        var world = new World(
            poles,
            departements,
            await region,
            byDepartement.ToDictionary(x => x.Key, x => x.Value.Result),
            await own,
            await byProgramme,
            await delays);
        var values = new List<ComputedValue>();
        foreach (var indicator in indicators)
        {
            values.AddRange(world.Cells(indicator));
        }

        return values;
    }

    private async Task<OwnFigures?> OwnMeasuresAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dashboard.OpenComputationConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(OwnMeasuresSql, connection) { CommandTimeout = DashboardQueries.ComputationTimeoutSeconds };
        DashboardQueries.AddParameters(command.Parameters, filter);
        command.Parameters.Add(new NpgsqlParameter("ruralMax", Measures.RuralCommuneMaxPopulation));
        var byPole = new Dictionary<Guid, OwnRow>();
        var byDepartement = new Dictionary<string, OwnRow>(StringComparer.Ordinal);
        var total = OwnRow.None;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new OwnRow(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11));
            if (reader.GetInt32(0) == 0)
            {
                byPole[reader.GetGuid(2)] = row;
            }
            else if (reader.GetInt32(1) == 0)
            {
                byDepartement[reader.GetString(3)] = row;
            }
            else
            {
                total = row;
            }
        }

        return new OwnFigures(total, byPole, byDepartement);
    }

    private async Task<Dictionary<ProgrammeType, Figure>> ReferralsByProgrammeAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dashboard.OpenComputationConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ReferralsByProgrammeSql, connection) { CommandTimeout = DashboardQueries.ComputationTimeoutSeconds };
        DashboardQueries.AddParameters(command.Parameters, filter);
        var result = new Dictionary<ProgrammeType, Figure>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0) && Enum.TryParse<ProgrammeType>(reader.GetString(0), out var type))
            {
                result[type] = Share(reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        return result;
    }

    /// <summary>The dashboard's delay from the welcome to the first referral: the region's, and the départements' and pôles' asked for.</summary>
    private async Task<Dictionary<string, Figure>> FirstReferralDelaysAsync(bool asked, IReadOnlyList<string> departements, IReadOnlyList<PoleInfo> poles, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Figure>(StringComparer.Ordinal);
        if (!asked)
        {
            return result;
        }

        result[ComputedValue.Total] = (await dashboard.FirstReferralDelayNowAsync(filter, cancellationToken)).Median;
        foreach (var departement in departements)
        {
            result[EvaluationCells.Departement(departement)] = (await dashboard.FirstReferralDelayNowAsync(filter with { Departement = departement }, cancellationToken)).Median;
        }

        foreach (var pole in poles)
        {
            result[EvaluationCells.Pole(pole.Id)] = (await dashboard.FirstReferralDelayNowAsync(filter with { PoleId = pole.Id }, cancellationToken)).Median;
        }

        return result;
    }

    /// <summary>A share in percent (one decimal) of <paramref name="numerator"/> out of <paramref name="denominator"/>, masked as a rate.</summary>
    private static Figure Share(long numerator, long denominator) =>
        Figure.Rate(denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), numerator, denominator);

    /// <summary>A ratio of two figures (two decimals), resting on the groups both rest on: masked when either is.</summary>
    private static Figure Ratio(Figure numerator, Figure denominator, decimal factor = 1m) =>
        Figure.Of(
            numerator.Disclosed is { } n && denominator.Disclosed is { } d && d != 0 ? Math.Round(factor * n / d, 2, MidpointRounding.AwayFromZero) : null,
            numerator.Records,
            denominator.Records);

    private sealed record OwnRow(long Welcomed, long SecondProgramme, long Collective, long Porteurs, long RuralProjects, long RuralPorteurs, long Oriented, long Structures)
    {
        public static OwnRow None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

        public Figure Of(MeasureCode code) => code switch
        {
            MeasureCode.SecondProgrammeShare => Share(SecondProgramme, Welcomed),
            MeasureCode.CollectiveProjectsShare => Share(Collective, Welcomed),

            // A share of porteurs, resting on the porteurs and on the projects they carry (rural or not).
            MeasureCode.RuralPorteursShare => Figure.Of(
                Porteurs == 0 ? null : Math.Round(100m * RuralPorteurs / Porteurs, 1, MidpointRounding.AwayFromZero),
                Porteurs,
                RuralPorteurs,
                Porteurs - RuralPorteurs,
                Welcomed,
                RuralProjects,
                Welcomed - RuralProjects),
            MeasureCode.DistinctStructuresPerTrajectory => Figure.Of(Oriented == 0 ? null : Math.Round((decimal)Structures / Oriented, 2, MidpointRounding.AwayFromZero), Oriented),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not one of the evaluation's own statement."),
        };
    }

    private sealed record OwnFigures(OwnRow Total, IReadOnlyDictionary<Guid, OwnRow> ByPole, IReadOnlyDictionary<string, OwnRow> ByDepartement);

    /// <summary>What the computation read, turned into each indicator's cells.</summary>
    private sealed record World(
        IReadOnlyList<PoleInfo> Poles,
        IReadOnlyList<string> Departements,
        IReadOnlyDictionary<Indicator, IndicatorValues> Region,
        IReadOnlyDictionary<string, IReadOnlyDictionary<Indicator, IndicatorValues>> ByDepartement,
        OwnFigures? Own,
        IReadOnlyDictionary<ProgrammeType, Figure> ReferralsByProgramme,
        IReadOnlyDictionary<string, Figure> FirstReferral)
    {
        public IEnumerable<ComputedValue> Cells(EvaluationIndicator indicator)
        {
            var code = indicator.Terms.Measure!.Value;
            var breakdowns = indicator.Terms.Breakdowns;
            var (total, departements, poles) = Figures(code);
            yield return ComputedValue.Of(indicator.Id, ComputedValue.Total, total);
            if (breakdowns.HasFlag(Breakdowns.Departement) && departements is not null)
            {
                foreach (var (departement, figure) in Departements.Zip(departements))
                {
                    yield return ComputedValue.Of(indicator.Id, EvaluationCells.Departement(departement), figure);
                }
            }

            if (breakdowns.HasFlag(Breakdowns.Pole) && poles is not null)
            {
                foreach (var (pole, figure) in Poles.Zip(poles))
                {
                    yield return ComputedValue.Of(indicator.Id, EvaluationCells.Pole(pole.Id), figure);
                }
            }

            if (breakdowns.HasFlag(Breakdowns.Programme))
            {
                if (code == MeasureCode.ReferralsAnsweredWithinDeadline)
                {
                    foreach (var (type, figure) in ReferralsByProgramme.OrderBy(x => x.Key))
                    {
                        yield return ComputedValue.Of(indicator.Id, EvaluationCells.Programme(type), figure);
                    }
                }
                else if (SingleProgramme.TryGetValue(code, out var type))
                {
                    yield return ComputedValue.Of(indicator.Id, EvaluationCells.Programme(type), total);
                }
            }
        }

        /// <summary>A measure's total, its départements' cells and its pôles' cells (in the order of <see cref="Departements"/> and <see cref="Poles"/>).</summary>
        private (Figure Total, IReadOnlyList<Figure>? Departements, IReadOnlyList<Figure>? Poles) Figures(MeasureCode code)
        {
            switch (code)
            {
                case MeasureCode.MedianDaysToFirstReferral:
                    return (
                        FirstReferral.GetValueOrDefault(ComputedValue.Total),
                        Departements.Select(d => FirstReferral.GetValueOrDefault(EvaluationCells.Departement(d))).ToList(),
                        Poles.Select(p => FirstReferral.GetValueOrDefault(EvaluationCells.Pole(p.Id))).ToList());
                case MeasureCode.CompaniesPer100Welcomed:
                    return Combined(Indicator.CompaniesCreated, Indicator.ProjectsWelcomed, (companies, welcomed) => Ratio(companies, welcomed, 100m));
                case MeasureCode.JobsPerCompany:
                    return Combined(Indicator.Jobs, Indicator.CompaniesCreated, (jobs, companies) => Ratio(jobs, companies));
                case var own when OwnSql.Contains(own):
                    var figures = Own ?? throw new InvalidOperationException("The evaluation's own statement was not run.");
                    return (
                        figures.Total.Of(own),
                        Departements.Select(d => figures.ByDepartement.GetValueOrDefault(d, OwnRow.None).Of(own)).ToList(),
                        Poles.Select(p => figures.ByPole.TryGetValue(p.Id, out var row) ? row.Of(own) : Figure.Empty).ToList());
                default:
                    var indicator = Measures.Of(code).DashboardIndicator ?? throw new InvalidOperationException($"No computation for the measure {code}.");
                    var additive = Domain.Indicators.Indicators.Of(indicator).IsAdditive;
                    var region = Region[indicator];
                    var empty = additive ? Figure.Count(0) : Figure.Empty;
                    IReadOnlyList<Figure> departementCells = [.. Departements.Select(d => ByDepartement[d][indicator].Total)];
                    IReadOnlyList<Figure> poleCells = [.. Poles.Select(p => region.ByPole.GetValueOrDefault(p.Id, empty))];
                    return additive
                        ? (region.Total, Figure.ProtectTotal(region.Total, departementCells), Figure.ProtectTotal(region.Total, poleCells))
                        : (region.Total, departementCells, poleCells);
            }
        }

        /// <summary>A measure made of two dashboard indicators, cell by cell (the raw figures, before any protection of a total).</summary>
        private (Figure Total, IReadOnlyList<Figure>? Departements, IReadOnlyList<Figure>? Poles) Combined(Indicator first, Indicator second, Func<Figure, Figure, Figure> combine)
        {
            var (a, b) = (Region[first], Region[second]);
            return (
                combine(a.Total, b.Total),
                [.. Departements.Select(d => combine(ByDepartement[d][first].Total, ByDepartement[d][second].Total))],
                [.. Poles.Select(p => combine(a.ByPole.GetValueOrDefault(p.Id, Figure.Count(0)), b.ByPole.GetValueOrDefault(p.Id, Figure.Count(0))))]);
        }
    }
}
