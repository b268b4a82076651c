using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Areas.Coordination.Platform;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>
/// The coordinators' work on the frame (issue 21): start the first version or the next one (a copy of the version in
/// force), edit the version in preparation element by element, put it to the members' consultation (every member
/// organisation is e-mailed), answer each contribution, and adopt it. Every rule is the domain's
/// (<see cref="Referential"/>); each change is saved once, checked against the version the form was read from.
/// </summary>
public sealed class FrameEditing(
    TrajectoirEssDbContext db,
    UnitOfWork unitOfWork,
    PlatformDirectory directory,
    Notifier notifier,
    TimeProvider clock,
    ILogger<FrameEditing> logger)
{
    public const string PreparationPath = "/coordination/evaluation/referentiel";
    public const string ConsultationPath = "/plateforme/evaluation/consultation";

    private const string AlreadyInPreparation = "Une version du référentiel est déjà en préparation (commencée par quelqu'un d'autre entre-temps ?) : rechargez la page pour la voir.";

    public async Task<FramePreparationPage> PreparationPageAsync(FrameTitleInput? start, FrameTitleInput? rename, AdoptionInput? adopt, CancellationToken cancellationToken)
    {
        var inPreparation = await db.Referentials.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Status == ReferentialStatus.Draft || r.Status == ReferentialStatus.UnderConsultation, cancellationToken);
        var inForce = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Status == ReferentialStatus.Adopted, cancellationToken);
        return new FramePreparationPage
        {
            InPreparation = inPreparation,
            InForce = inForce,
            Organisations = inPreparation is null
                ? new Dictionary<OrganisationRef, string>()
                : await directory.NamesAsync(inPreparation.Comments.Select(c => c.Organisation), cancellationToken),
            Sessions = inPreparation?.Status == ReferentialStatus.UnderConsultation ? await SessionsAsync(cancellationToken) : [],
            Start = start ?? new FrameTitleInput(),
            Rename = rename ?? new FrameTitleInput { Title = inPreparation?.Title, Version = inPreparation?.Version ?? 0 },
            Adopt = adopt ?? new AdoptionInput { AdoptedOn = Format.ParisDate(clock.GetUtcNow()), Version = inPreparation?.Version ?? 0 },
        };
    }

    /// <summary>The first version of the frame, empty, as a draft; refused when a version already exists.</summary>
    public async Task<Guid> StartFirstAsync(Guid actorId, FrameTitleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var frame = Referential.Draft(Guid.CreateVersion7(now), input.Title, actorId, now);
        if (await db.Referentials.AnyAsync(cancellationToken))
        {
            throw new DomainException("Le référentiel a déjà une version : préparez la version suivante à partir de la version en vigueur.");
        }

        db.Referentials.Add(frame);
        await SaveAsync(AlreadyInPreparation, cancellationToken);
        logger.LogInformation("Referential {ReferentialId} drafted by {ActorId}", frame.Id, actorId);
        return frame.Id;
    }

    /// <summary>The next version, a draft copy of the version in force; refused while another one is in preparation.</summary>
    public async Task<Guid> StartNextAsync(Guid actorId, CancellationToken cancellationToken)
    {
        if (await db.Referentials.AnyAsync(r => r.Status == ReferentialStatus.Draft || r.Status == ReferentialStatus.UnderConsultation, cancellationToken))
        {
            throw new DomainException("Une version est déjà en préparation : poursuivez-la plutôt que d'en commencer une autre.");
        }

        var inForce = await db.Referentials.SingleOrDefaultAsync(r => r.Status == ReferentialStatus.Adopted, cancellationToken)
            ?? throw new DomainException("Aucune version n'est en vigueur : commencez la première version.");
        var now = clock.GetUtcNow();
        var next = inForce.StartNextVersion(Guid.CreateVersion7(now), actorId, now);
        db.Referentials.Add(next);
        await SaveAsync(AlreadyInPreparation, cancellationToken);
        logger.LogInformation("Referential {ReferentialId} started from {PreviousId} by {ActorId}", next.Id, inForce.Id, actorId);
        return next.Id;
    }

    public async Task RenameAsync(Guid id, FrameTitleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = await ForChangeAsync(id, input.Version, cancellationToken);
        frame.Rename(input.Title);
        await unitOfWork.SaveAsync(cancellationToken);
    }

    /// <summary>The form of an element (new when <paramref name="elementId"/> is null); null when the version or the element is not there.</summary>
    public async Task<FrameElementPage?> ElementPageAsync(Guid id, CommentTargetKind kind, Guid? elementId, FrameElementInput? typed, bool conflict, CancellationToken cancellationToken)
    {
        var frame = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (frame is null || (elementId is { } e && !Contains(frame, kind, e)))
        {
            return null;
        }

        var stored = elementId is { } element ? FrameElementInput.From(frame, kind, element) : new FrameElementInput { Version = frame.Version };
        var input = typed ?? stored;
        return new FrameElementPage
        {
            Frame = frame,
            Kind = kind,
            ElementId = elementId,
            Input = input,
            Conflict = conflict && elementId is not null
                ? [.. stored.Describe(kind, frame).Zip(input.Describe(kind, frame), (s, t) => new ConflictLine(s.Label, t.Value, s.Value)).Where(l => l.Typed != l.Stored)]
                : [],
        };
    }

    /// <summary>Adds an element (<paramref name="elementId"/> null) or changes one; the domain checks everything.</summary>
    public async Task SaveElementAsync(Guid id, CommentTargetKind kind, Guid? elementId, FrameElementInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = await ForChangeAsync(id, input.Version, cancellationToken);
        var now = clock.GetUtcNow();
        switch (kind, elementId)
        {
            case (CommentTargetKind.Value, null): frame.AddValue(input.Title, input.PublicText, now); break;
            case (CommentTargetKind.Value, { } e): frame.EditValue(e, input.Title, input.PublicText); break;
            case (CommentTargetKind.Question, null): frame.AddQuestion(input.Text, input.DecisionServed, now); break;
            case (CommentTargetKind.Question, { } e): frame.EditQuestion(e, input.Text, input.DecisionServed); break;
            case (CommentTargetKind.Criterion, null): frame.AddCriterion(input.ValueId, input.QuestionId, input.Text, now); break;
            case (CommentTargetKind.Criterion, { } e): frame.EditCriterion(e, input.ValueId, input.QuestionId, input.Text); break;
            case (CommentTargetKind.Indicator, null): frame.AddIndicator(input.CriterionId, input.Terms(), now); break;
            case (CommentTargetKind.Indicator, { } e): frame.EditIndicator(e, input.CriterionId, input.Terms()); break;
            default: throw new PlatformRecordNotFoundException();
        }

        await unitOfWork.SaveAsync(cancellationToken);
    }

    public async Task RemoveElementAsync(Guid id, CommentTargetKind kind, Guid elementId, uint version, CancellationToken cancellationToken)
    {
        var frame = await ForChangeAsync(id, version, cancellationToken);
        switch (kind)
        {
            case CommentTargetKind.Value: frame.RemoveValue(elementId); break;
            case CommentTargetKind.Question: frame.RemoveQuestion(elementId); break;
            case CommentTargetKind.Criterion: frame.RemoveCriterion(elementId); break;
            case CommentTargetKind.Indicator: frame.RemoveIndicator(elementId); break;
            default: throw new PlatformRecordNotFoundException();
        }

        await unitOfWork.SaveAsync(cancellationToken);
    }

    /// <summary>Puts the draft to the members' consultation and e-mails every member organisation's staff; how many organisations were told.</summary>
    public async Task<int> OpenConsultationAsync(Guid actorId, Guid id, uint version, CancellationToken cancellationToken)
    {
        var frame = await ForChangeAsync(id, version, cancellationToken);
        frame.OpenConsultation(actorId, clock.GetUtcNow());
        var told = 0;
        foreach (var organisation in await directory.AllAsync(cancellationToken))
        {
            var staff = await directory.StaffOfAsync(organisation.Ref, NotificationKinds.Coordination, cancellationToken);
            foreach (var person in staff)
            {
                await notifier.SendToAsync(
                    person,
                    "Évaluation de l'utilité sociale : le référentiel est soumis à votre avis",
                    $"La coordination soumet à la consultation des membres la version {frame.VersionNumber} du référentiel d'évaluation « {frame.Title} » : ses valeurs, ses questions évaluatives, ses critères et ses indicateurs. Votre organisation peut commenter chaque élément et proposer une question, un critère ou un indicateur ; chaque contribution recevra une réponse de la coordination avant l'adoption.",
                    ConsultationPath,
                    cancellationToken);
            }

            told += staff.Count > 0 ? 1 : 0;
        }

        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Consultation on referential {ReferentialId} opened by {ActorId}; {Organisations} organisations told", id, actorId, told);
        return told;
    }

    public async Task<CommentAnswerPage?> CommentPageAsync(Guid id, Guid commentId, CommentAnswerInput? typed, CancellationToken cancellationToken)
    {
        var frame = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (frame?.Comments.SingleOrDefault(c => c.Id == commentId) is not { } comment)
        {
            return null;
        }

        var names = await directory.NamesAsync([comment.Organisation], cancellationToken);
        return new CommentAnswerPage
        {
            Frame = frame,
            Comment = comment,
            Organisation = names[comment.Organisation],
            Input = typed ?? new CommentAnswerInput { Outcome = comment.Outcome, AnswerText = comment.AnswerText, Version = frame.Version },
        };
    }

    public async Task AnswerAsync(Guid actorId, Guid id, Guid commentId, CommentAnswerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = await ForChangeAsync(id, input.Version, cancellationToken);
        if (frame.Comments.All(c => c.Id != commentId))
        {
            throw new PlatformRecordNotFoundException();
        }

        // A missing choice is passed on as an unknown one: the domain refuses it with its message.
        frame.AnswerComment(commentId, input.Outcome ?? default, input.AnswerText, actorId, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
    }

    /// <summary>Adopts the version at a session of the platform or by a body named in words; the version in force until then is replaced.</summary>
    public async Task AdoptAsync(Guid actorId, Guid id, AdoptionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var frame = await ForChangeAsync(id, input.Version, cancellationToken);
        if (input.SessionId is { } sessionId && (await SessionsAsync(cancellationToken)).All(s => s.Id != sessionId))
        {
            throw new DomainException("Choisissez la séance dans la liste des séances de la plateforme.", nameof(AdoptionInput.SessionId));
        }

        var current = frame.PreviousVersionId is { } previous
            ? await db.Referentials.SingleOrDefaultAsync(r => r.Id == previous && r.Status == ReferentialStatus.Adopted, cancellationToken)
            : null;

        // A missing date is passed on as an impossible one: the domain refuses it with its message.
        frame.Adopt(input.AdoptedOn ?? default, input.SessionId, input.BodyName, current, actorId, clock.GetUtcNow());
        await SaveAsync("Une autre version vient d'être adoptée entre-temps : rechargez la page pour voir le référentiel en vigueur.", cancellationToken);
        logger.LogInformation("Referential {ReferentialId} adopted by {ActorId}", id, actorId);
    }

    /// <summary>The platform's sessions a version can be adopted at: every session of the platform that was not cancelled, latest first.</summary>
    private async Task<IReadOnlyList<AdoptionSessionChoice>> SessionsAsync(CancellationToken cancellationToken)
    {
        var sessions = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.Status != PlatformSessionStatus.Cancelled && db.Bodies.Any(b => b.Id == s.BodyId && b.Kind == BodyKind.Platform))
            .OrderByDescending(s => s.StartsAt)
            .Select(s => new { s.Id, s.StartsAt, s.Semester, s.Status })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new AdoptionSessionChoice(s.Id, $"Séance du {Format.Date(s.StartsAt)} ({s.Semester.Label}, {s.Status.Label().ToLowerInvariant()})"))];
    }

    /// <summary>The version to change, checked against the version its form was read from (a concurrent change is a 409 with the form again).</summary>
    private async Task<Referential> ForChangeAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var frame = await db.Referentials.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new PlatformRecordNotFoundException();
        db.Entry(frame).Property(r => r.Version).OriginalValue = version;
        return frame;
    }

    /// <summary>Saves; the unique indexes (one version in force, one in preparation) turn a concurrent start or adoption into a message.</summary>
    private async Task SaveAsync(string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(conflict);
        }
    }

    private static bool Contains(Referential frame, CommentTargetKind kind, Guid elementId) => kind switch
    {
        CommentTargetKind.Value => frame.Values.Any(v => v.Id == elementId),
        CommentTargetKind.Question => frame.Questions.Any(q => q.Id == elementId),
        CommentTargetKind.Criterion => frame.Criteria.Any(c => c.Id == elementId),
        CommentTargetKind.Indicator => frame.Indicators.Any(i => i.Id == elementId),
        _ => false,
    };
}
