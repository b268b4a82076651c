using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Commitments;

/// <summary>
/// The coordinators' side of the commitments: record one (from a session's decision or not), change its terms
/// (optimistic concurrency), and ask the carriers for their news before a session.
/// </summary>
public sealed class CoordinationCommitments(
    TrajectoirEssDbContext db,
    UnitOfWork unitOfWork,
    PlatformDirectory directory,
    CommitmentQueries queries,
    Notifier notifier,
    TimeProvider clock,
    ILogger<CoordinationCommitments> logger)
{
    /// <summary>
    /// The creation form; from a decision of a session, its text is proposed; from a recommendation of the
    /// evaluation's shared reading (<paramref name="typed"/> naming the reading, finding and recommendation), its text
    /// as title and the finding's observation as description — the domain says when it cannot become a commitment
    /// (already one), unless the form is shown again after a refusal (<paramref name="refused"/>). Null when the
    /// session, decision, reading, finding or recommendation is unknown.
    /// </summary>
    public async Task<CommitmentFormPage?> NewPageAsync(Guid? sessionId, Guid? decisionId, CommitmentInput? typed, CancellationToken cancellationToken, bool refused = false)
    {
        Finding? finding = null;
        Recommendation? recommendation = null;
        int? readingYear = null;
        if (typed is { ReadingId: var readingId, FindingId: var findingId, RecommendationId: var recommendationId } && (readingId ?? findingId ?? recommendationId) is not null)
        {
            var reading = await db.EvaluationReadings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == readingId, cancellationToken);
            finding = reading?.Findings.SingleOrDefault(f => f.Id == findingId);
            recommendation = finding?.Recommendations.SingleOrDefault(r => r.Id == recommendationId);
            if (reading is null || finding is null || recommendation is null)
            {
                return null;
            }

            readingYear = reading.Year;
            if (!refused)
            {
                reading.CheckLink(finding.Id, recommendation.Id);
                typed = new CommitmentInput
                {
                    Title = Shorten(recommendation.Text, Commitment.TitleMaxLength),
                    Description = Shorten(finding.Observation, Commitment.DescriptionMaxLength),
                    ReadingId = reading.Id,
                    FindingId = finding.Id,
                    RecommendationId = recommendation.Id,
                };
            }
        }

        PlatformSession? session = null;
        if (sessionId is { } s)
        {
            session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == s, cancellationToken);
            if (session is null)
            {
                return null;
            }
        }

        var decision = decisionId is { } d ? session?.Decisions.SingleOrDefault(x => x.Id == d) : null;
        if (decisionId is not null && decision is null)
        {
            return null;
        }

        var input = typed ?? new CommitmentInput
        {
            Title = decision is null ? null : Shorten(decision.Text, Commitment.TitleMaxLength),
            Description = decision?.Text,
            SessionId = session?.Id,
            DecisionId = decision?.Id,
        };
        return new CommitmentFormPage
        {
            Input = input,
            Organisations = await directory.AllAsync(cancellationToken),
            Objectives = await ObjectivesAsync(null, cancellationToken),
            Sessions = await SessionsAsync(null, cancellationToken),
            FromSession = session is null ? null : $"Séance du {Format.Date(session.StartsAt)} ({session.Semester.Label})",
            FromDecision = decision?.Text,
            FromRecommendation = recommendation?.Text,
            FromReadingYear = readingYear,
        };
    }

    public async Task<Guid> CreateAsync(Guid actorId, CommitmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        PlatformSession? session = null;
        if (input.SessionId is { } sessionId)
        {
            session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
                ?? throw new DomainException("Cette séance n'existe pas.", nameof(Commitment.SessionId));
        }

        var terms = await TermsAsync(input, null, cancellationToken);
        var now = clock.GetUtcNow();
        var commitment = Commitment.Make(Guid.CreateVersion7(now), terms, session, input.DecisionId, actorId, now);
        if (input.ReadingId is { } readingId)
        {
            // The recommendation becomes this commitment in the same save: both are recorded, or neither.
            var reading = await db.EvaluationReadings.SingleOrDefaultAsync(r => r.Id == readingId, cancellationToken)
                ?? throw new DomainException("Cette lecture partagée n'existe pas : créez l'engagement depuis la recommandation.");
            reading.LinkCommitment(input.FindingId ?? Guid.Empty, input.RecommendationId ?? Guid.Empty, commitment.Id, actorId, now);
        }

        db.Commitments.Add(commitment);
        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Commitment {CommitmentId} recorded by {ActorId}", commitment.Id, actorId);
        return commitment.Id;
    }

    public async Task<CommitmentFormPage?> EditPageAsync(Guid id, CommitmentInput? typed, bool conflict, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commitment is null)
        {
            return null;
        }

        var stored = CommitmentInput.From(commitment);
        var input = typed ?? stored;
        var organisations = await directory.AllAsync(cancellationToken);
        var objectives = await ObjectivesAsync(commitment.ObjectiveId, cancellationToken);
        var sessions = await SessionsAsync(commitment.DueSessionId, cancellationToken);
        return new CommitmentFormPage
        {
            Id = id,
            Input = input,
            Organisations = organisations,
            Objectives = objectives,
            Sessions = sessions,
            StoredVersion = commitment.Version,
            Conflict = conflict
                ? [.. Describe(stored, organisations, objectives, sessions).Zip(Describe(input, organisations, objectives, sessions), (s, t) => new ConflictLine(s.Label, t.Value, s.Value)).Where(l => l.Typed != l.Stored)]
                : [],
        };
    }

    /// <summary>Changes the terms; false when nothing changed. A concurrent change is a <see cref="DbUpdateConcurrencyException"/>.</summary>
    public async Task<bool> UpdateAsync(Guid actorId, Guid id, CommitmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        db.Entry(commitment).Property(c => c.Version).OriginalValue = input.Version;
        var terms = await TermsAsync(input, commitment, cancellationToken);
        var before = Snapshot(commitment);
        commitment.Edit(terms, actorId, clock.GetUtcNow());
        if (before == Snapshot(commitment))
        {
            return false;
        }

        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// "Demander les mises à jour": e-mails the carriers of every open commitment that owes news since the last held
    /// session, one e-mail per person of each carrier (by their preferences), listing its commitments. Null when the
    /// session is unknown; otherwise how many organisations were asked.
    /// </summary>
    public async Task<int?> AskForUpdatesAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await db.PlatformSessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            return null;
        }

        if (await queries.LastSessionAtAsync(cancellationToken) is not { } since)
        {
            return 0;
        }

        var open = await db.Commitments.AsNoTracking().Where(c => Commitment.OpenStatuses.Contains(c.Status)).ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var carrier in open.Where(c => c.NeedsUpdateSince(since)).GroupBy(c => c.Carrier))
        {
            var titles = string.Join(" ; ", carrier.OrderBy(c => c.Title, StringComparer.CurrentCulture).Select(c => $"« {c.Title} »"));
            var staff = await directory.StaffOfAsync(carrier.Key, NotificationKinds.Coordination, cancellationToken);
            foreach (var person in staff)
            {
                await notifier.SendToAsync(
                    person,
                    "Plateforme de coordination : vos engagements attendent des nouvelles",
                    $"Avant la prochaine séance de la plateforme de coordination, la coordination vous demande où en sont les engagements que porte votre organisation et qui n'ont pas reçu de point depuis la dernière séance ({Format.Date(since)}) : {titles}. Donnez-en des nouvelles depuis le portail.",
                    "/plateforme/engagements",
                    cancellationToken);
            }

            asked += staff.Count > 0 ? 1 : 0;
        }

        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Updates asked of {Organisations} carrier organisations before session {SessionId}", asked, sessionId);
        return asked;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Snapshot(Commitment c) =>
        string.Join('|', c.Title, c.Description, c.Carrier, string.Join(',', c.Contributors), c.ObjectiveId, c.DueOn, c.DueSessionId);

    private static IEnumerable<(string Label, string? Value)> Describe(CommitmentInput input, IReadOnlyList<OrganisationEntry> organisations, IReadOnlyList<StrategyObjective> objectives, IReadOnlyList<SessionChoice> sessions)
    {
        string? Name(string? key) => organisations.SingleOrDefault(o => o.Key == key)?.Name ?? key;
        yield return ("Titre", input.Title);
        yield return ("Description", input.Description);
        yield return ("Porté par", Name(input.Carrier));
        yield return ("Contributeurs", string.Join(", ", input.Contributors.Select(Name)));
        yield return ("Objectif", objectives.SingleOrDefault(o => o.Id == input.ObjectiveId)?.Title);
        yield return ("Échéance (date)", input.DueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        yield return ("Échéance (séance)", sessions.SingleOrDefault(s => s.Id == input.DueSessionId)?.Label);
    }

    /// <summary>The form's values as the domain's terms: organisations and objective checked to exist, the due session to be upcoming (or unchanged).</summary>
    private async Task<CommitmentTerms> TermsAsync(CommitmentInput input, Commitment? current, CancellationToken cancellationToken)
    {
        var known = (await directory.AllAsync(cancellationToken)).Select(o => o.Ref).ToHashSet();
        var existing = current is null ? [] : current.Contributors.Append(current.Carrier).ToHashSet();
        bool Known(OrganisationRef o) => known.Contains(o) || existing.Contains(o);

        OrganisationRef? carrier = null;
        if (!string.IsNullOrWhiteSpace(input.Carrier))
        {
            carrier = PlatformDirectory.Parse(input.Carrier) is { } c && Known(c)
                ? c
                : throw new DomainException("Choisissez l'organisation qui porte l'engagement dans la liste.", nameof(Commitment.Carrier));
        }

        var contributors = new List<OrganisationRef>();
        foreach (var key in input.Contributors.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            contributors.Add(PlatformDirectory.Parse(key) is { } c && Known(c)
                ? c
                : throw new DomainException("Choisissez les organisations contributrices dans la liste.", nameof(Commitment.Contributors)));
        }

        StrategyObjective? objective = null;
        if (input.ObjectiveId is { } objectiveId)
        {
            objective = await db.StrategyObjectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken)
                ?? throw new DomainException("Choisissez l'objectif dans la liste.", nameof(Commitment.ObjectiveId));
        }

        if (input.DueSessionId is { } due && due != current?.DueSessionId && (await SessionsAsync(null, cancellationToken)).All(s => s.Id != due))
        {
            throw new DomainException("Choisissez une séance à venir de la plateforme.", nameof(Commitment.DueSessionId));
        }

        return new CommitmentTerms(input.Title, input.Description, carrier, contributors, objective, input.DueOn, input.DueSessionId);
    }

    private async Task<IReadOnlyList<StrategyObjective>> ObjectivesAsync(Guid? current, CancellationToken cancellationToken) =>
        await db.StrategyObjectives.AsNoTracking().Where(o => o.IsActive || o.Id == current).OrderBy(o => o.AxisCode).ThenBy(o => o.Code).ToListAsync(cancellationToken);

    /// <summary>The platform's sessions still to come (and the one already chosen, whatever its status).</summary>
    private async Task<IReadOnlyList<SessionChoice>> SessionsAsync(Guid? current, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.Id == current || (PlatformSession.UpcomingStatuses.Contains(s.Status) && s.StartsAt > now && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform)))
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.Semester })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new SessionChoice(s.Id, $"Séance du {Format.Date(s.StartsAt)} ({s.Semester.Label})"))];
    }
}
