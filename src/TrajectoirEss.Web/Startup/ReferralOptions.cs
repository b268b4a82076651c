using System.ComponentModel.DataAnnotations;

namespace TrajectoirEss.Web.Startup;

/// <summary>Section "Referrals": the delays structures have to answer, and the job that enforces them.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>After this many days without an answer, the structure gets a reminder (once per waiting period).</summary>
    [Range(1, 365)]
    public int ReminderDays { get; set; } = 10;

    /// <summary>After this many days without an answer, the referral expires and the référent is told.</summary>
    [Range(2, 730)]
    public int ExpiryDays { get; set; } = 30;

    /// <summary>How often the job looks for referrals to remind or expire.</summary>
    [Range(1, 1440)]
    public int JobIntervalMinutes { get; set; } = 60;

    /// <summary>Off in the tests, which run the job's work directly with a chosen clock.</summary>
    public bool JobEnabled { get; set; } = true;
}
