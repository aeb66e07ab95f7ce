using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Reportc.Pdf;

/// <summary>
/// Prints HTML files to PDF with one headless Chromium for a whole batch: the browser starts once, and a
/// few tabs print the documents, each tab one document after another.
/// </summary>
public sealed partial class ChromiumPdfPrinter : IAsyncDisposable
{
    private readonly Process _browser;
    private readonly DevToolsConnection _devTools;
    private readonly string _profile;
    private readonly SemaphoreSlim _tabs;
    private readonly System.Collections.Concurrent.ConcurrentStack<Tab> _idle = new();

    private readonly CancellationToken _cancel;

    private ChromiumPdfPrinter(Process browser, DevToolsConnection devTools, string profile, int tabs, CancellationToken cancel)
    {
        _cancel = cancel;
        _browser = browser;
        _devTools = devTools;
        _profile = profile;
        _tabs = new SemaphoreSlim(tabs, tabs);
    }

    /// <summary>How many browsers this process has started: a batch starts one.</summary>
    public static int Launches => s_launches;

    private static int s_launches;

    /// <summary>Starts the browser at <paramref name="executable"/> and connects to it.</summary>
    public static async Task<ChromiumPdfPrinter> StartAsync(string executable, int tabs, CancellationToken cancel = default)
    {
        var profile = Path.Combine(Path.GetTempPath(), "reportc-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(profile))
        {
            start.ArgumentList.Add(argument);
        }

        var browser = Process.Start(start) ?? throw new IOException($"could not start {executable}");
        Interlocked.Increment(ref s_launches);
        _ = browser.StandardOutput.ReadToEndAsync(cancel);
        DevToolsConnection? devTools = null;
        try
        {
            var endpoint = await ReadEndpoint(browser, cancel).ConfigureAwait(false);
            devTools = await DevToolsConnection.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
            var printer = new ChromiumPdfPrinter(browser, devTools, profile, Math.Max(1, tabs), cancel);

            // The tabs are opened together, before the first document needs one.
            foreach (var tab in await Task.WhenAll(Enumerable.Range(0, Math.Max(1, tabs)).Select(_ => printer.OpenTabAsync())).ConfigureAwait(false))
            {
                printer._idle.Push(tab);
            }

            return printer;
        }
        catch
        {
            if (devTools is not null)
            {
                await devTools.DisposeAsync().ConfigureAwait(false);
            }

            Stop(browser, profile);
            throw;
        }
    }

    /// <summary>Prints the HTML file at <paramref name="htmlPath"/>, its own <c>@page</c> rules deciding the paper.</summary>
    public async Task<byte[]> PrintAsync(string htmlPath)
    {
        await _tabs.WaitAsync().ConfigureAwait(false);
        Tab? tab = null;
        var reusable = false;
        try
        {
            tab = _idle.TryPop(out var idle) ? idle : await OpenTabAsync().ConfigureAwait(false);
            var loaded = _devTools.WaitForEvent("Page.loadEventFired", tab.Session);
            await _devTools.SendAsync("Page.navigate", w => w.WriteString("url", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri), tab.Session).ConfigureAwait(false);
            await loaded.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);

            // Lay out for print, with the fonts loaded, before the page is measured and printed.
            await _devTools.SendAsync("Runtime.evaluate", w =>
            {
                w.WriteString("expression", "document.fonts.ready.then(() => { if (typeof window.reportcPrintLayout === 'function') { window.reportcPrintLayout(); } return true; })");
                w.WriteBoolean("awaitPromise", true);
            }, tab.Session).ConfigureAwait(false);
            var pdf = await _devTools.SendAsync("Page.printToPDF", w =>
            {
                w.WriteBoolean("printBackground", true);
                w.WriteBoolean("preferCSSPageSize", true);
                w.WriteBoolean("displayHeaderFooter", false);
                w.WriteBoolean("generateTaggedPDF", true);
            }, tab.Session, TimeSpan.FromSeconds(120)).ConfigureAwait(false);
            reusable = true;
            return Convert.FromBase64String(pdf.GetProperty("data").GetString()!);
        }
        finally
        {
            if (tab is not null && reusable)
            {
                _idle.Push(tab);
            }
            else if (tab is not null)
            {
                // A tab that failed is not trusted with the next document.
                await _devTools.SendAsync("Target.closeTarget", w => w.WriteString("targetId", tab.Target)).ConfigureAwait(false);
            }

            _tabs.Release();
        }
    }

    // A tab is kept for the next document: its renderer process, fonts and caches are already up, which
    // a new tab would start again for every document.
    private async Task<Tab> OpenTabAsync()
    {
        var created = await _devTools.SendAsync("Target.createTarget", w => w.WriteString("url", "about:blank")).ConfigureAwait(false);
        var target = created.GetProperty("targetId").GetString()!;
        var attached = await _devTools.SendAsync("Target.attachToTarget", w =>
        {
            w.WriteString("targetId", target);
            w.WriteBoolean("flatten", true);
        }).ConfigureAwait(false);
        var session = attached.GetProperty("sessionId").GetString()!;
        await _devTools.SendAsync("Page.enable", session: session).ConfigureAwait(false);
        await _devTools.SendAsync("Emulation.setEmulatedMedia", w => w.WriteString("media", "print"), session).ConfigureAwait(false);
        return new Tab(target, session);
    }

    private sealed record Tab(string Target, string Session);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Stopped (Ctrl+C, SIGTERM): a short wait, then the browser is killed with its child processes.
            await _devTools.SendAsync("Browser.close", timeout: TimeSpan.FromSeconds(_cancel.IsCancellationRequested ? 1 : 5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Closing anyway.
        }

        await _devTools.DisposeAsync().ConfigureAwait(false);
        Stop(_browser, _profile, _cancel.IsCancellationRequested ? 1000 : 3000);
        _tabs.Dispose();
    }

    // Headless, no first-run, no background traffic, a fresh profile, the DevTools port chosen by the browser.
    private static IEnumerable<string> Arguments(string profile)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-sync";
        yield return "--disable-extensions";
        yield return "--disable-dev-shm-usage";
        yield return "--hide-scrollbars";
        yield return "--mute-audio";
        yield return $"--user-data-dir={profile}";
        yield return "--remote-debugging-port=0";
        if (OperatingSystem.IsLinux() && Environment.UserName == "root")
        {
            // Chromium refuses to run its sandbox as root (CI containers).
            yield return "--no-sandbox";
        }

        yield return "about:blank";
    }

    private static async Task<Uri> ReadEndpoint(Process browser, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        while (await browser.StandardError.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (Endpoint().Match(line) is { Success: true } match)
            {
                _ = Task.Run(() => browser.StandardError.ReadToEndAsync(CancellationToken.None), CancellationToken.None);
                return new Uri(match.Groups[1].Value);
            }

            seen.Add(line);
        }

        throw new BrowserExitedException(string.Join(" | ", seen.TakeLast(3)));
    }

    private static void Stop(Process browser, string profile, int wait = 3000)
    {
        try
        {
            if (!browser.WaitForExit(wait))
            {
                browser.Kill(entireProcessTree: true);
                browser.WaitForExit(3000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        browser.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in the temp folder is harmless.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Endpoint();
}

/// <summary>The browser ended before it said where its DevTools endpoint is; <see cref="Output"/> is its last lines, if any.</summary>
public sealed class BrowserExitedException(string output) : IOException("the browser exited before it was ready" + (output.Length > 0 ? ": " + output : ""))
{
    public string Output { get; } = output;
}
