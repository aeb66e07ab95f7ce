using System.Globalization;
using System.Runtime.InteropServices;

namespace Reportc.Pdf;

/// <summary>
/// How the browser is started: as which user (null: as reportc itself) and with or without Chromium's sandbox.
/// </summary>
/// <param name="Uid">On Linux when reportc runs as root: the user id the browser runs as (and its group id).</param>
/// <param name="Sandbox">Chromium's sandbox on (no <c>--no-sandbox</c>).</param>
public sealed record BrowserLaunch(int? Uid, bool Sandbox);

/// <summary>
/// Who runs the browser. Debian's chromium refuses its sandbox as root, so reportc run as root (a CI
/// container) starts it, through <c>setpriv</c> (util-linux), as a user id of its own with the sandbox on:
/// not root, not an account of the machine (so it owns no files), not the id of any running process (so no
/// other process may read its memory or environment), from the ids Debian reserves and never allocates
/// (65000-65533). Only where that does not start is the sandbox given up, and reportc says so.
/// </summary>
internal static unsafe class BrowserUser
{
    private const int First = 65000;
    private const int Count = 534;

    /// <summary>Whether reportc runs as root (effective user id 0) on Linux.</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Libc("geteuid") is var geteuid && geteuid != IntPtr.Zero
        && ((delegate* unmanaged[Cdecl]<uint>)geteuid)() == 0;

    /// <summary>
    /// The ways to start the browser, the safest first; the next is tried when the browser ends before it is
    /// ready. <paramref name="noUser"/> says why root's browser cannot run as another user (no setpriv).
    /// </summary>
    public static IReadOnlyList<BrowserLaunch> Plans(bool pipe, out string? setpriv, out bool noUser)
    {
        setpriv = null;
        noUser = false;
        if (!IsRoot)
        {
            return [new(null, true), new(null, false)];
        }

        setpriv = pipe ? FindSetpriv() : null;
        if (setpriv is null || PickUid() is not { } uid)
        {
            noUser = true;
            return [new(null, false)];
        }

        return [new(uid, true), new(uid, false), new(null, false)];
    }

    private static string? FindSetpriv()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]))
        {
            var candidate = Path.Combine(folder, "setpriv");
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A user id in 65000-65533 that no account, no group and no running process has; null when none is free.</summary>
    internal static int? PickUid()
    {
        var taken = new HashSet<int>();
        foreach (var file in new[] { "/etc/passwd", "/etc/group" })
        {
            try
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (line.Split(':') is [_, _, var id, ..] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        taken.Add(n);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No such file: no accounts to avoid there.
            }
        }

        foreach (var uid in RunningUids())
        {
            taken.Add(uid);
        }

        var start = Environment.ProcessId % Count;
        for (var i = 0; i < Count; i++)
        {
            var uid = First + ((start + i) % Count);
            if (!taken.Contains(uid))
            {
                return uid;
            }
        }

        return null;
    }

    /// <summary>The real and effective user ids of every running process (Linux: /proc/*/status).</summary>
    internal static IEnumerable<int> RunningUids()
    {
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (Ids(Path.GetFileName(dir)) is { } ids)
            {
                foreach (var id in ids)
                {
                    yield return id;
                }
            }
        }
    }

    /// <summary>The real, effective, saved and file-system user ids of process <paramref name="pid"/>, or null when it is gone.</summary>
    internal static int[]? Ids(string pid)
    {
        if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    return [.. line[4..].Split('\t', ' ').Where(p => p.Length > 0).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            // Gone meanwhile.
        }

        return null;
    }

    /// <summary>Gives <paramref name="path"/> to user and group <paramref name="uid"/> (chown), or says it could not.</summary>
    public static bool Give(string path, int uid)
    {
        if (Libc("chown") is var chown && chown == IntPtr.Zero)
        {
            return false;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            return ((delegate* unmanaged[Cdecl]<byte*, uint, uint, int>)chown)(p, (uint)uid, (uint)uid) == 0;
        }
    }

    private static IntPtr Libc(string name)
    {
        foreach (var library in new[] { "libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1" })
        {
            if (NativeLibrary.TryLoad(library, out var handle) && NativeLibrary.TryGetExport(handle, name, out var export))
            {
                return export;
            }
        }

        return IntPtr.Zero;
    }
}
