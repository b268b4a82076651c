namespace TrajectoirEss.Domain.Projects;

/// <summary>
/// Whether the porteurs let one partner structure (a TAg, the Scic Kejal, France Active Bretagne, a CAE, the
/// URSCOP) see their project: the current state, one per structure, changed by any porteur at any time
/// (<see cref="Project.ChangeSharing"/>). The history of the changes is the consent history
/// (<see cref="ConsentRecord"/>), written from <see cref="SharingConsentChanged"/>.
/// </summary>
public sealed class SharingConsent
{
    internal SharingConsent(Guid structureId, DateTimeOffset changedAt)
    {
        StructureId = structureId;
        ChangedAt = changedAt;
    }

    public Guid StructureId { get; private set; }

    public bool Given { get; private set; }

    /// <summary>When it was last given or withdrawn (or, never decided, when the pôle first asked).</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The porteur who last gave or withdrew it; null while never decided.</summary>
    public Guid? ChangedBy { get; private set; }

    /// <summary>When the pôle last asked the porteurs for it (null: never asked).</summary>
    public DateTimeOffset? RequestedAt { get; private set; }

    internal void Change(bool given, Guid porteurId, DateTimeOffset now)
    {
        Given = given;
        ChangedBy = porteurId;
        ChangedAt = now;
    }

    internal void Requested(DateTimeOffset now) => RequestedAt = now;
}
