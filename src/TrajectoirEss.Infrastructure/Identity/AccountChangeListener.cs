using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrajectoirEss.Infrastructure.Identity;

/// <summary>
/// Listens on its own connection to the changes of accounts that PostgreSQL notifies (triggers on
/// "AspNetUsers": security stamp, disabling, deletion, two-factor; see
/// <c>Persistence/Sql/account_changes.sql</c>) and makes <see cref="SessionAccountCache"/> forget them. The cache is on
/// only while this connection listens: if it drops, the cache is emptied and off until the connection is
/// back (retried after 1 s, then up to every 30 s), so no change can be missed.
/// </summary>
public sealed class AccountChangeListener(string connectionString, SessionAccountCache cache, ILogger<AccountChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the triggers notify, with the account's id as payload ("*": every account).</summary>
    public const string Channel = "account_changes";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A connection of its own, outside the pool (a pooled connection would keep listening once returned), that
    /// sends a keep-alive every 10 s when idle, so a dead server or network is noticed within seconds.
    /// </summary>
    public static string ListenerConnectionString(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10, Multiplexing = false }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString(connectionString));
                connection.Notification += (_, e) => Forget(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.GoLive();
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Whatever broke the connection, the cache goes off and the listener tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Not listening to account changes (the session cache is off); retrying in {Retry} s", retry.TotalSeconds);
            }
            finally
            {
                // Whatever ended the listening (a failure, or the app stopping), the cache no longer hears changes.
                cache.GoDark();
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void Forget(string payload)
    {
        if (Guid.TryParse(payload, out var userId))
        {
            cache.Forget(userId);
        }
        else
        {
            cache.ForgetAll();
        }
    }
}
