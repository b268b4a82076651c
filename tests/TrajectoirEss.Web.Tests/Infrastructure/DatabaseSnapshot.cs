using Npgsql;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>
/// A fingerprint of every table (row count and an md5 of all rows): two snapshots differ when any row was
/// written, changed or removed. Tables that change by design on any request can be left out.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString, params string[] except)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !except.Contains(t, StringComparer.Ordinal)))
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM \"{table}\" t", connection);
            result[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return new DatabaseSnapshot(result);
    }

    /// <summary>The tables whose content differs from another snapshot.</summary>
    public IReadOnlyList<string> ChangedSince(DatabaseSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key)
            .Concat(before.Tables.Keys.Where(k => !Tables.ContainsKey(k)))
            .ToList();
    }
}
