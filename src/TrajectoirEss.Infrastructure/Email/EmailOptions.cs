using System.ComponentModel.DataAnnotations;

namespace TrajectoirEss.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Messages are written as .eml files to <see cref="EmailOptions.PickupDirectory"/> (development, demo, tests).</summary>
    Pickup,

    /// <summary>Messages are sent through an SMTP server (production).</summary>
    Smtp,
}

/// <summary>Section "Email".</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    [Required(ErrorMessage = "Email:FromAddress is required.")]
    [EmailAddress]
    public string FromAddress { get; set; } = "ne-pas-repondre@trajectoiress.bzh";

    public string FromName { get; set; } = "Trajectoir'ESS";

    /// <summary>Where .eml files go with <see cref="EmailDelivery.Pickup"/>; relative paths are from the content root.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>STARTTLS on the submission port; set false only for a local relay.</summary>
    public bool SmtpUseStartTls { get; set; } = true;

    /// <summary>The longest one message may take with the SMTP server, connection included; past it, the attempt fails and is retried later.</summary>
    [Range(1, 300, ErrorMessage = "Email:SmtpTimeoutSeconds must be between 1 and 300.")]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Whether this instance sends the outbox's messages (off in the tests, which run the dispatcher themselves).</summary>
    public bool OutboxEnabled { get; set; } = true;

    /// <summary>How often the outbox is looked at; new messages saved by this instance wake it at once.</summary>
    [Range(1, 3600, ErrorMessage = "Email:OutboxPollSeconds must be between 1 and 3600.")]
    public int OutboxPollSeconds { get; set; } = 5;

    /// <summary>Attempts before a message is given up (and shown to administrators); between them, 30 s doubling up to one hour.</summary>
    [Range(1, 30, ErrorMessage = "Email:MaxAttempts must be between 1 and 30.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Sent messages are deleted this many days after their sending (personal data: kept no longer than needed).</summary>
    [Range(1, 365, ErrorMessage = "Email:KeepSentDays must be between 1 and 365.")]
    public int KeepSentDays { get; set; } = 7;

    /// <summary>Given-up messages not sent again by an administrator are deleted this many days after they were given up.</summary>
    [Range(1, 365, ErrorMessage = "Email:KeepFailedDays must be between 1 and 365.")]
    public int KeepFailedDays { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Email:SmtpHost is required when Email:Delivery is Smtp.", [nameof(SmtpHost)]);
        }

        if (Delivery == EmailDelivery.Pickup && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult("Email:PickupDirectory is required when Email:Delivery is Pickup.", [nameof(PickupDirectory)]);
        }
    }
}
