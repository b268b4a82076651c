using Microsoft.EntityFrameworkCore;
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
}
