using System.Runtime.InteropServices;
using Reportc.Output;

namespace Reportc.Cli;

/// <summary>
/// SIGINT (Ctrl+C, to reportc or its whole process group), SIGTERM and SIGHUP stop the run: the command's
/// token is cancelled, the batch stops taking reports, closes the browser and removes its temporary
/// folders, and the run ends with exit code 130. A run that has not ended <see cref="Grace"/> after the
/// signal, or a second signal, ends it at once: the browser is killed, the temporary folders are removed and
/// the process exits with 130 (never a signal's own 143).
/// </summary>
internal sealed class SignalStop : IDisposable
{
    /// <summary>How long a stopped run may take to end by itself.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(6);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action _sayCancelled;
    private readonly Lock _gate = new();
    private Timer? _deadline;
    private int _signals;
    private bool _ended;

    private SignalStop(Action sayCancelled)
    {
        _sayCancelled = sayCancelled;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not a signal of this system.
            }
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Handles the signals from now on; <paramref name="sayCancelled"/> prints the "cancelled" line.</summary>
    public static SignalStop Register(Action sayCancelled) => new(sayCancelled);

    /// <summary>The run ended by itself: a late deadline does nothing any more.</summary>
    public void Ended()
    {
        lock (_gate)
        {
            _ended = true;
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process is not ended by the signal's default action: the run ends itself, or EndNow does.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            _deadline = new Timer(_ => EndNow(), null, Grace, Timeout.InfiniteTimeSpan);
            _ = Task.Run(_stop.Cancel);
        }
        else
        {
            _ = Task.Run(EndNow);
        }
    }

    private void EndNow()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            Leftovers.RemoveNow();
            _sayCancelled();
            Environment.Exit(ExitCodes.Cancelled);
        }
    }

    public void Dispose()
    {
        Ended();
        _deadline?.Dispose();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
