using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CatalogHub.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the test PostgreSQL, which a test can cut: every open connection is reset
/// and new ones are reset as soon as they are accepted, as when the database goes away; <see cref="Restore"/> lets
/// connections through again.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _cut;

    /// <summary>Proxies the PostgreSQL that <paramref name="connectionString"/> names.</summary>
    public LoopbackProxy(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _target = new IPEndPoint(IPAddress.Parse(target.Host == "localhost" ? "127.0.0.1" : target.Host!), target.Port);
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1", Port = ((IPEndPoint)_listener.LocalEndpoint).Port, Timeout = 3,
        }.ConnectionString;
        _accepting = Accept();
    }

    /// <summary>The same database, through this proxy.</summary>
    public string ConnectionString { get; }

    public void Cut()
    {
        _cut = true;
        foreach (var socket in _open.Keys) Reset(socket);
    }

    public void Restore() => _cut = false;

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            if (_cut) { Reset(client); continue; }
            _ = Pipe(client);
        }
    }

    private async Task Pipe(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            await Task.WhenAny(Copy(client, server), Copy(server, client));
        }
        catch (Exception) { /* a cut or a closed end: both ends are reset below */ }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private static async Task Copy(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }
        catch (Exception) { /* the other end went away */ }
    }

    /// <summary>Closes with RST rather than FIN, as a vanished server or a failed-over address would.</summary>
    private void Reset(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception) { /* already closed */ }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _open.Keys) Reset(socket);
        await _accepting;
        _stop.Dispose();
    }
}
