using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrajectoirEss.Infrastructure.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// The app's connection settings on top of the configured connection string (which wins where it sets
    /// them): statements the app runs often are prepared once per connection (Npgsql's automatic preparation:
    /// PostgreSQL then skips parsing and planning them), and a connection returned to the pool is not reset
    /// with DISCARD ALL, which would cost a statement per query and drop those prepared statements. The portal
    /// keeps no session state on a connection: its advisory locks are transaction-level.
    /// </summary>
    public static string ForApplication(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>The provider options shared by the app, the design-time factory and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            // No retrying execution strategy: it forbids user transactions, and Npgsql's pool already
            // recovers by itself when the server comes back.
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")
                // A project is read with its members and steps (two owned collections): one query for one
                // aggregate is what we want; said explicitly, EF no longer warns about it on every query.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(DomainEventGuardInterceptor.Instance, AuditChainInterceptor.Instance);
    }
}
