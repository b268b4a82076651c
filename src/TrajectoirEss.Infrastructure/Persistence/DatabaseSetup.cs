using Microsoft.EntityFrameworkCore;

namespace TrajectoirEss.Infrastructure.Persistence;

public static class DatabaseSetup
{
    /// <summary>The provider options shared by the app, the design-time factory and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            // No retrying execution strategy: it forbids user transactions, and Npgsql's pool already
            // recovers by itself when the server comes back.
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(AuditChainInterceptor.Instance);
    }
}
