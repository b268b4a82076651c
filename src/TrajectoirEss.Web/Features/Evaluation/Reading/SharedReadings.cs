using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Coordination.Platform;
using TrajectoirEss.Web.Features.Evaluation.Results;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Reading;

/// <summary>
/// The shared reading of a frozen campaign (issue 21): its pages for the coordination (with the findings' forms) and
/// for the platform's members (read only, when the reading is scheduled at a session their organisation is invited
/// to, or its synthesis is published), and the coordination's changes — each one domain call, saved once, with the
/// version the page showed (a concurrent change is told, not overwritten). The rules are the domain's
/// (<see cref="EvaluationReading"/>); the values shown are the stored ones (<see cref="EvaluationResults"/>).
/// </summary>
public sealed class SharedReadings(
    TrajectoirEssDbContext db,
    UnitOfWork unitOfWork,
    EvaluationResults results,
    PlatformDirectory directory,
    TimeProvider clock,
    ILogger<SharedReadings> logger)
{
    /// <summary>The reading's page of a campaign; null when the campaign is unknown, or a member may not read it.</summary>
    public async Task<ReadingPage?> PageAsync(ClaimsPrincipal user, ReadingAudience audience, Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var reading = await db.EvaluationReadings.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        if (audience == ReadingAudience.Member && (reading is null || !await MayReadAsync(user, reading, cancellationToken)))
        {
            return null;
        }

        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        var questions = referential.Questions.OrderBy(q => q.Position)
            .Select(q => new ReadingQuestionLine(q.Id, q.Text, q.DecisionServed, reading?.Findings.Count(f => f.QuestionId == q.Id) ?? 0))
            .ToList();
        string? sessionLabel = null;
        if (reading?.SessionId is { } sessionId)
        {
            var session = await db.PlatformSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.StartsAt, s.Semester }).SingleOrDefaultAsync(cancellationToken);
            sessionLabel = session is null ? null : SessionLabel(session.StartsAt, session.Semester);
        }

        var sessions = audience == ReadingAudience.Coordination && reading is not null ? await SessionsAsync(cancellationToken) : [];
        return new ReadingPage(audience, campaign.Id, campaign.Year, campaign.Status, reading, sessionLabel, questions, sessions);
    }

    /// <summary>The page of one evaluative question; null when the campaign has no reading, the question is not of its frame, or a member may not read it.</summary>
    public async Task<QuestionPage?> QuestionAsync(ClaimsPrincipal user, ReadingAudience audience, Guid campaignId, Guid questionId, CancellationToken cancellationToken)
    {
        var reading = await db.EvaluationReadings.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken);
        if (reading is null || (audience == ReadingAudience.Member && !await MayReadAsync(user, reading, cancellationToken)))
        {
            return null;
        }

        var campaign = await results.ForCampaignAsync(campaignId, cancellationToken);
        var question = campaign?.Referential.Questions.SingleOrDefault(q => q.Id == questionId);
        if (campaign is null || question is null)
        {
            return null;
        }

        var referential = campaign.Referential;
        var indicators = campaign.OfQuestion(questionId);
        var criteria = referential.Criteria.Where(c => c.QuestionId == questionId).OrderBy(c => c.Position)
            .Select(c => new ReadingCriterion(
                c,
                referential.Values.SingleOrDefault(v => v.Id == c.ValueId)?.Title ?? "—",
                [.. indicators.Where(i => i.Indicator.CriterionId == c.Id).OrderBy(i => i.Indicator.Position)]))
            .ToList();

        var findings = reading.Findings.Where(f => f.QuestionId == questionId).ToList();
        var names = await directory.NamesAsync(findings.SelectMany(f => f.Interpretations).Select(i => i.ProposedBy), cancellationToken);
        var commitmentIds = findings.SelectMany(f => f.Recommendations).Select(r => r.CommitmentId).OfType<Guid>().ToList();
        var commitments = await db.Commitments.AsNoTracking().Where(c => commitmentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var lines = findings
            .Select(f => new FindingLine(f, [.. f.Interpretations.Select(i => new InterpretationLine(i, names[i.ProposedBy]))], commitments))
            .ToList();

        return new QuestionPage(
            audience,
            campaignId,
            reading.Year,
            reading,
            question,
            criteria,
            lines,
            audience == ReadingAudience.Coordination ? await directory.AllAsync(cancellationToken) : [],
            [.. indicators.SelectMany(i => Charts(i, reading.Year))]);
    }

    /// <summary>Starts the reading of a frozen campaign (the domain refuses an open one). Null when the campaign is unknown.</summary>
    public async Task<Guid?> StartAsync(Guid actorId, Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        if (await db.EvaluationReadings.AnyAsync(r => r.CampaignId == campaignId, cancellationToken))
        {
            throw new DomainException("La lecture partagée de cette campagne est déjà commencée.");
        }

        var now = clock.GetUtcNow();
        var reading = EvaluationReading.Start(Guid.CreateVersion7(now), campaign, actorId, now);
        db.EvaluationReadings.Add(reading);
        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Shared reading {ReadingId} of campaign {CampaignId} started by {ActorId}", reading.Id, campaignId, actorId);
        return reading.Id;
    }

    /// <summary>Puts the reading on a session of the platform that is not over, or takes it off (no session chosen).</summary>
    public Task ScheduleAsync(Guid actorId, Guid campaignId, ScheduleReadingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(campaignId, input.Version, async (reading, now) =>
        {
            PlatformSession? session = null;
            if (input.SessionId is { } sessionId)
            {
                session = await db.PlatformSessions.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Id == sessionId && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform), cancellationToken)
                    ?? throw new DomainException("Choisissez la séance dans la liste.", nameof(EvaluationReading.SessionId));
            }

            reading.Schedule(session, actorId, now);
        }, cancellationToken);
    }

    public Task RecordFindingAsync(Guid actorId, Guid campaignId, Guid questionId, FindingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(campaignId, input.Version, async (reading, now) =>
            reading.RecordFinding(await FrameAsync(reading, cancellationToken), questionId, input.Terms(), actorId, now), cancellationToken);
    }

    public Task EditFindingAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, FindingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(campaignId, input.Version, async (reading, now) =>
            reading.EditFinding(await FrameAsync(reading, cancellationToken), OnQuestion(reading, questionId, findingId).Id, questionId, input.Terms(), actorId, now), cancellationToken);
    }

    public Task RemoveFindingAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, uint version, CancellationToken cancellationToken) =>
        ChangeAsync(campaignId, version, (reading, now) =>
        {
            reading.RemoveFinding(OnQuestion(reading, questionId, findingId).Id, actorId, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task InterpretAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, InterpretationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(campaignId, input.Version, async (reading, now) =>
        {
            var finding = OnQuestion(reading, questionId, findingId);
            OrganisationRef? organisation = null;
            if (!string.IsNullOrWhiteSpace(input.ProposedBy))
            {
                var known = (await directory.AllAsync(cancellationToken)).Select(o => o.Ref).ToHashSet();
                organisation = PlatformDirectory.Parse(input.ProposedBy) is { } o && known.Contains(o)
                    ? o
                    : throw new DomainException("Choisissez l'organisation dans la liste.", nameof(Interpretation.ProposedBy));
            }

            reading.Interpret(finding.Id, input.Text, organisation, actorId, now);
        }, cancellationToken);
    }

    public Task RemoveInterpretationAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, Guid interpretationId, uint version, CancellationToken cancellationToken) =>
        ChangeAsync(campaignId, version, (reading, now) =>
        {
            reading.RemoveInterpretation(OnQuestion(reading, questionId, findingId).Id, interpretationId, actorId, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task RecommendAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, RecommendationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(campaignId, input.Version, (reading, now) =>
        {
            reading.Recommend(OnQuestion(reading, questionId, findingId).Id, input.Text, actorId, now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task RemoveRecommendationAsync(Guid actorId, Guid campaignId, Guid questionId, Guid findingId, Guid recommendationId, uint version, CancellationToken cancellationToken) =>
        ChangeAsync(campaignId, version, (reading, now) =>
        {
            reading.RemoveRecommendation(OnQuestion(reading, questionId, findingId).Id, recommendationId, actorId, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The readings scheduled at a session (their campaign and year), for the session's pages.</summary>
    public static async Task<IReadOnlyList<ScheduledReading>> AtSessionAsync(TrajectoirEssDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.EvaluationReadings.AsNoTracking()
            .Where(r => r.SessionId == sessionId)
            .OrderBy(r => r.Year)
            .Select(r => new ScheduledReading(r.CampaignId, r.Year))
            .ToListAsync(cancellationToken);
    }

    private static string SessionLabel(DateTimeOffset startsAt, Semester semester) => $"Séance du {Format.Date(startsAt)} ({semester.Label})";

    /// <summary>A member reads the reading when its synthesis is published, or when it is scheduled at a session their organisation is invited to (the coordination always).</summary>
    private async Task<bool> MayReadAsync(ClaimsPrincipal user, EvaluationReading reading, CancellationToken cancellationToken)
    {
        if (PlatformDirectory.RunsThePlatform(user) || reading.Status == ReadingStatus.Published)
        {
            return true;
        }

        if (reading.SessionId is not { } sessionId || PlatformDirectory.OrganisationOf(user) is not { } organisation)
        {
            return false;
        }

        var session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return session?.Attendance(organisation) is not null;
    }

    /// <summary>A finding of the reading on this question (another question's, or none: the page does not exist).</summary>
    private static Finding OnQuestion(EvaluationReading reading, Guid questionId, Guid findingId) =>
        reading.Findings.SingleOrDefault(f => f.Id == findingId && f.QuestionId == questionId) ?? throw new PlatformRecordNotFoundException();

    private Task<Referential> FrameAsync(EvaluationReading reading, CancellationToken cancellationToken) =>
        db.Referentials.AsNoTracking().SingleAsync(r => r.Id == reading.ReferentialId, cancellationToken);

    /// <summary>The platform's sessions the reading can be put on: not closed nor cancelled, soonest first.</summary>
    private async Task<IReadOnlyList<ReadingSessionChoice>> SessionsAsync(CancellationToken cancellationToken)
    {
        var sessions = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.Status != PlatformSessionStatus.Closed && s.Status != PlatformSessionStatus.Cancelled && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform))
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.Semester })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new ReadingSessionChoice(s.Id, SessionLabel(s.StartsAt, s.Semester)))];
    }

    /// <summary>One change of the reading, at the version the page showed, saved once. Unknown campaign or no reading: a 404.</summary>
    private async Task ChangeAsync(Guid campaignId, uint version, Func<EvaluationReading, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var reading = await db.EvaluationReadings.SingleOrDefaultAsync(r => r.CampaignId == campaignId, cancellationToken) ?? throw new PlatformRecordNotFoundException();
        db.Entry(reading).Property(r => r.Version).OriginalValue = version;
        await change(reading, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
    }

    /// <summary>The charts of an indicator: its years (this one and the earlier ones) when it has earlier years, its cells when it has some.</summary>
    /// <summary>
    /// The charts of an indicator: its years, and its detail — each only when it has two values to compare at least
    /// (a chart of masked or missing values would show nothing; the tables say it).
    /// </summary>
    private static IEnumerable<ReadingChart> Charts(IndicatorResult result, int year)
    {
        var unit = result.Indicator.Terms.Unit.Label();
        if (result.Previous.Count(p => p.Value.Value is not null) + (result.Total.Value is null ? 0 : 1) >= 2)
        {
            var years = result.Previous.Select(p => (Label: p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value)).ToList();
            years.Add((year.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Total));
            yield return new ReadingChart($"annees-{result.Indicator.Id}", "line", [.. years.Select(y => y.Label)], [.. years.Select(y => y.Value.Value)], unit);
        }

        if (result.Cells.Count(c => c.Value.Value is not null) >= 2)
        {
            yield return new ReadingChart($"cellules-{result.Indicator.Id}", "bar", [.. result.Cells.Select(c => c.Label)], [.. result.Cells.Select(c => c.Value.Value)], unit);
        }
    }
}

/// <summary>A reading scheduled at a session: its campaign's id and year.</summary>
public sealed record ScheduledReading(Guid CampaignId, int Year);
