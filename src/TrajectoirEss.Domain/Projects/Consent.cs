namespace TrajectoirEss.Domain.Projects;

public enum ConsentKind
{
    /// <summary>Processing of the porteur's data for the support of their project (required to submit).</summary>
    DataProcessing = 1,

    /// <summary>Sharing the project with the programme's partners (TAg BZH, Kejal, France Active, CAE, URSCOP).</summary>
    SharingWithPartners = 2,
}

/// <summary>A consent given or withdrawn, at a time; the history is append-only.</summary>
public sealed class ConsentRecord
{
    public ConsentRecord(Guid id, Guid userId, Guid? projectId, ConsentKind kind, bool given, DateTimeOffset recordedAt)
    {
        Id = id;
        UserId = userId;
        ProjectId = projectId;
        Kind = kind;
        Given = given;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public ConsentKind Kind { get; private set; }

    public bool Given { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static string Label(ConsentKind kind) => kind switch
    {
        ConsentKind.DataProcessing => "Traitement de mes données pour l'accompagnement de mon projet",
        ConsentKind.SharingWithPartners => "Partage de mon projet avec les partenaires du programme",
        _ => kind.ToString(),
    };
}
