using System.ComponentModel.DataAnnotations;

namespace TrajectoirEss.Web.Startup;

/// <summary>Section "TrajectoirEss": how this instance of the portal runs.</summary>
public sealed class PortalOptions
{
    public const string Section = "TrajectoirEss";

    /// <summary>Creates the demo accounts (and later the demo data). Refused in Production.</summary>
    public bool DemoMode { get; set; }

    /// <summary>Size of the demo dataset (1: the programme's real yearly volumes).</summary>
    [Range(0.01, 100)]
    public double DemoDataScale { get; set; } = 1;

    /// <summary>The address people reach the portal at, used for links in e-mails sent outside a request.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// On first start, when no administrator exists, an account is created for this address and an
    /// invitation to choose a password is e-mailed. No password is ever configured.
    /// </summary>
    [EmailAddress]
    public string? InitialAdminEmail { get; set; }

    /// <summary>
    /// The programme's contact address, given to people on the accessibility statement (to report a barrier or ask
    /// for a content in another form).
    /// </summary>
    [Required]
    [EmailAddress]
    public string ContactEmail { get; set; } = "contact@trajectoiress.bzh";
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations and load reference data when the app starts (development, demo). In production, run the `migrate` command instead.</summary>
    public bool MigrateOnStart { get; set; }
}
