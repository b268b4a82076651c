using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>One round of the dispatcher: messages claimed, sent, failed (to be retried) and given up.</summary>
internal sealed record OutboxRound(int Claimed, int Sent, int Failed, int GivenUp, bool Interrupted)
{
    public static readonly OutboxRound Empty = new(0, 0, 0, 0, false);
}

/// <summary>
/// Delivers the outbox. A round claims up to <see cref="BatchSize"/> due messages with
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a transaction — another instance's round skips the rows this one holds,
/// so each message is handed over by one instance — delivers them one after the other, records each outcome, and
/// commits. A failure that is not about the message (server down, connection lost, timeout) ends the round there:
/// the rest of the batch stays due, and a mail server that does not answer costs one wait per round, not one per
/// message. At least once: a crash between the server's acceptance and the commit sends the message again (with
/// the same Message-ID).
/// </summary>
internal sealed class OutboxDispatcher(TrajectoirEssDbContext db, MailDelivery delivery, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 20;

    public async Task<OutboxRound> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return OutboxRound.Empty;
        }

        int sent = 0, failed = 0, givenUp = 0;
        var interrupted = false;
        await using (var session = delivery.Open())
        {
            foreach (var message in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    interrupted = true;
                    break;
                }

                try
                {
                    await session.SendAsync(message, cancellationToken);
                    message.MarkSent(clock.GetUtcNow());
                    sent++;
                    logger.LogInformation("E-mail {MessageId} delivered by {Delivery} at attempt {Attempt}", message.Id, settings.Delivery, message.Attempts);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The app is stopping: this message is left as it was, due again.
                    interrupted = true;
                    break;
                }
                catch (Exception ex)
                {
                    failed++;
                    if (message.MarkFailed(clock.GetUtcNow(), Describe(ex), settings.MaxAttempts))
                    {
                        givenUp++;
                        logger.LogWarning("E-mail {MessageId} given up after {Attempts} attempts: {Error}", message.Id, message.Attempts, ErrorKind(ex));
                    }
                    else
                    {
                        logger.LogWarning("E-mail {MessageId} not delivered at attempt {Attempt} ({Error}); next attempt at {NextAttemptAt}", message.Id, message.Attempts, ErrorKind(ex), message.NextAttemptAt);
                    }

                    if (!MailDelivery.IsAboutTheMessage(ex))
                    {
                        interrupted = true;
                        break;
                    }
                }
            }
        }

        // What was handed over is recorded even when the app is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return new OutboxRound(batch.Count, sent, failed, givenUp, interrupted);
    }

    /// <summary>Rounds until no message is due (or a round is cut short); answers the messages handed over.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        OutboxRound round;
        do
        {
            round = await RunOnceAsync(cancellationToken);
            sent += round.Sent;
        }
        while (round.Claimed == BatchSize && !round.Interrupted);
        return sent;
    }

    /// <summary>Deletes sent messages after <see cref="EmailOptions.KeepSentDays"/>, given-up ones after <see cref="EmailOptions.KeepFailedDays"/>.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var sentBefore = now.AddDays(-settings.KeepSentDays);
        var givenUpBefore = now.AddDays(-settings.KeepFailedDays);
        var deleted = await db.OutboxMessages
            .Where(m => m.SentAt < sentBefore || m.FailedAt < givenUpBefore)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Outbox: {Deleted} old message(s) deleted", deleted);
        }

        return deleted;
    }

    /// <summary>
    /// What administrators read on the e-mail page: the server's answer, or what failed. Never a credential
    /// (MailKit's messages carry none), on one line, cut to the column's length.
    /// </summary>
    internal static string Describe(Exception exception)
    {
        var text = exception switch
        {
            SmtpCommandException smtp => $"Refusé par le serveur SMTP ({(int)smtp.StatusCode}) : {smtp.Message}",
            AuthenticationException => "Authentification refusée par le serveur SMTP (vérifiez Email:SmtpUserName et Email:SmtpPassword).",
            SslHandshakeException => "Échec de la négociation TLS avec le serveur SMTP.",
            SocketException socket => $"Connexion impossible au serveur SMTP ({socket.SocketErrorCode}).",
            TimeoutException timeout => timeout.Message,
            SmtpProtocolException or ServiceNotConnectedException => $"Connexion au serveur SMTP interrompue : {exception.Message}",
            IOException io => $"Erreur d'écriture ou de connexion : {io.Message}",
            _ => $"{exception.GetType().Name} : {exception.Message}",
        };
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString().Trim();
    }

    /// <summary>For the logs: the kind of failure only (a server's answer may quote the address, which is personal data).</summary>
    private static string ErrorKind(Exception exception) =>
        exception is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode}" : exception.GetType().Name;
}
