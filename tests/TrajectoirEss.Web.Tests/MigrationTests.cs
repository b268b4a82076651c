using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class MigrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        var pending = await portal.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The EF Core model has changes not captured by a migration: run `dotnet ef migrations add <Name> -p src/TrajectoirEss.Infrastructure -s src/TrajectoirEss.Infrastructure -o Persistence/Migrations`.");
    }

    [Fact]
    public async Task Database_HasEveryMigrationApplied()
    {
        var pending = await portal.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
    }

    /// <summary>Regenerating Initial drops the line that applies the raw SQL (Persistence/Sql/): this says so.</summary>
    [Fact]
    public async Task Migrations_ApplyEverySqlScript()
    {
        var applied = await portal.WithDbAsync(db =>
        {
            var migrations = db.GetService<IMigrationsAssembly>();
            return Task.FromResult(migrations.Migrations.Values
                .SelectMany(type => migrations.CreateMigration(type, db.Database.ProviderName!).UpOperations)
                .OfType<SqlOperation>()
                .Select(operation => operation.Sql)
                .ToHashSet(StringComparer.Ordinal));
        });
        var scripts = typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Sql.", StringComparison.Ordinal))
            .Select(name => name["Sql.".Length..])
            .Where(name => name != SqlScripts.RevertScript)
            .ToList();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.True(applied.Contains(SqlScripts.Read(script)), $"No migration applies Persistence/Sql/{script}: after regenerating Initial, add `SqlScripts.Apply(migrationBuilder);` back at the end of its Up (and `SqlScripts.Revert(migrationBuilder);` at the start of its Down).");
        }
    }

    [Fact]
    public async Task ADatabaseMigratedBeforeTheSquash_StopsTheMigration_WithHowToRecreateIt()
    {
        var (exception, database) = await MigrateWithForeignHistoryAsync("20261126060444_Initial", "20261126153826_AccountChangesAreNotified");

        Assert.Contains($"The database \"{database}\" predates the squash", exception.Message, StringComparison.Ordinal);
        Assert.Contains("20261126060444_Initial, 20261126153826_AccountChangesAreNotified", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"scripts/pg.sh psql -c 'DROP DATABASE \"{database}\"'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/pg.sh stop && rm -rf .data/pg", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerVersion_StopsTheMigration()
    {
        var (exception, database) = await MigrateWithForeignHistoryAsync("99991231235959_FromANewerBranch");

        Assert.Contains($"The database \"{database}\" holds migrations this version of the portal does not have (99991231235959_FromANewerBranch)", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The migration, run as at start, on this class's database with these rows added to its history (removed afterwards).</summary>
    private async Task<(InvalidOperationException Exception, string Database)> MigrateWithForeignHistoryAsync(params string[] migrationIds)
    {
        foreach (var id in migrationIds)
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ({id}, '10.0.12')"));
        }

        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.MigrateAsync());
            return (exception, await portal.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().Database)));
        }
        finally
        {
            await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM __ef_migrations_history WHERE migration_id = ANY ({migrationIds})"));
        }
    }
}
