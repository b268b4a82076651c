using System.Net.Sockets;
using Npgsql;

namespace TrajectoirEss.Web.Startup;

/// <summary>Tells an unreachable or restarting PostgreSQL apart from other errors (503 rather than 500).</summary>
internal static class DatabaseFailures
{
    public static bool IsUnavailable(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: IOException or SocketException or TimeoutException }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Drops the idle pooled connections, which died with the server: once it is back, the next requests
    /// open fresh ones instead of failing on a broken connection each.
    /// </summary>
    public static void Forget() => NpgsqlConnection.ClearAllPools();
}
