using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Evaluation.Frame;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Consultation;

/// <summary>A member's contribution: what it is about ("Frame", "Value:…", "ProposedIndicator"…) and its text.</summary>
public sealed class ContributionInput
{
    public string? Target { get; set; }

    public string? Text { get; set; }

    /// <summary>"Kind" or "Kind:id", as the form's choices write a target.</summary>
    public static string Key(CommentTargetKind kind, Guid? elementId = null) => elementId is { } id ? $"{kind}:{id}" : kind.ToString();

    /// <summary>The target read back from the form; null when malformed (the caller says so beside the field).</summary>
    public static CommentTarget? Parse(string? key)
    {
        var parts = key?.Trim().Split(':');
        if (parts is null || parts.Length is < 1 or > 2 || int.TryParse(parts[0], out _) || !Enum.TryParse<CommentTargetKind>(parts[0], ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new CommentTarget(kind, null);
        }

        return Guid.TryParse(parts[1], out var id) && id != Guid.Empty ? new CommentTarget(kind, id) : null;
    }
}

/// <summary>
/// The members' page of the consultation: the version under consultation, readable like the frame in force; the
/// form to contribute, for someone who speaks for an organisation; every contribution with its organisation (never
/// its author) and the coordination's answer.
/// </summary>
public sealed class ConsultationPage
{
    /// <summary>The version under consultation; null when no consultation is open.</summary>
    public Referential? Frame { get; init; }

    public required IReadOnlyDictionary<OrganisationRef, string> Organisations { get; init; }

    /// <summary>The organisation the reader speaks for; null for coordinators and administrators, who read but do not contribute.</summary>
    public string? SpeaksFor { get; init; }

    public required ContributionInput Input { get; init; }

    public string TargetOf(ConsultationComment comment) => FrameText.TargetOf(Frame, comment);

    /// <summary>The choices of the contribution's target, grouped as the form shows them.</summary>
    public IEnumerable<(string Group, IReadOnlyList<(string Key, string Label)> Choices)> Targets()
    {
        if (Frame is not { } frame)
        {
            yield break;
        }

        yield return ("Le référentiel", [(ContributionInput.Key(CommentTargetKind.Frame), CommentTargetKind.Frame.Label())]);
        yield return ("Les valeurs", [.. frame.Values.Select(v => (ContributionInput.Key(CommentTargetKind.Value, v.Id), v.Title))]);
        yield return ("Les questions évaluatives", [.. frame.Questions.Select(q => (ContributionInput.Key(CommentTargetKind.Question, q.Id), q.Text))]);
        yield return ("Les critères", [.. frame.Criteria.Select(c => (ContributionInput.Key(CommentTargetKind.Criterion, c.Id), c.Text))]);
        yield return ("Les indicateurs", [.. frame.Indicators.Select(i => (ContributionInput.Key(CommentTargetKind.Indicator, i.Id), i.Title))]);
        yield return ("Proposer", [.. new[] { CommentTargetKind.ProposedQuestion, CommentTargetKind.ProposedCriterion, CommentTargetKind.ProposedIndicator }.Select(k => (ContributionInput.Key(k), k.Label()))]);
    }
}

/// <summary>The members' side of the consultation on the frame: read the version under consultation, contribute for one's organisation.</summary>
public sealed class MemberConsultation(TrajectoirEssDbContext db, UnitOfWork unitOfWork, PlatformDirectory directory, TimeProvider clock, ILogger<MemberConsultation> logger)
{
    public Task<bool> IsOpenAsync(CancellationToken cancellationToken) =>
        db.Referentials.AnyAsync(r => r.Status == ReferentialStatus.UnderConsultation, cancellationToken);

    public async Task<ConsultationPage> PageAsync(ClaimsPrincipal user, ContributionInput? typed, CancellationToken cancellationToken)
    {
        var frame = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Status == ReferentialStatus.UnderConsultation, cancellationToken);
        var member = PlatformDirectory.OrganisationOf(user);
        var names = await directory.NamesAsync([.. (frame?.Comments ?? []).Select(c => c.Organisation), .. member is { } m ? new[] { m } : []], cancellationToken);
        return new ConsultationPage
        {
            Frame = frame,
            Organisations = names,
            SpeaksFor = member is { } o ? names[o] : null,
            Input = typed ?? new ContributionInput(),
        };
    }

    /// <summary>Posts a contribution for the organisation the person speaks for; false when they speak for none (a 404).</summary>
    public async Task<bool> ContributeAsync(ClaimsPrincipal user, ContributionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (PlatformDirectory.OrganisationOf(user) is not { } organisation)
        {
            return false;
        }

        var frame = await db.Referentials.SingleOrDefaultAsync(r => r.Status == ReferentialStatus.UnderConsultation, cancellationToken)
            ?? throw new DomainException("Aucune consultation n'est ouverte : le référentiel n'est pas soumis à l'avis des membres en ce moment.");
        var target = ContributionInput.Parse(input.Target)
            ?? throw new DomainException("Choisissez l'élément du référentiel que vous commentez.", nameof(ContributionInput.Target));
        var authorId = user.GetUserId();
        var comment = frame.Comment(target, input.Text, organisation, authorId, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Contribution {CommentId} to referential {ReferentialId} posted by {ActorId}", comment.Id, frame.Id, authorId);
        return true;
    }
}
