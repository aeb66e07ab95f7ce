using System.Diagnostics;
using System.Globalization;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Pdf;

/// <summary>
/// reportc as a process of its own, for the tests that signal or kill it or its browser: in a process group
/// of its own (setsid), with a short temporary folder of its own (TMPDIR) and a mark in its environment that
/// every process it starts inherits, so that what it leaves behind can be found.
/// </summary>
internal sealed class RunProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    public RunProcess(params string[] args)
        : this(NewTemp(), args)
    {
    }

    private RunProcess(string temp, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        Temp = temp;
        // setsid -w: reportc leads a new session and process group (setsid forks first when it leads one
        // itself), and setsid waits for it and ends with its exit code. env --default-signal=INT,HUP,TERM: SIGINT
        // is not ignored, as in a terminal (a process started in the background by a shell inherits an
        // ignored SIGINT, which reportc and its browser then rightly ignore); likewise SIGHUP and SIGTERM,
        // which a run under nohup inherits ignored.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT,HUP,TERM");
        start.ArgumentList.Add("setsid");
        start.ArgumentList.Add("-w");
        start.ArgumentList.Add(CliRunner.Executable ?? Path.Combine(AppContext.BaseDirectory, "reportc"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TMPDIR"] = Temp;
        start.Environment["REPORTC_TEST_MARK"] = Mark;
        // The runtime's own diagnostic pipes (clr-debug-pipe-*, dotnet-diagnostic-*) of a JIT-compiled reportc
        // are not reportc's files; the Native AOT binary makes none.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start)!;
        _error = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();

        // reportc itself: setsid, or the child setsid forked.
        var clock = Stopwatch.StartNew();
        while (Id == 0 && clock.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
        {
            Id = Marked().Where(p => p.Command.StartsWith(start.ArgumentList[3], StringComparison.Ordinal)).Select(p => p.Pid).FirstOrDefault();
            Thread.Sleep(20);
        }
    }

    /// <summary>The run's temporary folder: short, so the browser's own files fit in its profile (a socket's path is at most 107 bytes).</summary>
    public string Temp { get; }

    public string Mark { get; } = Guid.NewGuid().ToString("N");

    /// <summary>reportc's process id (and its process group's).</summary>
    public int Id { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Error => _error.Result;

    /// <summary>A run with the temporary folder of an earlier one.</summary>
    public static RunProcess WithTemp(string temp, params string[] args) => new(temp, args);

    /// <summary>A run with these environment variables set.</summary>
    public static RunProcess WithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => new(NewTemp(), args, environment);

    public static string NewTemp()
    {
        var temp = Path.Combine(Path.GetTempPath(), "rc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        return temp;
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Waits (at most <paramref name="timeout"/>) until <paramref name="condition"/> holds or the run ends.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }

    public void Signal(string signal, bool group = false) =>
        PdfText.Run("kill", "-" + signal, "--", (group ? "-" : "") + Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The processes that carry this run's mark (reportc, the browser and every process of the browser).</summary>
    public IReadOnlyList<(int Pid, string Command)> Marked()
    {
        // Marked: the mark in a process's environment, and (a browser run as root starts as a user of its own,
        // with none of reportc's environment) every descendant of a marked process, and every process of a
        // user id such a descendant had (which finds the browser's processes when reportc is gone).
        var all = new List<(int Pid, int Parent, int Uid, bool Mark, string Command)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z")
                {
                    continue;
                }

                var uid = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
                var mark = false;
                try
                {
                    mark = File.ReadAllText(Path.Combine(dir, "environ")).Contains("REPORTC_TEST_MARK=" + Mark, StringComparison.Ordinal);
                }
                catch (UnauthorizedAccessException)
                {
                    // Another user's process (as root, none).
                }

                all.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(uid, CultureInfo.InvariantCulture), mark, File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ')));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
            {
                // Gone meanwhile.
            }
        }

        var marked = all.Where(p => p.Mark).Select(p => p.Pid).ToHashSet();
        var own = all.Where(p => p.Mark).Select(p => p.Uid).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var p in all.Where(p => !marked.Contains(p.Pid) && marked.Contains(p.Parent)))
            {
                marked.Add(p.Pid);
                if (!own.Contains(p.Uid))
                {
                    _browserUids.Add(p.Uid);
                }

                grew = true;
            }
        }

        return [.. all.Where(p => marked.Contains(p.Pid) || _browserUids.Contains(p.Uid)).Select(p => (p.Pid, p.Command))];
    }

    private readonly HashSet<int> _browserUids = [];

    public int? Browser() => Marked().Where(p => p.Pid != Id && Parent(p.Pid) == Id).Select(p => (int?)p.Pid).FirstOrDefault();

    private static int Parent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Waits at most <paramref name="timeout"/> for every marked process to be gone; the ones left.</summary>
    public IReadOnlyList<(int Pid, string Command)> WaitForNoneMarked(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var left = Marked();
        while (left.Count > 0 && clock.Elapsed < timeout)
        {
            Thread.Sleep(100);
            left = Marked();
        }

        return left;
    }

    public void Dispose()
    {
        // Whatever a failed test left running is ended, and the temporary folder removed.
        foreach (var (pid, _) in Marked())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone.
            }
        }

        _process.WaitForExit(5000);
        _process.Dispose();
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's cleaning.
        }
    }
}
