using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.StrategyObjectives;

/// <summary>An objective of the strategy under its axis, as the form gives it (the rules are <see cref="StrategyObjective"/>'s).</summary>
public sealed class StrategyObjectiveInput
{
    [Display(Name = "Code de l'axe")]
    public string? AxisCode { get; set; }

    [Display(Name = "Intitulé de l'axe")]
    public string? AxisLabel { get; set; }

    [Display(Name = "Code de l'objectif")]
    public string? Code { get; set; }

    [Display(Name = "Intitulé de l'objectif")]
    public string? Label { get; set; }

    public static StrategyObjectiveInput From(StrategyObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new StrategyObjectiveInput { AxisCode = objective.AxisCode, AxisLabel = objective.AxisLabel, Code = objective.Code, Label = objective.Label };
    }

    public IReadOnlyList<(string Label, string? Value)> Describe() =>
        [("Code de l'axe", AxisCode), ("Intitulé de l'axe", AxisLabel), ("Code", Code), ("Intitulé", Label)];
}

public sealed record StrategyObjectiveLine(Guid Id, string AxisCode, string AxisLabel, string Code, string Label, bool IsActive, int Commitments);

public sealed class StrategyObjectiveEditPage
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required bool IsActive { get; init; }

    public required int Commitments { get; init; }

    public required StrategyObjectiveInput Input { get; init; }

    public required IReadOnlyList<HistoryLine> History { get; init; }
}
