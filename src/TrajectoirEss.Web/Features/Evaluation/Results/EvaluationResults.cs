using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Results;

/// <summary>An indicator's regional value in an earlier frozen campaign (its counterpart in that campaign's version of the frame).</summary>
public sealed record YearValue(int Year, ShownValue Value);

/// <summary>A cell of an indicator's breakdown, with its label for a reader (a département, a pôle, a programme, an organisation).</summary>
public sealed record CellValue(string Cell, string Label, ShownValue Value);

/// <summary>
/// What a frozen campaign says of one indicator: its regional value, its cells, whether it meets its target, and its
/// regional value in each earlier frozen campaign (oldest first; a year whose frame had no such indicator is left out).
/// </summary>
public sealed record IndicatorResult(EvaluationIndicator Indicator, ShownValue Total, bool? MeetsTarget, IReadOnlyList<CellValue> Cells, IReadOnlyList<YearValue> Previous);

/// <summary>A campaign's results, indicator by indicator, read from what was stored (computed values at the freeze, validated declared values).</summary>
public sealed record CampaignResults(Campaign Campaign, Referential Referential, IReadOnlyList<IndicatorResult> Indicators)
{
    public IndicatorResult Of(Guid indicatorId) => Indicators.Single(i => i.Indicator.Id == indicatorId);

    /// <summary>The indicators of one evaluative question, through its criteria, in the frame's order.</summary>
    public IReadOnlyList<IndicatorResult> OfQuestion(Guid questionId)
    {
        var criteria = Referential.Criteria.Where(c => c.QuestionId == questionId).Select(c => c.Id).ToHashSet();
        return [.. Indicators.Where(i => criteria.Contains(i.Indicator.CriterionId))];
    }
}

/// <summary>
/// Reads a campaign's results for the shared reading, the report and the public synthesis — from the stored values
/// only (a frozen campaign's computed values, its validated declared values): no page recomputes a measure.
/// </summary>
public sealed class EvaluationResults(TrajectoirEssDbContext db, PlatformDirectory directory)
{
    /// <summary>The results of a campaign (null: no such campaign); earlier years are the frozen campaigns before it.</summary>
    public async Task<CampaignResults?> ForCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var earlier = await db.Campaigns.AsNoTracking().AsSplitQuery()
            .Where(c => c.Year < campaign.Year && c.Status == CampaignStatus.Frozen)
            .OrderBy(c => c.Year)
            .ToListAsync(cancellationToken);
        var referentialIds = earlier.Select(c => c.ReferentialId).Append(campaign.ReferentialId).Distinct().ToList();
        var referentials = await db.Referentials.AsNoTracking().Where(r => referentialIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var referential = referentials[campaign.ReferentialId];
        var labels = await CellLabelsAsync(campaign, cancellationToken);

        var results = referential.Indicators.Select(indicator =>
        {
            var total = IndicatorResults.Total(campaign, indicator);
            var cells = IndicatorResults.Cells(campaign, indicator)
                .Select(c => new CellValue(c.Cell, IndicatorResults.CellLabel(c.Cell, labels), c.Value))
                .ToList();
            var previous = earlier
                .Select(c => (Campaign: c, Indicator: IndicatorResults.Counterpart(referentials[c.ReferentialId], indicator)))
                .Where(x => x.Indicator is not null)
                .Select(x => new YearValue(x.Campaign.Year, IndicatorResults.Total(x.Campaign, x.Indicator!)))
                .ToList();
            return new IndicatorResult(indicator, total, IndicatorResults.MeetsTarget(total, indicator.Terms), cells, previous);
        }).ToList();
        return new CampaignResults(campaign, referential, results);
    }

    /// <summary>The campaign of a year (null: none).</summary>
    public Task<Guid?> CampaignOfYearAsync(int year, CancellationToken cancellationToken) =>
        db.Campaigns.Where(c => c.Year == year).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Names of the pôles and organisations a campaign's cells refer to.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CellLabelsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var poles = await db.Poles.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        foreach (var pole in poles)
        {
            labels[EvaluationCells.Pole(pole.Id)] = pole.Name;
        }

        var names = await directory.NamesAsync(campaign.Organisations.Concat(campaign.Values.Select(v => v.Organisation)).Distinct(), cancellationToken);
        foreach (var (organisation, name) in names)
        {
            labels[EvaluationCells.Organisation(organisation)] = name;
        }

        return labels;
    }
}
