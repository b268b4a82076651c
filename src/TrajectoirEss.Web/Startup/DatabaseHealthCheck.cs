using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TrajectoirEss.Infrastructure;

namespace TrajectoirEss.Web.Startup;

/// <summary>Ready when PostgreSQL answers a trivial query within a few seconds.</summary>
internal sealed class DatabaseHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DependencyInjection.ConnectionStringName))
        {
            Timeout = 3,
            CommandTimeout = 3,
        };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("La base de données ne répond pas.");
        }
    }
}
