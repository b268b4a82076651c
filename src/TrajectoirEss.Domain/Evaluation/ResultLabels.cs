namespace TrajectoirEss.Domain.Evaluation;

/// <summary>The words of a campaign's results for a reader (the report, the public synthesis): their one home.</summary>
public static class ResultLabels
{
    /// <summary>Whether a value meets its target, in words (<see cref="IndicatorResults.MeetsTarget"/>; null: no target, no value, or a descriptive indicator).</summary>
    public static string TargetLabel(bool? meetsTarget) => meetsTarget switch
    {
        true => "Cible atteinte",
        false => "Cible non atteinte",
        null => "Sans objet",
    };
}
