using System.Security.Cryptography;
using System.Text;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Projects;

/// <summary>
/// An invitation for a co-porteur to join a project, sent by e-mail. Only a hash of its token is kept;
/// it works once and expires.
/// </summary>
public sealed class ProjectInvitation
{
    public const int EmailMaxLength = 254;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private ProjectInvitation(Guid id, Guid projectId, string email, string tokenHash, Guid invitedBy, DateTimeOffset invitedAt)
    {
        Id = id;
        ProjectId = projectId;
        Email = email;
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
        ExpiresAt = invitedAt + Lifetime;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string Email { get; private set; }

    public string TokenHash { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates an invitation and returns the token to put in the link (never stored).</summary>
    public static (ProjectInvitation Invitation, string Token) Create(Project project, string email, Guid invitedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!project.IsMember(invitedBy))
        {
            throw new DomainException("Vous ne faites pas partie de ce projet.");
        }

        if (project.Status == ProjectStatus.Closed)
        {
            throw new DomainException("Ce projet est clos.");
        }

        var address = Guard.Required(email, EmailMaxLength, "L'adresse électronique").ToLowerInvariant();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var invitation = new ProjectInvitation(Guid.CreateVersion7(now), project.Id, address, Hash(token), invitedBy, now);
        project.Raise(new CoPorteurInvited(project, invitation, token, invitedBy, now));
        return (invitation, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty))).ToLowerInvariant();

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(Project project, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Id != ProjectId)
        {
            throw new DomainException("Cette invitation ne concerne pas ce projet.");
        }

        if (!IsPending(now))
        {
            throw new DomainException(AcceptedAt is not null
                ? "Cette invitation a déjà été utilisée."
                : "Cette invitation a expiré ou a été retirée : demandez-en une nouvelle au porteur du projet.");
        }

        project.AddCoPorteur(userId, now);
        AcceptedAt = now;
        AcceptedBy = userId;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Erases the invited address (the account that sent it is being deleted).</summary>
    public void Forget(DateTimeOffset now)
    {
        Email = "supprime@invalid";
        RevokedAt ??= now;
    }
}
