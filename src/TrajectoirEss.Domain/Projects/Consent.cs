namespace TrajectoirEss.Domain.Projects;

public enum ConsentKind
{
    /// <summary>Processing of the porteur's data for the support of their project (required to submit).</summary>
    DataProcessing = 1,

    /// <summary>Sharing the project with one partner structure (<see cref="ConsentRecord.StructureId"/>: a TAg, Kejal, France Active, a CAE, the URSCOP).</summary>
    SharingWithPartners = 2,
}

/// <summary>A consent given or withdrawn, at a time; the history is append-only.</summary>
public sealed class ConsentRecord
{
    public ConsentRecord(Guid id, Guid userId, Guid? projectId, ConsentKind kind, bool given, DateTimeOffset recordedAt, Guid? structureId = null)
    {
        StructureId = structureId;
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

    /// <summary>For a consent to share: the partner structure it concerns.</summary>
    public Guid? StructureId { get; private set; }

    public bool Given { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>What was consented to, naming the partner for a consent to share.</summary>
    public static string Label(ConsentKind kind, string? structure) =>
        kind == ConsentKind.SharingWithPartners && structure is not null ? $"Partage de mon projet avec {structure}" : Label(kind);

    public static string Label(ConsentKind kind) => kind switch
    {
        ConsentKind.DataProcessing => "Traitement de mes données pour l'accompagnement de mon projet",
        ConsentKind.SharingWithPartners => "Partage de mon projet avec un partenaire du programme",
        _ => kind.ToString(),
    };
}
