using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Reportc.Output;

/// <summary>
/// What a run leaves on the machine while it works (the browser and its processes, temporary folders) and
/// what a run that was killed left behind. A run that is stopped removes its own at once
/// (<see cref="RemoveNow"/>); the temporary folders of a run killed with SIGKILL carry its process id and
/// are removed by the next run once that process is gone (<see cref="RemoveStale"/>).
/// </summary>
public static class Leftovers
{
    private static readonly ConcurrentDictionary<string, byte> Folders = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Process, byte> Processes = new();

    /// <summary>The prefixes of reportc's temporary folders: <c>PREFIX&lt;pid&gt;-&lt;guid&gt;</c>.</summary>
    public static readonly string[] Prefixes = ["reportc-browser-", "reportc-print-"];

    internal static void Track(string folder) => Folders[folder] = 0;

    internal static void Track(Process process) => Processes[process] = 0;

    internal static void Untrack(Process process) => Processes.TryRemove(process, out _);

    /// <summary>Removes a folder of this run, trying again for a while when processes still write into it.</summary>
    public static void Delete(string folder, int attempts = 20)
    {
        for (var i = 0; i < attempts; i++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                Folders.TryRemove(folder, out _);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Kills the processes and removes the folders this run still has (a run that must end now).</summary>
    public static void RemoveNow()
    {
        foreach (var process in Processes.Keys)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2000);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // Gone already.
            }
        }

        foreach (var folder in Folders.Keys)
        {
            Delete(folder, attempts: 10);
        }
    }

    /// <summary>
    /// Removes the temporary folders under <paramref name="tempRoot"/> that runs which are no longer alive left
    /// (their names carry the process id); returns how many.
    /// </summary>
    public static int RemoveStale(string tempRoot)
    {
        var removed = 0;
        foreach (var prefix in Prefixes)
        {
            IEnumerable<string> found;
            try
            {
                found = Directory.EnumerateDirectories(tempRoot, prefix + "*").ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var folder in found)
            {
                var rest = Path.GetFileName(folder)[prefix.Length..];
                var dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                        removed++;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Not ours to remove (another user's), or going away meanwhile.
                    }
                }
            }
        }

        return removed;
    }

    /// <summary>Whether a process with this id runs (on Linux from /proc, which also sees other users' processes).</summary>
    public static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
