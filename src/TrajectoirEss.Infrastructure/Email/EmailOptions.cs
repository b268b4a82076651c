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
