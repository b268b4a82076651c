using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>A campaign in the list: its year, where it stands, and how many organisations have submitted everything.</summary>
public sealed record CampaignLine(Guid Id, int Year, CampaignStatus Status, DateOnly Deadline, DateTimeOffset? FrozenAt, int Organisations, int Complete);

/// <summary>An organisation's progress in the campaign shown.</summary>
public sealed record CompletenessLine(string Organisation, Completeness Completeness);

/// <summary>A computed indicator's regional value in the campaign shown, against its baseline and target.</summary>
public sealed record ComputedLine(EvaluationIndicator Indicator, ComputedValue? Total);

/// <summary>
/// The campaigns at a glance (issue 21): every year's campaign; the open one's (else the latest's) completeness per
/// organisation; and the latest frozen one's regional value of each computed indicator as it was stored at the freeze
/// (a small cell's masked text, never its value), against its baseline and target.
/// </summary>
public sealed record CampaignsPage(
    IReadOnlyList<CampaignLine> Campaigns,
    int? ShownYear,
    CampaignStatus? ShownStatus,
    IReadOnlyList<CompletenessLine> Completeness,
    int? FrozenYear,
    DateTimeOffset? FrozenAt,
    IReadOnlyList<ComputedLine> Computed);

public sealed class CampaignsOverview(TrajectoirEssDbContext db, PlatformDirectory directory)
{
    public async Task<CampaignsPage> PageAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().AsSplitQuery().OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        var referentialIds = campaigns.Select(c => c.ReferentialId).Distinct().ToList();
        var referentials = await db.Referentials.AsNoTracking().Where(r => referentialIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var lines = campaigns.Select(c =>
        {
            var completeness = c.CompletenessOf(referentials[c.ReferentialId]);
            return new CampaignLine(c.Id, c.Year, c.Status, c.Deadline, c.FrozenAt, completeness.Count, completeness.Count(x => x.IsComplete));
        }).ToList();

        var shown = campaigns.FirstOrDefault(c => c.Status == CampaignStatus.Open) ?? campaigns.FirstOrDefault();
        var frozen = campaigns.FirstOrDefault(c => c.Status == CampaignStatus.Frozen);
        var completeness = shown?.CompletenessOf(referentials[shown.ReferentialId]) ?? [];
        var names = await directory.NamesAsync(completeness.Select(c => c.Organisation), cancellationToken);
        var computed = frozen is null
            ? []
            : referentials[frozen.ReferentialId].Indicators.Where(i => i.Terms.Source == IndicatorSource.Computed)
                .Select(i => new ComputedLine(i, frozen.ComputedValues.FirstOrDefault(v => v.IndicatorId == i.Id && v.Cell == ComputedValue.Total)))
                .ToList();
        return new CampaignsPage(
            lines,
            shown?.Year,
            shown?.Status,
            [.. completeness.Select(c => new CompletenessLine(names[c.Organisation], c)).OrderBy(l => l.Completeness.Percent).ThenBy(l => l.Organisation, StringComparer.CurrentCulture)],
            frozen?.Year,
            frozen?.FrozenAt,
            computed);
    }
}
