using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using TrajectoirEss.Infrastructure.Persistence;
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
}
