using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>An e-mail to one person. Bodies are built by the caller, HTML-encoded where they carry user text.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>Sends an e-mail: puts it in the outbox at once, durably; the caller never waits for, nor sees, the mail server.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>
/// <see cref="IMailer"/> for the callers that send after their change is saved: the message is added to the
/// request's DbContext and saved at once (with anything else still unsaved in it, which callers do not leave).
/// To send in the same transaction as a change, call <see cref="EmailOutbox.Add"/> before the change's SaveChanges.
/// </summary>
internal sealed class OutboxMailer(EmailOutbox outbox, TrajectoirEssDbContext db) : IMailer
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        outbox.Add(email);

        // Not cancelled with the request: the change it announces is committed, the message must not be lost
        // because the person closed the page meanwhile.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
