namespace TrajectoirEss.Domain.Projects;

/// <summary>A porteur of a project: the owner, or a co-porteur who joined by invitation.</summary>
public sealed class ProjectMember
{
    internal ProjectMember(Guid userId, MemberRole role, DateTimeOffset joinedAt)
    {
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid UserId { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    internal void BecomeOwner() => Role = MemberRole.Owner;
}
