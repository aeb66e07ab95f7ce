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
    /// (their names carry the process id), and those of earlier versions (no process id in the name) that are
    /// abandoned (<see cref="IsAbandoned"/>); returns how many.
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
                var stale = dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    ? !IsAlive(pid)
                    : IsOldStyle(rest) && IsAbandoned(folder, DateTime.UtcNow);
                if (stale)
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

    /// <summary>
    /// How long a folder of an earlier version (no process id in its name) must have been left untouched
    /// before it is taken for abandoned: its run wrote into it at every document it printed.
    /// </summary>
    public static readonly TimeSpan OldStyleAge = TimeSpan.FromHours(1);

    // Versions before the process id was in the name: PREFIX followed by 32 hexadecimal digits (a Guid).
    private static bool IsOldStyle(string rest) => rest.Length == 32 && rest.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Whether a folder of an earlier version, which does not say whose it is, is abandoned: nothing in it
    /// has changed for <see cref="OldStyleAge"/> (a run that prints writes a copy into its print folder for
    /// every document, and its browser writes into its profile), and, on Linux, no live process names it on
    /// its command line (a browser running on the profile has <c>--user-data-dir=</c> it, however long it
    /// has been idle) or has it as its working folder. Elsewhere, where the command lines are not read, it
    /// must have been untouched for a day.
    /// </summary>
    internal static bool IsAbandoned(string folder, DateTime now)
    {
        var age = OperatingSystem.IsLinux() ? OldStyleAge : TimeSpan.FromDays(1);
        try
        {
            var newest = Directory.GetLastWriteTimeUtc(folder);
            var seen = 0;
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 }))
            {
                if (entry.LastWriteTimeUtc > newest)
                {
                    newest = entry.LastWriteTimeUtc;
                }

                if (++seen > 100_000)
                {
                    return false; // not a folder of ours: too big to be a profile or print copies
                }
            }

            if (now - newest < age)
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false; // another user's, or going away: not ours to judge
        }

        return !OperatingSystem.IsLinux() || !InUse(folder);
    }

    // Linux: a live process that names the folder on its command line, or works in it. The folder's name
    // (a prefix and a Guid) is looked for, whatever path led to it (a temporary folder through a link).
    private static bool InUse(string folder)
    {
        IEnumerable<string> processes;
        try
        {
            processes = Directory.EnumerateDirectories("/proc").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // cannot tell: kept
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        foreach (var process in processes)
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(process, "cmdline")).Contains(name, StringComparison.Ordinal)
                    || new FileInfo(Path.Combine(process, "cwd")).LinkTarget is { } cwd && cwd.Contains(name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's working folder (its command line is readable).
            }
        }

        return false;
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
