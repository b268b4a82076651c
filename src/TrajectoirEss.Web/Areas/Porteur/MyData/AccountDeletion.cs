using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Areas.Porteur.MyData;

/// <summary>
/// Erasure of a porteur's account (RGPD art. 17), in one transaction: personal fields erased, messages'
/// text removed, consents and invitations forgotten, projects handed to a co-porteur or anonymised and
/// kept for the programme's statistics, the e-mails to the person (and the invitations they sent) taken out of the outbox.
/// </summary>
public sealed class AccountDeletion(TrajectoirEssDbContext db, UserManager<ApplicationUser> users, EmailOutbox outbox, TimeProvider clock, ILogger<AccountDeletion> logger)
{
    public async Task DeleteAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var email = user.NormalizedEmail?.ToLowerInvariant();
        // Part of the caller's transaction when there is one (the retention job), else its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        var projects = await db.Projects.Where(p => p.Members.Any(m => m.UserId == user.Id)).ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            project.ForgetMember(user.Id, now);
        }

        foreach (var message in await db.ProjectMessages.Where(m => m.AuthorId == user.Id).ToListAsync(cancellationToken))
        {
            message.Erase(now);
        }

        var invitations = await db.ProjectInvitations.Where(i => i.InvitedBy == user.Id || i.Email == email || i.AcceptedBy == user.Id).ToListAsync(cancellationToken);
        if (!string.IsNullOrEmpty(user.Email))
        {
            var invited = invitations.Where(i => i.InvitedBy == user.Id).Select(i => i.Email).ToList();
            await outbox.ForgetAsync(user.Email, user.DisplayName, invited, cancellationToken);
        }

        foreach (var invitation in invitations)
        {
            invitation.Forget(now);
        }

        await db.Consents.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);

        // The row stays (trajectory steps and messages point to it) but says nothing about the person.
        var anonymous = $"supprime-{user.Id:N}@invalid";
        user.UserName = anonymous;
        user.NormalizedUserName = anonymous.ToUpperInvariant();
        user.Email = anonymous;
        user.NormalizedEmail = anonymous.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = "Compte supprimé";
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.IsDisabled = true;
        user.DeletedAt = now;
        user.LastLoginAt = null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("The account could not be anonymised: " + string.Join("; ", updated.Errors.Select(e => e.Code)));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        logger.SecurityEvent(SecurityEvents.AccountDeleted, user.Id, $"{projects.Count} project(s) handed over or anonymised");
    }
}
