using Microsoft.EntityFrameworkCore;

namespace TrajectoirEss.Infrastructure.Persistence;

public static class DatabaseSetup
{
    /// <summary>The provider options shared by the app, the design-time factory and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")
                .EnableRetryOnFailure(maxRetryCount: 3))
            .UseSnakeCaseNamingConvention();
    }
}
