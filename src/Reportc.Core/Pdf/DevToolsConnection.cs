using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Reportc.Pdf;

/// <summary>
/// A minimal Chrome DevTools Protocol client over the browser's WebSocket: commands with ids and their
/// replies, and the events waited for. JSON is written and read by hand, so it needs no reflection.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
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
            await _socket.SendAsync(buffer.ToArray(), WebSocketMessageType.Text, endOfMessage: true, _closing.Token).ConfigureAwait(false);
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
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser is going away; nothing is waiting for it any more.
        }

        _socket.Dispose();
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
        }
    }

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
