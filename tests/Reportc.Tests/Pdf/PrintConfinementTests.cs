using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Reportc.Pdf;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Pdf;

/// <summary>
/// The page the browser prints loads only itself and what it carries: no file, no network address, from
/// the report's Markdown or from a kind's template. The browser is driven over a pipe (no listening
/// socket), with a private profile that is removed after, and a planted PDF is not kept as unchanged.
/// </summary>
[Collection("browser")]
public sealed class PrintConfinementTests
{
    private const string Secret = "SECRET_LINE_7f3a9c_不得外传";

    private static string Report(string dutyText) => TestReports.WithDuty("    text: |\n      " + dutyText + "\n");

    /// <summary>A listener on 127.0.0.1 that counts the connections it receives.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;

        public Listener()
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        using var client = await _listener.AcceptTcpClientAsync();
                        Interlocked.Increment(ref _connections);
                        var buffer = new byte[512];
                        client.ReceiveTimeout = 2000;
                        var got = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
                        Requests.Enqueue(System.Text.Encoding.ASCII.GetString(buffer, 0, got).Split('\n')[0]);
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or TimeoutException)
                {
                    // Stopped.
                }
            });
        }

        public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose() => _listener.Stop();
    }

    private static string SecretFile()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "secret.txt");
        File.WriteAllText(path, Secret);
        return path;
    }

    private static string PdfText(string pdf) => Reportc.Tests.Pdf.PdfText.Run("pdftotext", pdf, "-");

    [Fact]
    public void Markdown_images_on_a_local_path_or_a_local_web_server_load_nothing_and_the_report_prints()
    {
        using var listener = new Listener();
        var png = Path.Combine(TestPaths.NewTempFolder(), "x.png");
        File.WriteAllBytes(png, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report($"全年开展学法活动。![图](http://127.0.0.1:{listener.Port}/pixel.png)![本地]({png})![文件](file://{png})"));

        var clock = Stopwatch.StartNew();
        var (code, _, error) = CliRunner.Run("build", input, "--format", "pdf");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.ChangeExtension(input, ".pdf")));
        Thread.Sleep(500);
        Assert.True(listener.Connections == 0, string.Join(" | ", listener.Requests));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_kind_template_iframe_on_a_local_file_or_a_local_server_prints_nothing_of_them()
    {
        using var listener = new Listener();
        var secret = SecretFile();
        var root = TestPaths.NewTempFolder();
        var kind = Path.Combine(root, "kinds", "county");
        Directory.CreateDirectory(kind);
        File.WriteAllText(Path.Combine(kind, "kind.yaml"), "id: county\nextends: law-based-government\nname: 某县报告\n");
        var html = File.ReadAllText(Path.Combine(TestPaths.Root, "templates", "_common", "report.sbn-html"));
        html = html.Replace("<body>", $"<body>\n<iframe src=\"file://{secret}\"></iframe><iframe src=\"http://127.0.0.1:{listener.Port}/\"></iframe><img src=\"http://127.0.0.1:{listener.Port}/i.png\"><script>fetch('http://127.0.0.1:{listener.Port}/f')</script>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(kind, "report.sbn-html"), html);
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report("全年开展学法活动。").Replace("kind: law-based-government", "kind: county", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("build", input, "--templates", Path.Combine(root, "kinds"), "--format", "pdf");

        Assert.True(code == 0, error);
        var text = PdfText(Path.ChangeExtension(input, ".pdf"));
        Assert.Contains("全年开展学法活动", text.Replace("\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRET_LINE", text);
        Thread.Sleep(500);
        Assert.True(listener.Connections == 0, string.Join(" | ", listener.Requests));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_browser_listens_on_no_socket_and_its_profile_is_private_and_removed_after()
    {
        var browser = BrowserLocator.Find(null, out _);
        Assert.NotNull(browser);
        var before = Listening();
        string profile;
        await using (var printer = await ChromiumPdfPrinter.StartAsync(browser, 2))
        {
            profile = printer.Profile;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(profile));
            var pids = printer.ProcessIds();
            Assert.NotEmpty(pids);
            // Other browsers may run on the machine (other test runs): only this one's processes count.
            var opened = Listening().Except(before).ToList();
            Assert.DoesNotContain(opened, l => pids.Any(p => l.Contains($"pid={p},", StringComparison.Ordinal)));
        }

        Assert.False(Directory.Exists(profile));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_browser_runs_sandboxed_and_as_root_as_a_user_of_its_own_with_a_private_profile()
    {
        // A variable of reportc's environment (a CI token) that a browser of another user must not be given.
        Environment.SetEnvironmentVariable("REPORTC_TEST_SECRET", "token");
        var browser = BrowserLocator.Find(null, out _);
        Assert.NotNull(browser);
        var page = Path.Combine(TestPaths.NewTempFolder(), "p.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>全年开展学法活动。</p></body></html>");
        var root = Environment.UserName == "root";
        string profile;
        await using (var printer = await ChromiumPdfPrinter.StartAsync(browser, 2))
        {
            profile = printer.Profile;
            Assert.Null(printer.NoSandbox);
            Assert.True(printer.Launch.Sandbox);
            Assert.Equal(root, printer.Launch.Uid is not null);
            Assert.NotEmpty(await printer.PrintAsync(page));

            // Every process of the browser: the user it runs as, never --no-sandbox, and its renderers under
            // seccomp-bpf (Seccomp: 2) in a user namespace of their own: the sandbox is on.
            var own = BrowserUser.Ids(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))![1];
            var expected = printer.Launch.Uid ?? own;
            // (A helper that has just ended, a zombie with no command line left, is read no more.)
            var processes = printer.ProcessIds().Select(pid => (Pid: pid, Status: Status(pid), CommandLine: CommandLine(pid)))
                .Where(p => p.Status.Length > 0 && p.CommandLine.Length > 0 && !p.Status.Contains("State:\tZ", StringComparison.Ordinal)).ToList();
            Assert.True(processes.Count >= 3, string.Join(" | ", processes.Select(p => p.CommandLine)));
            Assert.All(processes, p => Assert.Equal(expected, EffectiveUid(p.Status)));
            Assert.All(processes, p => Assert.DoesNotContain("--no-sandbox", p.CommandLine, StringComparison.Ordinal));
            var renderers = processes.Where(p => p.CommandLine.Contains("--type=renderer", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(renderers);
            Assert.All(renderers, r => Assert.Contains("Seccomp:\t2", r.Status, StringComparison.Ordinal));
            var ourNamespace = new FileInfo("/proc/self/ns/user").LinkTarget;
            Assert.All(renderers, r => Assert.NotEqual(ourNamespace, new FileInfo($"/proc/{r.Pid}/ns/user").LinkTarget));

            if (root)
            {
                // Not root, no account of the machine, and the browser is given none of reportc's environment.
                Assert.InRange(expected, 65000, 65533);
                Assert.DoesNotContain(File.ReadLines("/etc/passwd"), l => l.Split(':') is [_, _, var id, ..] && id == expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var environment = File.ReadAllText($"/proc/{processes[0].Pid}/environ").Split('\0');
                Assert.DoesNotContain(environment, v => v.StartsWith("REPORTC_TEST_SECRET=", StringComparison.Ordinal));
                Assert.Contains($"HOME={profile}", environment);
            }

            // The profile: the browser's own, private, and its temporary files inside it.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(profile));
            Assert.Equal(expected, Owner(profile));
        }

        Assert.False(Directory.Exists(profile));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_browser_that_does_not_start_with_its_sandbox_prints_without_it_and_says_so_once()
    {
        var browser = BrowserLocator.Find(null, out _);
        Assert.NotNull(browser);
        // A browser that ends at once, as Chromium does where its sandbox cannot run, unless told --no-sandbox.
        var folder = TestPaths.NewTempFolder();
        var script = Path.Combine(folder, "no-sandbox-here");
        File.WriteAllText(script, $"#!/bin/sh\ncase \" $* \" in *\" --no-sandbox \"*) exec '{browser}' \"$@\";; esac\necho 'FATAL: No usable sandbox!' >&2\nexit 1\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report("全年开展学法活动。"));

        var (code, _, error) = CliRunner.Run("build", input, "--format", "pdf", "--browser", script, "--lang", "en");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.ChangeExtension(input, ".pdf")));
        Assert.Contains("info RC0805: the browser prints without Chromium's sandbox (--no-sandbox): started with its sandbox", error);
        Assert.Contains("it ended before it was ready (FATAL: No usable sandbox!)", error);
        Assert.Single(error.Split('\n'), l => l.Contains("RC0805", StringComparison.Ordinal));
    }

    // The effective user id of a /proc/PID/status text (Uid: real, effective, saved, file system).
    private static int EffectiveUid(string status) =>
        int.Parse(status.Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal))[4..].Split('\t', ' ').Where(p => p.Length > 0).ElementAt(1), System.Globalization.CultureInfo.InvariantCulture);

    private static string Status(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static int Owner(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var stat = Process.Start(start)!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return int.Parse(owner, System.Globalization.CultureInfo.InvariantCulture);
    }

    // The listening TCP sockets with their processes (ss -ltnp), one a line.
    private static List<string> Listening()
    {
        var start = new ProcessStartInfo("ss", "-ltnpH") { RedirectStandardOutput = true, UseShellExecute = false };
        using var ss = Process.Start(start)!;
        var lines = ss.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        ss.WaitForExit();
        return lines;
    }

    [Fact]
    public void A_pdf_made_with_another_secret_is_printed_again_not_kept_as_unchanged()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report("全年开展学法活动。"));

        // Made elsewhere (a township's machine, which has the same inputs but not the county's secret) and planted.
        var planted = Build(folder, "their secret");
        Assert.Contains("wrote", planted);
        var again = Build(folder, "their secret");
        Assert.Contains("unchanged", again);

        var county = Build(folder, "the county's secret");
        Assert.Contains("wrote", county);
        Assert.Contains("r.pdf", county);
    }

    private static string Build(string folder, string secret)
    {
        var start = new ProcessStartInfo(CliRunner.Executable ?? Path.Combine(AppContext.BaseDirectory, "reportc"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", "r.yaml", "--format", "pdf", "-v" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["REPORTC_PDF_SECRET"] = secret;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error.Result);
        return output.Result + error.Result;
    }
}
