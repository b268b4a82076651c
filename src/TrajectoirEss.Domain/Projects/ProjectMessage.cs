using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Projects;

public enum MessageSide
{
    Porteur = 1,
    Pole = 2,
}

/// <summary>A message of the thread between the porteurs and their pôle (never an internal note).</summary>
public sealed class ProjectMessage
{
    public const int BodyMaxLength = 4000;

    public ProjectMessage(Guid id, Guid projectId, Guid authorId, MessageSide side, string? body, DateTimeOffset sentAt)
    {
        Id = id;
        ProjectId = projectId;
        AuthorId = authorId;
        Side = side;
        Body = Guard.Required(body, BodyMaxLength, "Le message");
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid AuthorId { get; private set; }

    public MessageSide Side { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Its author deleted their account: the text goes, the fact that a message was sent stays.</summary>
    public void Erase(DateTimeOffset now)
    {
        Body = "[message supprimé]";
        ErasedAt = now;
    }
}
