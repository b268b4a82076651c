using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>A version of the frame in the list of versions.</summary>
public sealed record FrameVersionLine(int Number, ReferentialStatus Status, DateOnly? AdoptedOn);

/// <summary>
/// The evaluation's frame as its readers see it: the version in force (values, questions, criteria, indicators) with
/// the consultation that led to it, and the list of versions. Organisations are named; persons never are.
/// </summary>
public sealed record FramePage(
    Referential? InForce,
    IReadOnlyDictionary<OrganisationRef, string> Organisations,
    IReadOnlyList<FrameVersionLine> Versions,
    bool ForCoordination)
{
    /// <summary>The criteria of a question, in their order.</summary>
    public IEnumerable<Criterion> CriteriaOf(EvaluativeQuestion question) => InForce?.Criteria.Where(c => c.QuestionId == question.Id) ?? [];

    /// <summary>The indicators of a criterion, in their order.</summary>
    public IEnumerable<EvaluationIndicator> IndicatorsOf(Criterion criterion) => InForce?.Indicators.Where(i => i.CriterionId == criterion.Id) ?? [];

    public string ValueTitle(Guid valueId) => InForce?.Values.FirstOrDefault(v => v.Id == valueId)?.Title ?? string.Empty;

    /// <summary>What a contribution was about, in words.</summary>
    public string TargetOf(ConsultationComment comment) => FrameText.TargetOf(InForce, comment);
}

public sealed class FrameQueries(TrajectoirEssDbContext db, PlatformDirectory directory)
{
    public async Task<FramePage> InForceAsync(bool forCoordination, CancellationToken cancellationToken)
    {
        var inForce = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Status == ReferentialStatus.Adopted, cancellationToken);
        var versions = await db.Referentials.AsNoTracking().OrderByDescending(r => r.VersionNumber)
            .Select(r => new { r.VersionNumber, r.Status, r.Adoption })
            .ToListAsync(cancellationToken);
        var names = inForce is null
            ? new Dictionary<OrganisationRef, string>()
            : await directory.NamesAsync(inForce.Comments.Select(c => c.Organisation), cancellationToken);
        return new FramePage(inForce, names, [.. versions.Select(v => new FrameVersionLine(v.VersionNumber, v.Status, v.Adoption?.AdoptedOn))], forCoordination);
    }
}
