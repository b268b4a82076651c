using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>
/// An objective of the regional ESS strategy (SRESS), under its axis, that commitments serve. Administrators keep the
/// list (the strategy is renewed every four years); an objective no longer pursued is deactivated: it stays readable
/// on the commitments that served it and is no longer offered. Objectives are never deleted.
/// </summary>
public sealed class StrategyObjective
{
    public const int CodeMaxLength = 20;
    public const int LabelMaxLength = 300;

    private StrategyObjective(Guid id)
    {
        Id = id;
        AxisCode = AxisLabel = Code = Label = string.Empty;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>The axis of the strategy, e.g. "A2".</summary>
    public string AxisCode { get; private set; }

    public string AxisLabel { get; private set; }

    /// <summary>The objective's code within the strategy, e.g. "A2.3".</summary>
    public string Code { get; private set; }

    public string Label { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>"A2.3 — Label".</summary>
    public string Title => Code + " — " + Label;

    /// <summary>A new objective; its code is unique among <paramref name="existing"/> (accents and case aside).</summary>
    public static StrategyObjective Create(Guid id, string? axisCode, string? axisLabel, string? code, string? label, IEnumerable<StrategyObjective> existing)
    {
        var objective = new StrategyObjective(id);
        objective.Edit(axisCode, axisLabel, code, label, existing);
        return objective;
    }

    /// <summary>Changes the axis, code and labels; nothing changes when one is refused.</summary>
    public void Edit(string? axisCode, string? axisLabel, string? code, string? label, IEnumerable<StrategyObjective> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var cleanAxisCode = Guard.Required(axisCode, CodeMaxLength, "Le code de l'axe", nameof(AxisCode));
        var cleanAxisLabel = Guard.Required(axisLabel, LabelMaxLength, "L'intitulé de l'axe", nameof(AxisLabel));
        var cleanCode = Guard.Required(code, CodeMaxLength, "Le code de l'objectif", nameof(Code));
        var cleanLabel = Guard.Required(label, LabelMaxLength, "L'intitulé de l'objectif", nameof(Label));
        if (existing.Any(o => o.Id != Id && string.Equals(SearchText.Fold(o.Code), SearchText.Fold(cleanCode), StringComparison.Ordinal)))
        {
            throw new DomainException($"Un objectif porte déjà le code « {cleanCode} ».", nameof(Code));
        }

        (AxisCode, AxisLabel, Code, Label) = (cleanAxisCode, cleanAxisLabel, cleanCode, cleanLabel);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
