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
