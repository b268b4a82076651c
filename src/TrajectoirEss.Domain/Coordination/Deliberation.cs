namespace TrajectoirEss.Domain.Coordination;

/// <summary>Who may read a session's minutes.</summary>
public enum MinutesVisibility
{
    /// <summary>The coordination team only (Région, État, CRESS).</summary>
    CoordinationOnly = 1,

    /// <summary>The members of the body.</summary>
    Members = 2,

    /// <summary>Anyone, on the public pages.</summary>
    Public = 3,
}

public static class MinutesVisibilities
{
    public static string Label(this MinutesVisibility visibility) => visibility switch
    {
        MinutesVisibility.CoordinationOnly => "Équipe de coordination",
        MinutesVisibility.Members => "Membres de l'instance",
        MinutesVisibility.Public => "Public",
        _ => visibility.ToString(),
    };

    /// <summary>
    /// Whether this reader may read minutes of this visibility: the coordination reads all of them, a member of the
    /// body those for members or the public, anyone else public ones only.
    /// </summary>
    public static bool CanBeReadBy(this MinutesVisibility visibility, MinutesReader reader) => reader switch
    {
        MinutesReader.Coordination => Enum.IsDefined(visibility),
        MinutesReader.Member => visibility is MinutesVisibility.Members or MinutesVisibility.Public,
        _ => visibility == MinutesVisibility.Public,
    };
}

/// <summary>Who reads a session's minutes, for <see cref="MinutesVisibilities.CanBeReadBy"/>.</summary>
public enum MinutesReader
{
    /// <summary>Anyone, on the public pages.</summary>
    Public = 1,

    /// <summary>A person of an organisation invited to the session.</summary>
    Member = 2,

    /// <summary>The coordination team (coordinators, administrators).</summary>
    Coordination = 3,
}

/// <summary>A decision taken at a held session, on an agenda item or not, proposed by a member organisation or not.</summary>
public sealed class Decision
{
    public const int TextMaxLength = 4000;

    internal Decision(Guid id, string text, Guid? agendaItemId, OrganisationRef? proposedBy, Guid recordedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        Text = text;
        AgendaItemId = agendaItemId;
        ProposedBy = proposedBy;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    private Decision()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public OrganisationRef? ProposedBy { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The minutes (compte rendu) of a held session, and who may read them.</summary>
public sealed record Minutes(string Text, MinutesVisibility Visibility, Guid WrittenBy, DateTimeOffset WrittenAt)
{
    public const int TextMaxLength = 50_000;
}
