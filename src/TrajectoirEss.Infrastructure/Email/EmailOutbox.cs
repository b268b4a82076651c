using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>What became of an administrator's request to send a given-up message again.</summary>
public enum OutboxRetry
{
    Requeued,
    AlreadyWaiting,
    AlreadySent,
    NotFound,
}

/// <summary>
/// The outbox of the request's DbContext. <see cref="Add"/> only adds the message: it is written by the next
/// SaveChanges, in the same transaction as the change it announces (committed with it, or not at all), and
/// delivered afterwards by <see cref="OutboxDispatcher"/>, with retries.
/// </summary>
public sealed class EmailOutbox(TrajectoirEssDbContext db, TimeProvider clock)
{
    public OutboxMessage Add(OutgoingEmail email)
    {
        var message = OutboxMessage.Create(email, clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Puts a given-up message back in the queue (attempts from zero, due now).</summary>
    public async Task<OutboxRetry> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return OutboxRetry.NotFound;
        }

        if (!message.Retry(clock.GetUtcNow()))
        {
            return message.SentAt is null ? OutboxRetry.AlreadyWaiting : OutboxRetry.AlreadySent;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted meanwhile (given up too long ago: KeepFailedDays).
            db.ChangeTracker.Clear();
            return OutboxRetry.NotFound;
        }

        return OutboxRetry.Requeued;
    }

    /// <summary>
    /// For the erasure of an account: removes, without saving, the messages to <paramref name="address"/> (waiting,
    /// sent or given up) and the invitations the person sent, whose links die with the account: the messages to
    /// <paramref name="invitedAddresses"/> (stored in lower case, as invitations keep them) that carry
    /// <paramref name="name"/> or the address, and those already sent to them (whose bodies are erased).
    /// </summary>
    public async Task<int> ForgetAsync(string address, string? name, IReadOnlyCollection<string> invitedAddresses, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(invitedAddresses);
        var exactly = address.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var invited = invitedAddresses.ToList();
        var mentioning = string.IsNullOrWhiteSpace(name) ? address : name;
        var messages = await db.OutboxMessages
            .Where(m => EF.Functions.ILike(m.ToAddress, exactly, "\\")
                        || (invited.Contains(m.ToAddress) && (m.SentAt != null || m.TextBody.Contains(mentioning) || m.TextBody.Contains(address))))
            .ToListAsync(cancellationToken);
        db.OutboxMessages.RemoveRange(messages);
        return messages.Count;
    }
}
