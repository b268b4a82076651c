namespace TrajectoirEss.Domain;

/// <summary>The kinds of e-mail a person can switch off, each separately.</summary>
[Flags]
public enum NotificationKinds
{
    None = 0,

    /// <summary>Acknowledgements and changes of my project (submitted, welcomed, referred, closed…).</summary>
    ProjectUpdates = 1,

    /// <summary>A new message on a project's thread.</summary>
    Messages = 2,

    /// <summary>Staff: a project that comes to me (submitted or transferred to my pôle, referred to my structure).</summary>
    NewProjects = 4,

    /// <summary>Pôle staff: a structure answered or moved one of our referrals.</summary>
    ReferralUpdates = 8,

    /// <summary>Members of the coordination platform and coordinators: convocations, preparation reminders, commitments to update.</summary>
    Coordination = 16,
}

public static class NotificationLabels
{
    public static string Label(this NotificationKinds kind) => kind switch
    {
        NotificationKinds.ProjectUpdates => "Les étapes de mon projet (dépôt, accueil, orientation, clôture)",
        NotificationKinds.Messages => "Les nouveaux messages",
        NotificationKinds.NewProjects => "Les nouveaux projets qui me sont adressés (dépôts, transferts, orientations, rappels)",
        NotificationKinds.ReferralUpdates => "Les réponses des structures aux orientations de mon pôle",
        NotificationKinds.Coordination => "La plateforme de coordination (convocations, rappels de préparation, engagements à mettre à jour)",
        _ => kind.ToString(),
    };
}
