using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>
/// Hands the outbox's messages over: MIME built with MimeKit, then an <c>.eml</c> file in the pickup folder or
/// an SMTP server (MailKit). Used only by <see cref="OutboxDispatcher"/>; nothing else talks to SMTP.
/// </summary>
internal sealed class MailDelivery(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    /// <summary>A round of deliveries: one SMTP connection for the messages of a batch (opened at the first one).</summary>
    public Session Open() => new(options.Value, environment.ContentRootPath);

    /// <summary>A failure about this message only (the server refused it); any other failure concerns the server or the connection.</summary>
    public static bool IsAboutTheMessage(Exception exception) => exception is SmtpCommandException;

    /// <summary>The message as it leaves: its Message-ID comes from its outbox id, so a copy resent after a crash carries the same one.</summary>
    public static MimeMessage Build(OutboxMessage outbox, EmailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(outbox.ToName, outbox.ToAddress));
        message.Subject = outbox.Subject;
        message.Date = outbox.CreatedAt;
        var domain = settings.FromAddress[(settings.FromAddress.LastIndexOf('@') + 1)..];
        message.MessageId = $"{outbox.Id:N}@{domain}";
        message.Body = new BodyBuilder { TextBody = outbox.TextBody, HtmlBody = outbox.HtmlBody }.ToMessageBody();
        return message;
    }

    internal sealed class Session(EmailOptions settings, string contentRoot) : IAsyncDisposable
    {
        private SmtpClient? _client;

        public async Task SendAsync(OutboxMessage outbox, CancellationToken cancellationToken)
        {
            using var message = Build(outbox, settings);
            if (settings.Delivery == EmailDelivery.Smtp)
            {
                await SendBySmtpAsync(message, cancellationToken);
                return;
            }

            // Named by the time the message was written, then its id: the folder lists messages in the order they were written.
            var directory = Path.GetFullPath(settings.PickupDirectory, contentRoot);
            Directory.CreateDirectory(directory);
            var name = string.Create(CultureInfo.InvariantCulture, $"{outbox.CreatedAt.UtcDateTime:yyyyMMdd-HHmmss-fff}-{outbox.Id:N}.eml");
            await message.WriteToAsync(Path.Combine(directory, name), cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or System.Net.Sockets.SocketException)
                {
                    // Every message was handed over already; a server that drops the connection at QUIT changes nothing.
                }
            }

            _client?.Dispose();
            _client = null;
        }

        private async Task SendBySmtpAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var timeout = TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                var client = await ConnectedAsync(timeout, deadline.Token);
                await client.SendAsync(message, deadline.Token);
            }
            catch (Exception ex)
            {
                // After any failure the next message starts from a new connection.
                _client?.Dispose();
                _client = null;
                if (ex is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Le serveur SMTP n'a pas répondu en {settings.SmtpTimeoutSeconds} s.", ex);
                }

                throw;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true } connected)
            {
                return connected;
            }

            _client?.Dispose();
            var client = _client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            return client;
        }
    }
}
