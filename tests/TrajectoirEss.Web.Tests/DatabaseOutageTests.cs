using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseOutageGroup
{
    public const string Name = "PostgreSQL stopped and restarted";
}

/// <summary>
/// PostgreSQL stops while the portal serves, then comes back: a clean French 503 page and /health/ready 503
/// meanwhile, and the portal recovers by itself, sessions kept. It runs against a throwaway cluster of its
/// own (scripts/pg.sh on a free port), never the suite's shared one, and alone.
/// </summary>
[Collection(DatabaseOutageGroup.Name)]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "trajectoiress-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _port = FreePortAbove(5500);
    private OutagePortal? _portal;

    private string DataDirectory => Path.Combine(_root, "data");

    private static string Control =>
        Environment.GetEnvironmentVariable("TRAJECTOIRESS_TEST_PG_CTL") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("TRAJECTOIRESS_TEST_PG_CTL is not set: run the suite with scripts/test.sh, or set it to the path of scripts/pg.sh.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        if (!OperatingSystem.IsWindows())
        {
            // As root, pg.sh runs the server as the postgres user, which must reach the cluster's folder.
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        await ClusterAsync("start");
        var server = (await ClusterAsync("url")).Trim();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE outage", connection);
            await create.ExecuteNonQueryAsync();
        }

        _portal = new OutagePortal(new NpgsqlConnectionStringBuilder(server) { Database = "outage", Timeout = 3, CommandTimeout = 5 }.ConnectionString);
        await _portal.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ClusterAsync("stop");
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task WhilePostgreSqlIsDown_PagesSay503InFrench_ThenTheAppRecoversAlone()
    {
        var portal = _portal!;
        await portal.CreateUserAsync("panne@exemple.test", Roles.Porteur);
        using var client = await portal.SignInAsync("panne@exemple.test");
        using var anonymous = portal.CreateHtmlClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/porteur")).StatusCode);

        await ClusterAsync("stop");

        using (var page = await client.GetAsync("/porteur"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("Service momentanément indisponible", (await HtmlClient.ParseAsync(page)).QuerySelector("h1")!.TextContent.Trim());
            Assert.NotNull(page.Headers.RetryAfter);
        }

        using (var publicPage = await anonymous.GetAsync("/porteur/projets/nouveau"))
        {
            // Anonymous: the login page does not need the database.
            Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        }

        using (var api = await anonymous.GetAsync("/api/communes?q=morlaix"))
        {
            Assert.True(api.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK, $"API: {(int)api.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

        await ClusterAsync("start");

        // Back at once, on the same session: no restart of the app, nobody signed out.
        using var back = await client.GetAsync("/porteur");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("/porteur", back.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        using var again = await client.GetAsync("/porteur/mes-donnees");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<string> ClusterAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Control);
        start.ArgumentList.Add(command);
        start.Environment["TRAJECTOIRESS_PG_DIR"] = DataDirectory;
        start.Environment["TRAJECTOIRESS_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TRAJECTOIRESS_PG_FAST"] = "1";
        start.Environment["TRAJECTOIRESS_PG_DATABASE"] = "postgres";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg.sh {command} failed: {await errors}");
        return await output;
    }

    private static int FreePortAbove(int first)
    {
        // The suite's own cluster and the developers' use 5433-5499: a throwaway one takes a port above.
        for (var port = first + Random.Shared.Next(0, 400); port < 65_000; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free port");
    }

    private sealed class OutagePortal(string connectionString) : PortalFactory
    {
        protected override string? ConnectionStringOverride => connectionString;

        public override Task InitializeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStart", "true");
        }
    }
}
