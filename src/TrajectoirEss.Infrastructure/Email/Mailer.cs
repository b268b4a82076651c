using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>An e-mail to one person. Bodies are built by the caller, HTML-encoded where they carry user text.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);

public interface IMailer
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}

/// <summary>Builds MIME messages (MimeKit) and delivers them to the pickup folder or an SMTP server (MailKit).</summary>
internal sealed class Mailer(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<Mailer> logger) : IMailer
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();

        if (settings.Delivery == EmailDelivery.Smtp)
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        else
        {
            var directory = Path.GetFullPath(settings.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
        }

        // No address in the log: it is personal data.
        logger.LogInformation("E-mail {Subject} delivered by {Delivery}", email.Subject, settings.Delivery);
    }
}
