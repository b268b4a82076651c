using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>"Ouvrir la campagne": the field names are the domain's (<see cref="Campaign.Open"/>), so its messages land beside them.</summary>
public sealed class OpenCampaignInput
{
    [Display(Name = "Année évaluée")]
    public int? Year { get; set; }

    [Display(Name = "Échéance des déclarations")]
    public DateOnly? Deadline { get; set; }

    /// <summary>The organisations asked, "Kind:id" each.</summary>
    [Display(Name = "Organisations sollicitées")]
    public List<string> Organisations { get; set; } = [];
}

/// <summary>The opening form, with the version of the frame in force (none: nothing can be opened) and the organisations to choose from.</summary>
public sealed record OpenCampaignPage(OpenCampaignInput Input, string? FrameInForce, IReadOnlyList<OrganisationEntry> Organisations);

/// <summary>One declared value as the coordination reads it.</summary>
public sealed record DeclaredLine(DeclaredValue Value, EvaluationIndicator Indicator)
{
    public string Shown => Indicator.Terms.Source.IsQuantitative() ? Shared.Format.Measure(Value.Value, Indicator.Terms.Unit) : Value.Comment ?? "—";
}

/// <summary>An organisation asked by the campaign: where it stands, its values, the last day it was reminded.</summary>
public sealed record OrganisationDeclarations(string Name, Completeness Completeness, IReadOnlyList<DeclaredLine> Values, DateOnly? RemindedOn);

/// <summary>A campaign's page for the coordination: where it stands, each organisation's declarations, and its forms while open.</summary>
public sealed class CampaignPage
{
    public required Campaign Campaign { get; init; }

    public required string Frame { get; init; }

    public required IReadOnlyList<OrganisationDeclarations> Organisations { get; init; }

    /// <summary>The value whose return was refused (its comment's message is shown beside it).</summary>
    public Guid? PostedValueId { get; init; }

    public bool IsOpen => Campaign.Status == CampaignStatus.Open;
}
