namespace TrajectoirEss.Domain.Coordination;

/// <summary>The French labels of a session's statuses and moves: their one home.</summary>
public static class SessionLabels
{
    public static string Label(this PlatformSessionStatus status) => status switch
    {
        PlatformSessionStatus.Planned => "Planifiée",
        PlatformSessionStatus.Convened => "Convoquée",
        PlatformSessionStatus.Held => "Tenue",
        PlatformSessionStatus.Closed => "Close",
        PlatformSessionStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    /// <summary>What a button that makes the move says.</summary>
    public static string Label(this PlatformSessionAction action) => action switch
    {
        PlatformSessionAction.Reschedule => "Déplacer la séance",
        PlatformSessionAction.Convene => "Convoquer",
        PlatformSessionAction.Hold => "Marquer la séance comme tenue",
        PlatformSessionAction.Close => "Clore la séance",
        PlatformSessionAction.Cancel => "Annuler la séance",
        PlatformSessionAction.Reopen => "Rouvrir la séance",
        PlatformSessionAction.Prepare => "Préparer",
        PlatformSessionAction.EditAgenda => "Modifier l'ordre du jour",
        PlatformSessionAction.Invite => "Inviter les membres",
        PlatformSessionAction.Register => "S'inscrire",
        PlatformSessionAction.RecordAttendance => "Noter les présences",
        PlatformSessionAction.RecordDecision => "Noter une décision",
        PlatformSessionAction.WriteMinutes => "Rédiger le compte rendu",
        _ => action.ToString(),
    };
}
