using Microsoft.AspNetCore.Identity;
using TrajectoirEss.Domain;

namespace TrajectoirEss.Infrastructure.Identity;

/// <summary>
/// An account of the portal. Staff accounts are attached to one organisation: a pôle
/// (<see cref="PoleId"/>, role PoleStaff), a structure (<see cref="StructureId"/>, role StructureStaff) or a
/// public authority (<see cref="PublicAuthorityId"/>, role PublicPartner).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;

    public Guid? PoleId { get; set; }

    public Guid? StructureId { get; set; }

    public Guid? PublicAuthorityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>When a porteur inactive for the retention period was told the account will be erased; cleared at the next login.</summary>
    public DateTimeOffset? InactivityWarnedAt { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>The kinds of e-mail this person switched off.</summary>
    public NotificationKinds MutedNotifications { get; set; }

    /// <summary>Set when the person deleted their account: every personal field has been erased.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public bool Wants(NotificationKinds kind) => !IsDisabled && DeletedAt is null && EmailConfirmed && !MutedNotifications.HasFlag(kind);
}
