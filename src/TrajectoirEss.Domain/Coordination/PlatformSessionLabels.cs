namespace TrajectoirEss.Domain.Coordination;

/// <summary>The French labels of a session's statuses: their one home.</summary>
public static class PlatformSessionLabels
{
    public static string Label(this PlatformSessionStatus status) => status switch
    {
        PlatformSessionStatus.Planned => "En préparation",
        PlatformSessionStatus.Convened => "Convoquée",
        PlatformSessionStatus.Held => "Tenue",
        PlatformSessionStatus.Closed => "Close",
        PlatformSessionStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };
}
