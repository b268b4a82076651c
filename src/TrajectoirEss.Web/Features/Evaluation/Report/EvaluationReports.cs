using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Evaluation.Results;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Report;

/// <summary>An interpretation of a finding, with the organisation that proposed it (never a person).</summary>
public sealed record InterpretationView(string Organisation, string Text);

/// <summary>A recommendation, and the commitment of the platform it became (its title and status), if it did.</summary>
public sealed record RecommendationView(string Text, Guid? CommitmentId, string? CommitmentTitle, CommitmentStatus? CommitmentStatus);

/// <summary>A finding of the reading as a reader sees it: on which question, what was observed and agreed, who read it how, what is recommended.</summary>
public sealed record FindingView(Finding Finding, string Question, IReadOnlyList<InterpretationView> Interpretations, IReadOnlyList<RecommendationView> Recommendations);

/// <summary>An organisation's declared value in the campaign, as the report lists it (a small count shows "&lt; 3").</summary>
public sealed record DeclaredLine(EvaluationIndicator Indicator, string Organisation, ShownValue Value, DeclaredValueStatus Status);

/// <summary>An organisation's progress in the campaign's declarations.</summary>
public sealed record CompletenessView(string Organisation, Completeness Completeness);

/// <summary>
/// Everything the report and the public synthesis say of a campaign: the frame's version (its values, questions,
/// criteria, indicators), the results from the stored values, the reading (if started) with its findings named by
/// organisations, and the declarations' completeness.
/// </summary>
public sealed record EvaluationReport(
    CampaignResults Results,
    string? AdoptedAt,
    EvaluationReading? Reading,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<DeclaredLine> Declared,
    IReadOnlyList<CompletenessView> Completeness)
{
    public Campaign Campaign => Results.Campaign;

    public Referential Referential => Results.Referential;

    public bool IsFrozen => Campaign.Status == CampaignStatus.Frozen;

    public IReadOnlyList<FindingView> FindingsOn(Guid questionId) => [.. Findings.Where(f => f.Finding.QuestionId == questionId)];

    public IReadOnlyList<Criterion> CriteriaOf(Guid questionId) => [.. Referential.Criteria.Where(c => c.QuestionId == questionId)];

    public IReadOnlyList<IndicatorResult> IndicatorsOf(Guid criterionId) => [.. Results.Indicators.Where(i => i.Indicator.CriterionId == criterionId)];

    public string ValueTitle(Guid valueId) => Referential.Values.FirstOrDefault(v => v.Id == valueId)?.Title ?? string.Empty;

    public string QuestionText(Guid questionId) => Referential.Questions.FirstOrDefault(q => q.Id == questionId)?.Text ?? string.Empty;

    /// <summary>The key indicators of the synthesis, in the order chosen.</summary>
    public IReadOnlyList<IndicatorResult> KeyIndicators =>
        Reading is null ? [] : [.. Reading.KeyIndicatorIds.Select(id => Results.Indicators.FirstOrDefault(i => i.Indicator.Id == id)).OfType<IndicatorResult>()];
}

/// <summary>
/// Reads a campaign's report from what was stored (<see cref="EvaluationResults"/>: the values frozen, the validated
/// declarations), with its reading: the organisations' names of the interpretations and the declarations, the
/// commitments the recommendations became.
/// </summary>
public sealed class EvaluationReports(TrajectoirEssDbContext db, EvaluationResults results, PlatformDirectory directory)
{
    /// <summary>The report of a campaign (null: no such campaign).</summary>
    public async Task<EvaluationReport?> ForCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        if (await results.ForCampaignAsync(campaignId, cancellationToken) is not { } campaignResults)
        {
            return null;
        }

        var campaign = campaignResults.Campaign;
        var referential = campaignResults.Referential;
        var reading = await db.EvaluationReadings.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        var findings = reading?.Findings ?? [];
        var completeness = campaign.CompletenessOf(referential);
        var names = await directory.NamesAsync(
            findings.SelectMany(f => f.Interpretations.Select(i => i.ProposedBy))
                .Concat(campaign.Values.Select(v => v.Organisation))
                .Concat(completeness.Select(c => c.Organisation))
                .Distinct(),
            cancellationToken);
        var commitmentIds = findings.SelectMany(f => f.Recommendations).Select(r => r.CommitmentId).OfType<Guid>().Distinct().ToList();
        var commitments = await db.Commitments.AsNoTracking().Where(c => commitmentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.Status })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        string Name(OrganisationRef organisation) => names.TryGetValue(organisation, out var name) ? name : "Organisation";

        var findingViews = findings.Select(f => new FindingView(
            f,
            referential.Questions.FirstOrDefault(q => q.Id == f.QuestionId)?.Text ?? string.Empty,
            [.. f.Interpretations.Select(i => new InterpretationView(Name(i.ProposedBy), i.Text))],
            [
                .. f.Recommendations.Select(r => r.CommitmentId is { } id && commitments.TryGetValue(id, out var c)
                    ? new RecommendationView(r.Text, id, c.Title, c.Status)
                    : new RecommendationView(r.Text, r.CommitmentId, null, null)),
            ])).ToList();

        var indicators = referential.Indicators.ToDictionary(i => i.Id);
        var declared = campaign.Values
            .Where(v => indicators.ContainsKey(v.IndicatorId))
            .Select(v => (Value: v, Indicator: indicators[v.IndicatorId]))
            .Select(x => new DeclaredLine(
                x.Indicator,
                Name(x.Value.Organisation),
                x.Value.Value is { } number ? IndicatorResults.Shown(x.Indicator.Terms.Unit, number) : new ShownValue(null, null),
                x.Value.Status))
            .OrderBy(l => l.Indicator.Position).ThenBy(l => l.Organisation, StringComparer.CurrentCulture)
            .ToList();

        var adoptedAt = referential.Adoption is { } adoption
            ? adoption.AdoptedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))
              + (adoption.BodyName is { } body ? $" par {body}" : " en séance de la plateforme de coordination")
            : null;
        return new EvaluationReport(
            campaignResults,
            adoptedAt,
            reading,
            findingViews,
            declared,
            [.. completeness.Select(c => new CompletenessView(Name(c.Organisation), c)).OrderBy(c => c.Organisation, StringComparer.CurrentCulture)]);
    }
}
