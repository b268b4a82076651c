using Npgsql;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run (started by scripts/test.sh). One migrated template database
/// is built per run; each test class gets its own database cloned from it, so classes run in parallel.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "TRAJECTOIRESS_TEST_PG";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>Connection string to the server's maintenance database; fails with instructions when absent.</summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"These tests need a real PostgreSQL server and {EnvironmentVariable} is not set. " +
                    "Run the whole suite with `scripts/test.sh` (it starts a throwaway cluster), or start one with " +
                    "`scripts/pg.sh start` and set " + EnvironmentVariable + "=\"Host=127.0.0.1;Port=5433;Username=trajectoiress;Password=$(cat .data/pg-password);Database=postgres\".");
            }

            return value;
        }
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a database for one test class, cloned from the migrated template.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var template = await Template.Value;
        var name = "te_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        return ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"te_template_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {EnvironmentVariable} could not be reached ({ex.Message}). Start it with `scripts/test.sh` or `scripts/pg.sh start`.", ex);
        }

        // The real start-up path migrates it and loads the reference data.
        await using (var factory = new PortalFactory(name, migrateOnStart: true))
        {
            await factory.StartAsync();
        }

        // CREATE DATABASE … TEMPLATE needs the template to have no open connection.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
