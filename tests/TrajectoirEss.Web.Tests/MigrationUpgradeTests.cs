using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The migrations since the squash carry a database's rows across, not only its schema: a database at `Initial` with a
/// project shared under the former all-partners consent, duplicate pending invitations and projects without file
/// numbers, migrated to the latest (issue 19).
/// </summary>
public sealed class MigrationUpgradeTests : IAsyncLifetime
{
    private const string InitialMigration = "20261205061140_Initial";
    private readonly string _database = "te_upgrade_" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => TestPostgres.ExecuteAsync($"CREATE DATABASE \"{_database}\"");

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_database);

    private TrajectoirEssDbContext Context()
    {
        var options = new DbContextOptionsBuilder<TrajectoirEssDbContext>();
        DatabaseSetup.Configure(options, TestPostgres.ConnectionStringFor(_database));
        return new TrajectoirEssDbContext(options.Options);
    }

    [Fact]
    public async Task ADatabaseAtInitial_KeepsItsSharingItsInvitationsAndNumbersItsProjects()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(InitialMigration);
        }

        var owner = Guid.NewGuid();
        var shared = Guid.NewGuid();
        var notShared = Guid.NewGuid();
        var active = Guid.NewGuid();
        var inactive = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(TestPostgres.ConnectionStringFor(_database)))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO "AspNetUsers" (id, display_name, created_at, is_disabled, muted_notifications, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES (@owner, 'Porteuse', now(), false, 0, true, false, false, true, 0);
                INSERT INTO structures (id, code, name, kind, is_active) VALUES (@active, 'tag29', 'TAg29', 'TagBzh', true), (@inactive, 'ancienne', 'Ancienne', 'Cae', false);
                INSERT INTO projects (id, title, origin, needs, status, created_at, updated_at) VALUES
                    (@shared, 'Partagé', 'PorteurIdea', 0, 'Welcomed', now() - interval '2 days', now()),
                    (@notShared, 'Retiré', 'PorteurIdea', 0, 'Welcomed', now() - interval '1 day', now());
                INSERT INTO project_members (user_id, project_id, role, joined_at) VALUES (@owner, @shared, 'Owner', now()), (@owner, @notShared, 'Owner', now());
                INSERT INTO consents (id, user_id, project_id, kind, given, recorded_at) VALUES
                    (gen_random_uuid(), @owner, @shared, 'SharingWithPartners', true, now() - interval '2 days'),
                    (gen_random_uuid(), @owner, @notShared, 'SharingWithPartners', true, now() - interval '2 days'),
                    (gen_random_uuid(), @owner, @notShared, 'SharingWithPartners', false, now() - interval '1 day');
                INSERT INTO project_invitations (id, project_id, email, token_hash, invited_by, invited_at, expires_at) VALUES
                    (gen_random_uuid(), @shared, 'co@exemple.test', repeat('a', 64), @owner, now() - interval '2 hours', now() + interval '7 days'),
                    (gen_random_uuid(), @shared, 'co@exemple.test', repeat('b', 64), @owner, now() - interval '1 hour', now() + interval '7 days');
                """,
                connection);
            insert.Parameters.AddWithValue("owner", owner);
            insert.Parameters.AddWithValue("shared", shared);
            insert.Parameters.AddWithValue("notShared", notShared);
            insert.Parameters.AddWithValue("active", active);
            insert.Parameters.AddWithValue("inactive", inactive);
            await insert.ExecuteNonQueryAsync();
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            var projects = await db.Projects.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync();
            Assert.True(projects[0].SharesWith(active));
            Assert.False(projects[0].SharesWith(inactive));
            Assert.Empty(projects[1].Sharing);
            Assert.Equal([1L, 2L], projects.Select(p => p.FileNumber));

            var invitations = await db.ProjectInvitations.AsNoTracking().OrderBy(i => i.InvitedAt).ToListAsync();
            Assert.NotNull(invitations[0].RevokedAt);
            Assert.Null(invitations[1].RevokedAt);
        }
    }
}
