using System.Runtime.InteropServices;

namespace Reportc.Output;

/// <summary>
/// A build's hold on its output folders: on Linux an exclusive <c>flock</c> on each folder itself (no lock
/// file is left among the outputs), taken in one order by every build so that two builds never wait on
/// each other crosswise. A second build into the same folder waits until the first ends (and says so once);
/// the kernel releases the lock of a build that is killed. Elsewhere, or where the folder cannot be opened
/// or locked (a file system without locks), builds are not serialised.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (Linux): the browser must not inherit the lock
    private const int Exclusive = 2; // LOCK_EX
    private const int NoWait = 4; // LOCK_NB
    private const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN)

    private static readonly Functions? Libc = Load();

    private readonly List<int> _held = [];

    private FolderLock()
    {
    }

    /// <summary>
    /// Takes every folder of <paramref name="folders"/> (created if missing), calling <paramref name="waiting"/> once for
    /// each folder another build holds, and waiting (until <paramref name="cancel"/>) until it is free.
    /// </summary>
    public static async Task<FolderLock> TakeAsync(IEnumerable<string> folders, Action<string> waiting, CancellationToken cancel)
    {
        var taken = new FolderLock();
        if (Libc is not { } libc)
        {
            return taken;
        }

        try
        {
            foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    continue; // the writes will say why
                }

                var fd = Open(libc, folder);
                if (fd < 0)
                {
                    continue;
                }

                taken._held.Add(fd);
                var said = false;
                while (libc.Flock(fd, Exclusive | NoWait) != 0)
                {
                    if (Marshal.GetLastSystemError() != WouldBlock)
                    {
                        break; // no locks on this file system
                    }

                    if (!said)
                    {
                        waiting(folder);
                        said = true;
                    }

                    await Task.Delay(200, cancel).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            taken.Dispose();
            throw;
        }

        return taken;
    }

    private static unsafe int Open(Functions libc, string folder)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(folder + "\0");
        fixed (byte* path = bytes)
        {
            return libc.Open(path, ReadOnlyCloseOnExec);
        }
    }

    public void Dispose()
    {
        foreach (var fd in _held)
        {
            Libc?.Close(fd);
        }

        _held.Clear();
    }

    private sealed unsafe class Functions
    {
        private readonly delegate* unmanaged[Cdecl]<byte*, int, int> _open;
        private readonly delegate* unmanaged[Cdecl]<int, int, int> _flock;
        private readonly delegate* unmanaged[Cdecl]<int, int> _close;

        public Functions(delegate* unmanaged[Cdecl]<byte*, int, int> open, delegate* unmanaged[Cdecl]<int, int, int> flock, delegate* unmanaged[Cdecl]<int, int> close)
        {
            _open = open;
            _flock = flock;
            _close = close;
        }

        public int Open(byte* path, int flags) => _open(path, flags);

        public int Flock(int fd, int operation) => _flock(fd, operation);

        public int Close(int fd) => _close(fd);
    }

    private static unsafe Functions? Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in new[] { "libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1", "libc.so" })
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "open", out var open)
                && NativeLibrary.TryGetExport(library, "flock", out var flock)
                && NativeLibrary.TryGetExport(library, "close", out var close))
            {
                return new Functions(
                    (delegate* unmanaged[Cdecl]<byte*, int, int>)open,
                    (delegate* unmanaged[Cdecl]<int, int, int>)flock,
                    (delegate* unmanaged[Cdecl]<int, int>)close);
            }
        }

        return null;
    }
}
