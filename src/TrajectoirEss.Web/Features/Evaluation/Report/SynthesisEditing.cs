using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Report;

/// <summary>What the synthesis form posts: its opening text, the key indicators ticked, the version read, and which button.</summary>
public sealed class SynthesisInput
{
    public const string Publish = "publier";
    public const string Withdraw = "retirer";

    public string? Summary { get; set; }

    public List<Guid> KeyIndicatorIds { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>"publier", "retirer", or anything else: save.</summary>
    public string? Decision { get; set; }
}

/// <summary>The synthesis page: the report (values, findings, indicators) and the form, with what was typed when it is shown again.</summary>
public sealed record SynthesisPage(EvaluationReport Report, SynthesisInput Input)
{
    /// <summary>Someone else saved first: the page shows what they saved beside what was typed.</summary>
    public bool Conflict { get; init; }

    public EvaluationReading? Reading => Report.Reading;

    public bool IsPublished => Reading?.Status == ReadingStatus.Published;

    /// <summary>The indicators a synthesis may show: the frame's numbered ones (computed or declared).</summary>
    public IReadOnlyList<EvaluationIndicator> Choosable => [.. Report.Referential.Indicators.Where(i => i.Terms.Source.IsQuantitative())];

    public string ReadingPath => $"/coordination/evaluation/campagnes/{Report.Campaign.Id}/lecture";

    public string PublicPath => $"/evaluation/{Report.Campaign.Year}";
}

/// <summary>Whether a saved synthesis was just saved, published or withdrawn (for the confirmation).</summary>
public enum SynthesisOutcome
{
    Saved = 1,
    Published = 2,
    Withdrawn = 3,
}

/// <summary>
/// The coordinators write the public synthesis of a reading: its opening text, its key indicators, then publish it
/// (the domain says when it may be) or withdraw it to correct it. One change, saved once, checked against the
/// version read (someone else's change is not overwritten).
/// </summary>
public sealed class SynthesisEditing(TrajectoirEssDbContext db, UnitOfWork unitOfWork, EvaluationReports reports, TimeProvider clock)
{
    /// <summary>The page (null: no such campaign); the form holds the stored synthesis unless <paramref name="typed"/> is given.</summary>
    public async Task<SynthesisPage?> PageAsync(Guid campaignId, SynthesisInput? typed, CancellationToken cancellationToken)
    {
        if (await reports.ForCampaignAsync(campaignId, cancellationToken) is not { } report)
        {
            return null;
        }

        var input = typed ?? new SynthesisInput
        {
            Summary = report.Reading?.Summary,
            KeyIndicatorIds = [.. report.Reading?.KeyIndicatorIds ?? []],
        };
        input.Version = report.Reading?.Version ?? 0;
        return new SynthesisPage(report, input);
    }

    /// <summary>Saves, publishes or withdraws the synthesis (null: no such campaign or no reading started).</summary>
    public async Task<SynthesisOutcome?> SaveAsync(Guid actorId, Guid campaignId, SynthesisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reading = await db.EvaluationReadings.SingleOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        if (reading is null)
        {
            return null;
        }

        db.Entry(reading).Property(r => r.Version).OriginalValue = input.Version;
        var now = clock.GetUtcNow();
        SynthesisOutcome outcome;
        if (input.Decision == SynthesisInput.Withdraw)
        {
            reading.Withdraw(actorId, now);
            outcome = SynthesisOutcome.Withdrawn;
        }
        else
        {
            var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == reading.ReferentialId, cancellationToken);
            reading.WriteSummary(input.Summary, actorId, now);
            reading.ChooseKeyIndicators(referential, input.KeyIndicatorIds, actorId, now);
            outcome = SynthesisOutcome.Saved;
            if (input.Decision == SynthesisInput.Publish)
            {
                reading.Publish(actorId, now);
                outcome = SynthesisOutcome.Published;
            }
        }

        await unitOfWork.SaveAsync(cancellationToken);
        return outcome;
    }
}
