using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>The campaigns' automatic reminder: on or off, and how often it looks (each organisation is reminded at most once a day whatever the interval).</summary>
public sealed class CampaignReminderOptions
{
    public const string Section = "CampaignReminders";

    public bool JobEnabled { get; set; } = true;

    [Range(1, 24 * 60)]
    public int JobIntervalMinutes { get; set; } = 60;
}

/// <summary>Reminds the late organisations of every open campaign (<see cref="CampaignWorkflow.RemindOpenCampaignsAsync"/>) every <see cref="CampaignReminderOptions.JobIntervalMinutes"/> minutes.</summary>
internal sealed class CampaignReminderJob(IServiceScopeFactory scopes, IOptions<CampaignReminderOptions> options, TimeProvider clock, ILogger<CampaignReminderJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.JobEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.JobIntervalMinutes);

    protected override Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<CampaignWorkflow>().RemindOpenCampaignsAsync(now, cancellationToken);
}
