using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The tamper-evident audit trail: a hash chain, kept whole under concurrent writers, checked by `verify-audit`.</summary>
public sealed class AuditTrailTests(PoleWorkspaceTests.Fixture portal) : IClassFixture<PoleWorkspaceTests.Fixture>
{
    private async Task RecordAsync(int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Audit>();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        for (var i = 0; i < count; i++)
        {
            audit.Record(Guid.CreateVersion7(), Audit.Project, Guid.CreateVersion7(), "Test", ("Champ", "avant", "après " + i));
        }

        await db.SaveChangesAsync();
    }

    private Task<AuditVerification> VerifyAsync() =>
        portal.WithDbAsync(db => AuditChain.VerifyAsync(db));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task EntriesWrittenThroughTheApp_FormAChain_EvenWithConcurrentWriters()
    {
        var projectId = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet audité");
        using var staff = await portal.SignInAsync(PoleWorkspaceTests.Fixture.Morlaix);

        // Requests through the app (opening the file writes the access log, beside the chain) and direct writers of audit entries, all at once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => staff.GetAsync($"/pole/projets/{projectId}")).Concat<Task>(Enumerable.Range(0, 8).Select(_ => RecordAsync(3))));

        var result = await VerifyAsync();
        Assert.True(result.IsIntact, $"{result.Problem} at {result.FirstBadId}");
        Assert.True(result.Entries >= 24, $"{result.Entries} entries");
        Assert.True(await portal.WithDbAsync(db => db.AccessLog.CountAsync(a => a.EntityId == projectId)) >= 8);
        var sequences = await portal.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task EntriesWrittenBeforeTheChain_AreChainedByTheMigrateCommand()
    {
        await RecordAsync(2);
        await ExecuteAsync("UPDATE audit_entries SET hash = NULL, previous_hash = NULL");
        Assert.False((await VerifyAsync()).IsIntact);

        var (exitCode, output) = await AppProcess.RunAsync(portal.ConnectionString, "migrate");

        Assert.True(exitCode == 0, output);
        Assert.True((await VerifyAsync()).IsIntact);
    }
}

/// <summary>Rewriting or removing an entry of the audit trail in SQL is found (its own database: the chain stays broken).</summary>
public sealed class AuditTamperingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task RecordAsync(int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Audit>();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        for (var i = 0; i < count; i++)
        {
            audit.Record(Guid.CreateVersion7(), Audit.Project, Guid.CreateVersion7(), "Test", ("Champ", "avant", "après " + i));
        }

        await db.SaveChangesAsync();
    }

    private Task<AuditVerification> VerifyAsync() =>
        portal.WithDbAsync(db => AuditChain.VerifyAsync(db));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task TheVerifyAuditCommand_PassesAnIntactChain_AndNamesTheFirstAlteredEntry()
    {
        await RecordAsync(5);
        var (ok, okOutput) = await AppProcess.RunAsync(portal.ConnectionString, "verify-audit");
        Assert.True(ok == 0, okOutput);
        Assert.Contains("audit trail intact", okOutput, StringComparison.Ordinal);

        // Someone with database access rewrites history.
        var victim = await portal.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Sequence).Skip(2).Select(a => new { a.Id, a.Sequence, a.Changes }).FirstAsync());
        await ExecuteAsync($"UPDATE audit_entries SET changes = 'Champ : avant → falsifié' WHERE id = '{victim.Id}'");

        var (broken, output) = await AppProcess.RunAsync(portal.ConnectionString, "verify-audit");
        Assert.Equal(2, broken);
        Assert.Contains($"BROKEN at entry {victim.Id} (position {victim.Sequence})", output, StringComparison.Ordinal);
        Assert.Contains("altered", output, StringComparison.Ordinal);

        var result = await VerifyAsync();
        Assert.Equal(victim.Id, result.FirstBadId);

        // Put back, the chain is whole again; a removed entry breaks it at the next one.
        await ExecuteAsync($"UPDATE audit_entries SET changes = '{victim.Changes}' WHERE id = '{victim.Id}'");
        Assert.True((await VerifyAsync()).IsIntact);
        await ExecuteAsync($"DELETE FROM audit_entries WHERE id = '{victim.Id}'");
        var removed = await VerifyAsync();
        Assert.False(removed.IsIntact);
        Assert.Equal(victim.Sequence + 1, removed.FirstBadSequence);
    }
}
