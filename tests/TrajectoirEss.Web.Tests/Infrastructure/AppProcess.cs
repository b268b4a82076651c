using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>
/// The portal as a real process (`dotnet TrajectoirEss.Web.dll …`, from the test's output folder, which holds
/// the app and its settings), for what only a process shows: commands, Kestrel, signals.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppProcess Start(string connectionString, IDictionary<string, string>? settings = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TrajectoirEss.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Test";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ConnectionStrings__TrajectoirEss"] = connectionString;
        start.Environment["Referrals__JobEnabled"] = "false";
        start.Environment["Retention__JobEnabled"] = "false";
        start.Environment["PlatformReminders__JobEnabled"] = "false";
        start.Environment["CampaignReminders__JobEnabled"] = "false";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "trajectoiress-tests", "process-mail");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs a command of the app (migrate, verify-audit…) to its end: exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] arguments)
    {
        await using var app = Start(connectionString, null, arguments);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, app.Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>What `kill -TERM` does, or a container runtime stopping the app.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
