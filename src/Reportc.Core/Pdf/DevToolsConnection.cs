using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Reportc.Pdf;

/// <summary>
/// A minimal Chrome DevTools Protocol client over the browser's pipe (<c>--remote-debugging-pipe</c>:
/// NUL-terminated messages, no listening socket) or, where a pipe cannot be handed to the browser
/// (Windows), its WebSocket: commands with ids and their replies, the events waited for and the events
/// handled as they come. JSON is written and read by hand, so it needs no reflection.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Stream? _toBrowser;
    private Stream? _fromBrowser;
    private readonly ConcurrentDictionary<string, Action<JsonElement, string>> _handlers = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<(string Method, string Session), TaskCompletionSource<JsonElement>> _awaited = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiver = Task.CompletedTask;
    private int _nextId;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancel)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
        connection._receiver = Task.Run(connection.ReceiveLoop);
        return connection;
    }

    /// <summary>A connection over the browser's pipe: what is written to <paramref name="toBrowser"/> arrives on its fd 3, its fd 4 is read from <paramref name="fromBrowser"/>.</summary>
    public static DevToolsConnection OverPipe(Stream toBrowser, Stream fromBrowser)
    {
        var connection = new DevToolsConnection { _toBrowser = toBrowser, _fromBrowser = fromBrowser };
        connection._receiver = Task.Run(connection.ReceivePipeLoop);
        return connection;
    }

    /// <summary>Calls <paramref name="handler"/> with the parameters and session of every <paramref name="method"/> event, on the receiving thread.</summary>
    public void On(string method, Action<JsonElement, string> handler) => _handlers[method] = handler;

    /// <summary>Sends a command and waits for its result; a protocol error becomes an exception.</summary>
    public async Task<JsonElement> SendAsync(string method, Action<Utf8JsonWriter>? parameters = null, string? session = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("method", method);
            if (session is not null)
            {
                json.WriteString("sessionId", session);
            }

            json.WriteStartObject("params");
            parameters?.Invoke(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_toBrowser is { } pipe)
            {
                buffer.WriteByte(0);
                await pipe.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), _closing.Token).ConfigureAwait(false);
                await pipe.FlushAsync(_closing.Token).ConfigureAwait(false);
            }
            else
            {
                await _socket.SendAsync(buffer.ToArray(), WebSocketMessageType.Text, endOfMessage: true, _closing.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        return await reply.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <summary>A task that completes when the event <paramref name="method"/> arrives for the session.</summary>
    public Task<JsonElement> WaitForEvent(string method, string session)
    {
        var waiter = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaited[(method, session)] = waiter;
        return waiter.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        try
        {
            await _receiver.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The browser is going away; nothing is waiting for it any more.
        }

        _socket.Dispose();
        _toBrowser?.Dispose();
        _fromBrowser?.Dispose();
        _sendLock.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveLoop()
    {
        var chunk = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(chunk, _closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(chunk, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        finally
        {
            var gone = new IOException("the browser closed the DevTools connection");
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetException(gone);
            }
        }
    }

    private async Task ReceivePipeLoop()
    {
        var chunk = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested && await _fromBrowser!.ReadAsync(chunk, _closing.Token).ConfigureAwait(false) is var got and > 0)
            {
                var start = 0;
                for (var end = Array.IndexOf(chunk, (byte)0, 0, got); end >= 0; end = Array.IndexOf(chunk, (byte)0, start, got - start))
                {
                    message.Write(chunk, start, end - start);
                    Dispatch(message.ToArray());
                    message.SetLength(0);
                    start = end + 1;
                }

                message.Write(chunk, start, got - start);
            }
        }
        finally
        {
            var gone = new IOException("the browser closed the DevTools connection");
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetException(gone);
            }
        }
    }

    private void Dispatch(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && _pending.TryRemove(idElement.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new IOException($"DevTools: {error.GetProperty("message").GetString()}"));
            }
            else
            {
                reply.TrySetResult(root.GetProperty("result").Clone());
            }
        }
        else if (root.TryGetProperty("method", out var method))
        {
            var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() ?? "" : "";
            if (_awaited.TryRemove((method.GetString() ?? "", session), out var waiter))
            {
                waiter.TrySetResult(root.TryGetProperty("params", out var p) ? p.Clone() : default);
            }
            else if (_handlers.TryGetValue(method.GetString() ?? "", out var handler))
            {
                handler(root.TryGetProperty("params", out var p) ? p.Clone() : default, session);
            }
        }
    }

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
