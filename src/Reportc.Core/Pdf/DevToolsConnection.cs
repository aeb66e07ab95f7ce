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
    private readonly CancellationTokenSource _gone = new();
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

    /// <summary>Cancelled when the connection ends: the browser closed its end (it exited) or this side gave it up.</summary>
    public CancellationToken Closed => _gone.Token;

    /// <summary>
    /// Sends a command and waits for its result, at most <paramref name="timeout"/> (60 s) in all (the send
    /// included); a protocol error becomes an exception, a connection that ended an <see cref="IOException"/>,
    /// and <paramref name="cancel"/> an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<JsonElement> SendAsync(string method, Action<Utf8JsonWriter>? parameters = null, string? session = null, TimeSpan? timeout = null, CancellationToken cancel = default)
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

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel, _gone.Token);
        wait.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            if (_gone.IsCancellationRequested)
            {
                throw Gone();
            }

            await _sendLock.WaitAsync(wait.Token).ConfigureAwait(false);
            try
            {
                if (_toBrowser is { } pipe)
                {
                    buffer.WriteByte(0);
                    await WriteWhole(pipe, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), wait.Token).ConfigureAwait(false);
                }
                else
                {
                    await _socket.SendAsync(buffer.ToArray(), WebSocketMessageType.Text, endOfMessage: true, wait.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            return await reply.Task.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw _gone.IsCancellationRequested ? Gone() : new TimeoutException($"the browser did not answer {method} in {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    // A message half written cannot be taken back: a write that is given up ends the connection.
    private async Task WriteWhole(Stream pipe, ReadOnlyMemory<byte> bytes, CancellationToken cancel)
    {
        try
        {
            await pipe.WriteAsync(bytes, cancel).ConfigureAwait(false);
            await pipe.FlushAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            End("the DevTools pipe was given up");
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw Gone();
        }
    }

    /// <summary>Says why the browser closed its end (its exit), when the connection ends from its side.</summary>
    public Func<string?>? Explain { get; set; }

    /// <summary>Why the connection ended, once it has.</summary>
    public string? EndReason => _endReason;

    private volatile string? _endReason;

    private IOException Gone() => new(_endReason ?? "the browser closed the DevTools connection");

    /// <summary>Ends the connection: every command and event waited for fails at once.</summary>
    public void End(string reason)
    {
        _endReason ??= reason;
        try
        {
            _closing.Cancel();
            _gone.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already.
        }

        var gone = Gone();
        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(gone);
        }

        foreach (var waiter in _awaited.Values)
        {
            waiter.TrySetException(gone);
        }
    }

    /// <summary>A task that completes when the event <paramref name="method"/> arrives for the session.</summary>
    public Task<JsonElement> WaitForEvent(string method, string session)
    {
        var waiter = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaited[(method, session)] = waiter;
        if (_gone.IsCancellationRequested)
        {
            waiter.TrySetException(Gone());
        }

        return waiter.Task;
    }

    public async ValueTask DisposeAsync()
    {
        End("the DevTools connection was closed");
        try
        {
            // A read that cannot be cancelled (a stopped browser's pipe) is left behind after a while.
            await _receiver.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or TimeoutException)
        {
            // The browser is going away; nothing is waiting for it any more.
        }

        _socket.Dispose();
        _toBrowser?.Dispose();
        _fromBrowser?.Dispose();
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
            End(Explain?.Invoke() ?? "the browser closed the DevTools connection");
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
            End(Explain?.Invoke() ?? "the browser closed the DevTools connection");
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
