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

    /// <summary>The pôle writes to the porteurs; a request for information also goes to the trajectory.</summary>
    public static ProjectMessage FromPole(Project project, Guid staffId, string? body, bool asksForInformation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        var message = new ProjectMessage(Guid.CreateVersion7(now), project.Id, staffId, MessageSide.Pole, body, now);
        if (asksForInformation)
        {
            project.AskPorteur(body, staffId, now);
        }

        project.Raise(new PoleWroteToPorteurs(project, message, asksForInformation, staffId, now));
        return message;
    }

    /// <summary>A porteur writes to the pôle.</summary>
    public static ProjectMessage FromPorteurs(Project project, Guid porteurId, string? body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        var message = new ProjectMessage(Guid.CreateVersion7(now), project.Id, porteurId, MessageSide.Porteur, body, now);
        project.Raise(new PorteursWroteToPole(project, message, porteurId, now));
        return message;
    }

    /// <summary>Its author deleted their account: the text goes, the fact that a message was sent stays.</summary>
    public void Erase(DateTimeOffset now)
    {
        Body = "[message supprimé]";
        ErasedAt = now;
    }
}
