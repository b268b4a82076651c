using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Areas.Coordination.Commitments;

/// <summary>
/// What a commitment is, as the coordinators' form gives it. The rules (required carrier, objective, one due) are
/// the domain's (<see cref="Commitment"/>); the field names are its own, so its messages land beside the field.
/// </summary>
public sealed class CommitmentInput
{
    [Display(Name = "Titre de l'engagement")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    /// <summary>The carrier, "Kind:id".</summary>
    [Display(Name = "Organisation qui porte l'engagement")]
    public string? Carrier { get; set; }

    [Display(Name = "Organisations contributrices")]
    public List<string> Contributors { get; set; } = [];

    [Display(Name = "Objectif de la stratégie")]
    public Guid? ObjectiveId { get; set; }

    [Display(Name = "Échéance : date")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Échéance : séance")]
    public Guid? DueSessionId { get; set; }

    /// <summary>The session it was made at (from a decision), kept through the form.</summary>
    public Guid? SessionId { get; set; }

    public Guid? DecisionId { get; set; }

    /// <summary>The evaluation's shared reading, finding and recommendation it comes from (the recommendation is linked to it on save), kept through the form.</summary>
    public Guid? ReadingId { get; set; }

    public Guid? FindingId { get; set; }

    public Guid? RecommendationId { get; set; }

    public uint Version { get; set; }

    public static CommitmentInput From(Commitment commitment) => new()
    {
        Title = commitment.Title,
        Description = commitment.Description,
        Carrier = PlatformDirectory.Key(commitment.Carrier),
        Contributors = [.. commitment.Contributors.Select(PlatformDirectory.Key)],
        ObjectiveId = commitment.ObjectiveId,
        DueOn = commitment.DueOn,
        DueSessionId = commitment.DueSessionId,
        SessionId = commitment.SessionId,
        DecisionId = commitment.DecisionId,
        Version = commitment.Version,
    };
}

public sealed record SessionChoice(Guid Id, string Label);

/// <summary>The creation and edit form of a commitment, with its pick lists.</summary>
public sealed class CommitmentFormPage
{
    /// <summary>The commitment edited; null when creating.</summary>
    public Guid? Id { get; init; }

    public required CommitmentInput Input { get; init; }

    public required IReadOnlyList<OrganisationEntry> Organisations { get; init; }

    /// <summary>The active objectives, and the current one if deactivated since.</summary>
    public required IReadOnlyList<StrategyObjective> Objectives { get; init; }

    public required IReadOnlyList<SessionChoice> Sessions { get; init; }

    /// <summary>"Séance du …": where the commitment comes from, when made at a session.</summary>
    public string? FromSession { get; init; }

    public string? FromDecision { get; init; }

    /// <summary>The recommendation of the evaluation's shared reading it comes from, and the reading's year.</summary>
    public string? FromRecommendation { get; init; }

    public int? FromReadingYear { get; init; }

    public uint StoredVersion { get; init; }

    public IReadOnlyList<ConflictLine> Conflict { get; init; } = [];
}
