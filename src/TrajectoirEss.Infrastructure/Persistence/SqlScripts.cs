using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>
/// What the database needs beyond EF Core's model, in raw SQL: the French accent-insensitive search, the
/// append-only audit trail and access log, the inbox's counts per pôle and status, the notifications of account
/// changes. Each is a named script in <c>Persistence/Sql/</c>, embedded in the assembly (resource
/// <c>Sql.&lt;file&gt;</c>), and the <c>Initial</c> migration applies them all with one line at the end of its
/// <c>Up</c>: <c>SqlScripts.Apply(migrationBuilder);</c> — the line to add back whenever Initial is regenerated
/// (MigrationTests fails without it). Its <c>Down</c> starts with <c>SqlScripts.Revert(migrationBuilder);</c>.
/// </summary>
internal static class SqlScripts
{
    /// <summary>
    /// The scripts <see cref="Apply"/> runs, in this order, once every table exists. None depends on another; the
    /// order is fixed so that every database is built the same way. A later migration that needs raw SQL adds its
    /// own script to <c>Persistence/Sql/</c> and runs it with <c>migrationBuilder.Sql(SqlScripts.Read("….sql"))</c>;
    /// when the migrations are squashed again, that script joins the end of this list (and what undoes it,
    /// <c>revert.sql</c>). MigrationTests checks that some migration applies every script of the folder.
    /// </summary>
    public static readonly IReadOnlyList<string> InOrder =
    [
        "search.sql",
        "audit_protection.sql",
        "access_log.sql",
        "pole_status_counts.sql",
        "account_changes.sql",
    ];

    /// <summary>Undoes every script of <see cref="InOrder"/> (before the tables are dropped).</summary>
    public const string RevertScript = "revert.sql";

    /// <summary>Runs every script of <see cref="InOrder"/>, in order, as operations of the migration being built.</summary>
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var name in InOrder)
        {
            migrationBuilder.Sql(Read(name));
        }
    }

    /// <summary>Drops what <see cref="Apply"/> created.</summary>
    public static void Revert(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Read(RevertScript));
    }

    /// <summary>The text of one script of <c>Persistence/Sql/</c>, by its file name (<c>search.sql</c>).</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sql." + name)
            ?? throw new FileNotFoundException($"The SQL script {name} is not embedded in the assembly (Persistence/Sql/{name}, EmbeddedResource in the csproj).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
