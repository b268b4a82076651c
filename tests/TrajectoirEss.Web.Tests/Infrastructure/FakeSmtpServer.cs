using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>What the fake mail server does with the next connections.</summary>
public enum SmtpBehaviour
{
    /// <summary>Takes every message.</summary>
    Accepts,

    /// <summary>Answers each message with "554 transaction failed".</summary>
    Refuses,

    /// <summary>Nothing listens on the port: connections are refused.</summary>
    Down,

    /// <summary>Accepts connections and never says a word (the client's timeout must end the wait).</summary>
    Silent,
}

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), for the outbox's tests: it keeps the messages
/// it accepts, and can refuse them, be down, or hang.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly Store _store;
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _running;
    private Task? _serving;
    private TcpListener? _silent;
    private readonly List<TcpClient> _held = [];

    public FakeSmtpServer()
    {
        Port = FreePort();
        _store = new Store(this);
    }

    public int Port { get; }

    public SmtpBehaviour Behaviour { get; private set; } = SmtpBehaviour.Down;

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task BecomeAsync(SmtpBehaviour behaviour)
    {
        await StopAsync();
        Behaviour = behaviour;
        switch (behaviour)
        {
            case SmtpBehaviour.Accepts or SmtpBehaviour.Refuses:
                var options = new SmtpServerOptionsBuilder()
                    .ServerName("localhost")
                    .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
                    .Build();
                var services = new SmtpServer.ComponentModel.ServiceProvider();
                services.Add(_store);
                _server = new SmtpServer.SmtpServer(options, services);
                _running = new CancellationTokenSource();
                _serving = _server.StartAsync(_running.Token);
                await WaitUntilListeningAsync();
                break;
            case SmtpBehaviour.Silent:
                _silent = new TcpListener(IPAddress.Loopback, Port);
                _silent.Start();
                _serving = HoldConnectionsAsync(_silent);
                break;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (_server is not null)
        {
            _server.Shutdown();
            await _running!.CancelAsync();
            await Task.WhenAny(_server.ShutdownTask, Task.Delay(TimeSpan.FromSeconds(5)));
            _running.Dispose();
            _server = null;
            _running = null;
        }

        if (_silent is not null)
        {
            _silent.Stop();
            _silent = null;
            lock (_held)
            {
                _held.ForEach(c => c.Dispose());
                _held.Clear();
            }
        }

        if (_serving is not null)
        {
            await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(5)));
            _serving = null;
        }

        Behaviour = SmtpBehaviour.Down;
    }

    private async Task HoldConnectionsAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (_held)
                {
                    _held.Add(client);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The fake SMTP server did not start on port {Port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(FakeSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Behaviour == SmtpBehaviour.Refuses)
            {
                return Task.FromResult(SmtpResponse.TransactionFailed);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
