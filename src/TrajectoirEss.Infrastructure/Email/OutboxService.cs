using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrajectoirEss.Infrastructure.Email;

/// <summary>
/// Runs the dispatcher (when <see cref="EmailOptions.OutboxEnabled"/>): every <see cref="EmailOptions.OutboxPollSeconds"/>,
/// and at once when this instance has written messages; deletes old messages once an hour.
/// </summary>
internal sealed class OutboxService(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.OutboxEnabled)
        {
            return;
        }

        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
                await dispatcher.DrainAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextPurge)
                {
                    await dispatcher.PurgeAsync(stoppingToken);
                    nextPurge = clock.GetUtcNow() + PurgeInterval;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a while: the messages wait in it.
                logger.LogWarning(ex, "The e-mail outbox could not be dispatched; trying again at the next poll");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(settings.OutboxPollSeconds), clock, stoppingToken);
        }
    }
}
