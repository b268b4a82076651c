using Npgsql;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>Looks for a piece of text in every text column of every table: where does a person's data remain?</summary>
public static class PersonalDataScanner
{
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, string needle)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'ARRAY', 'jsonb')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE @needle", connection);
            command.Parameters.AddWithValue("needle", "%" + needle + "%");
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}
