using System.Diagnostics;
using System.Text.RegularExpressions;
using Reportc.Output;

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
        _watchdog = Task.Run(Watch);
    }

    private readonly Task _watchdog;
    private readonly CancellationTokenSource _disposed = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Tab> _tabsBySession = new(StringComparer.Ordinal);

    /// <summary>How many browsers this process has started: a batch starts one.</summary>
    public static int Launches => s_launches;

    private static int s_launches;

    /// <summary>How the browser was started: as which user, and whether its sandbox is on.</summary>
    public BrowserLaunch Launch { get; private set; } = new(null, true);

    /// <summary>
    /// When the browser runs without its sandbox: why (what the sandboxed browser said when it ended before it
    /// was ready, or that root's browser could not be started as another user); else null.
    /// </summary>
    public SandboxOff? NoSandbox { get; private set; }

    /// <summary>
    /// Starts the browser at <paramref name="executable"/> and connects to it: with its sandbox on, as a user
    /// of its own when reportc runs as root (<see cref="BrowserUser"/>); only when that browser ends before it
    /// is ready is it started the next way, and at last without the sandbox (<see cref="NoSandbox"/> says why).
    /// </summary>
    public static async Task<ChromiumPdfPrinter> StartAsync(string executable, int tabs, CancellationToken cancel = default)
    {
        var pipe = !OperatingSystem.IsWindows() && File.Exists(Shell);
        var plans = BrowserUser.Plans(pipe, out var setpriv, out var noUser);
        BrowserExitedException? first = null;
        for (var i = 0; ; i++)
        {
            try
            {
                var printer = await StartAsync(executable, tabs, pipe, plans[i], setpriv, cancel).ConfigureAwait(false);
                printer.Launch = plans[i];
                printer.NoSandbox = plans[i].Sandbox ? null : new SandboxOff(plans[0], first?.Output, noUser);
                return printer;
            }
            catch (BrowserExitedException e) when (i + 1 < plans.Count && !cancel.IsCancellationRequested)
            {
                first ??= e;
            }
        }
    }

    private static async Task<ChromiumPdfPrinter> StartAsync(string executable, int tabs, bool pipe, BrowserLaunch launch, string? setpriv, CancellationToken cancel)
    {
        var profile = PrivateFolder.Create("reportc-browser-");
        if (launch.Uid is { } owner && !BrowserUser.Give(profile, owner))
        {
            Leftovers.Delete(profile);
            throw new BrowserExitedException($"the profile could not be given to user {owner}");
        }

        var start = new ProcessStartInfo(pipe ? Shell : executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = pipe,
            UseShellExecute = false,
        };
        if (pipe)
        {
            // The DevTools pipe is the browser's fd 3 (commands in) and fd 4 (replies out): the shell hands it
            // our standard input and output there and replaces itself with the browser. No socket listens.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>/dev/null");
            if (launch.Uid is { } uid && setpriv is not null)
            {
                // Root's browser runs as a user of its own (BrowserUser), with no supplementary groups; the
                // DevTools pipe's descriptors stay open across setpriv.
                start.ArgumentList.Add(setpriv);
                start.ArgumentList.Add($"--reuid={uid.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                start.ArgumentList.Add($"--regid={uid.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                start.ArgumentList.Add("--clear-groups");
                start.ArgumentList.Add("--");
            }

            start.ArgumentList.Add(executable);
        }

        if (launch.Uid is not null)
        {
            // Only what the browser needs of reportc's environment: a CI job's variables (tokens) are not handed to a
            // process of another user. Its home is the profile (root's is closed to it).
            var keep = new[] { "PATH", "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "TZ" }
                .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
                .Where(v => v.value is not null)
                .ToList();
            start.Environment.Clear();
            foreach (var (name, value) in keep)
            {
                start.Environment[name] = value;
            }

            start.Environment["HOME"] = profile;
        }

        foreach (var argument in Arguments(profile, pipe, launch.Sandbox))
        {
            start.ArgumentList.Add(argument);
        }

        // Chromium's own temporary files (shared memory under --disable-dev-shm-usage, the folder of its
        // singleton socket) go into the profile, which is removed with it even when the browser was killed.
        // Only where the socket's path stays within the 107 bytes a Unix socket's address may have (a
        // temporary folder of up to about 25 characters): else Chromium does not start, and its files go
        // into the temporary folder as before.
        var own = Path.Combine(profile, "t");
        if (!OperatingSystem.IsWindows() && System.Text.Encoding.UTF8.GetByteCount(own) + "/org.chromium.Chromium.XXXXXX/SingletonSocket".Length <= 107)
        {
            start.Environment["TMPDIR"] = Directory.CreateDirectory(own).FullName;
            if (launch.Uid is { } uid)
            {
                BrowserUser.Give(own, uid);
            }
        }
        else if (launch.Uid is not null)
        {
            start.Environment["TMPDIR"] = profile;
        }

        // One locale whatever the user's: the fonts Chromium falls back to for a character depend on the
        // language fontconfig is told (measured: 17 Type 3 fonts under LANG=C.UTF-8, 50+ under zh_CN.UTF-8).
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment.Remove("LANGUAGE");
        start.Environment.Remove("FC_LANG");

        var browser = Process.Start(start) ?? throw new IOException($"could not start {executable}");
        Leftovers.Track(browser);
        Interlocked.Increment(ref s_launches);
        DevToolsConnection? devTools = null;
        ChromiumPdfPrinter? printer = null;
        try
        {
            if (pipe)
            {
                var errors = CollectErrors(browser);
                devTools = DevToolsConnection.OverPipe(browser.StandardInput.BaseStream, browser.StandardOutput.BaseStream);
                try
                {
                    await devTools.SendAsync("Browser.getVersion", timeout: TimeSpan.FromSeconds(30), cancel: cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or TimeoutException)
                {
                    browser.WaitForExit(2000);
                    throw new BrowserExitedException(string.Join(" | ", errors.TakeLast(3)));
                }
            }
            else
            {
                _ = browser.StandardOutput.ReadToEndAsync(cancel);
                var endpoint = await ReadEndpoint(browser, cancel).ConfigureAwait(false);
                devTools = await DevToolsConnection.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
            }

            // The browser's end is noticed at once, not when the next command waits in vain.
            browser.EnableRaisingEvents = true;
            var connection = devTools;
            connection.Explain = () => browser.WaitForExit(500) ? Ended(browser) : null;
            browser.Exited += (_, _) => connection.End(Ended(browser));
            if (browser.HasExited)
            {
                connection.End(Ended(browser));
            }

            printer = new ChromiumPdfPrinter(browser, devTools, profile, Math.Max(1, tabs), cancel);
            devTools.On("Fetch.requestPaused", printer.OnRequest);
            devTools.On("Inspector.targetCrashed", printer.OnCrashed);

            // The tabs are opened together, before the first document needs one.
            foreach (var tab in await Task.WhenAll(Enumerable.Range(0, Math.Max(1, tabs)).Select(_ => printer.OpenTabAsync(cancel))).ConfigureAwait(false))
            {
                printer._idle.Push(tab);
            }

            return printer;
        }
        catch
        {
            if (printer is not null)
            {
                await printer.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                if (devTools is not null)
                {
                    await devTools.DisposeAsync().ConfigureAwait(false);
                }

                Stop(browser, profile);
            }

            throw;
        }
    }

    private const string Shell = "/bin/sh";

    // The browser's last lines on standard error, kept for the message when it does not start.
    private static System.Collections.Concurrent.ConcurrentQueue<string> CollectErrors(Process browser)
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _ = Task.Run(async () =>
        {
            while (await browser.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lines.Enqueue(line);
                while (lines.Count > 20 && lines.TryDequeue(out _))
                {
                }
            }
        });
        return lines;
    }

    /// <summary>
    /// Prints the HTML file at <paramref name="htmlPath"/>, its own <c>@page</c> rules deciding the paper. Every
    /// wait has a deadline; <paramref name="cancel"/> ends it with <see cref="OperationCanceledException"/>, and a
    /// browser that is gone (or stopped, or no longer answering) with <see cref="BrowserGoneException"/> at once.
    /// </summary>
    public async Task<byte[]> PrintAsync(string htmlPath, CancellationToken cancel = default)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel, _devTools.Closed);
        try
        {
            await _tabs.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new BrowserGoneException(_devTools.EndReason ?? "");
        }

        Tab? tab = null;
        var reusable = false;
        try
        {
            tab = _idle.TryPop(out var idle) ? idle : await OpenTabAsync(wait.Token).ConfigureAwait(false);
            using var page = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, tab.Crashed.Token);
            var loaded = _devTools.WaitForEvent("Page.loadEventFired", tab.Session);
            // The page is served from memory under an address of its own, with a Content-Security-Policy:
            // every other request it makes (a file, the network) fails (PrintGuard).
            var url = _guard.Serve(htmlPath);
            try
            {
                await _devTools.SendAsync("Page.navigate", w => w.WriteString("url", url), tab.Session, cancel: page.Token).ConfigureAwait(false);
                await loaded.WaitAsync(TimeSpan.FromSeconds(60), page.Token).ConfigureAwait(false);
            }
            finally
            {
                _guard.Forget(url);
            }

            // Lay out for print, with the fonts loaded, before the page is measured and printed.
            await _devTools.SendAsync("Runtime.evaluate", w =>
            {
                w.WriteString("expression", "document.fonts.ready.then(() => { if (typeof window.reportcPrintLayout === 'function') { window.reportcPrintLayout(); } return true; })");
                w.WriteBoolean("awaitPromise", true);
            }, tab.Session, cancel: page.Token).ConfigureAwait(false);
            var pdf = await _devTools.SendAsync("Page.printToPDF", w =>
            {
                w.WriteBoolean("printBackground", true);
                w.WriteBoolean("preferCSSPageSize", true);
                w.WriteBoolean("displayHeaderFooter", false);
                w.WriteBoolean("generateTaggedPDF", true);
            }, tab.Session, TimeSpan.FromSeconds(120), page.Token).ConfigureAwait(false);
            reusable = true;
            return Convert.FromBase64String(pdf.GetProperty("data").GetString()!);
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException && !cancel.IsCancellationRequested)
        {
            if (_devTools.Closed.IsCancellationRequested)
            {
                throw new BrowserGoneException(_devTools.EndReason ?? "");
            }

            if (tab?.Crashed.IsCancellationRequested == true)
            {
                throw new IOException("the page's renderer process ended (it crashed or was killed)", e);
            }

            throw;
        }
        finally
        {
            if (tab is not null && reusable)
            {
                _idle.Push(tab);
            }
            else if (tab is not null)
            {
                // A tab that failed is not trusted with the next document; it is closed in the background, and
                // nothing waits for that.
                _tabsBySession.TryRemove(tab.Session, out _);
                _ = CloseTabAsync(tab);
            }

            _tabs.Release();
        }
    }

    private async Task CloseTabAsync(Tab tab)
    {
        try
        {
            await _devTools.SendAsync("Target.closeTarget", w => w.WriteString("targetId", tab.Target), timeout: TimeSpan.FromSeconds(10), cancel: _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser is gone or busy; the tab goes with it.
        }
    }

    // A tab is kept for the next document: its renderer process, fonts and caches are already up, which
    // a new tab would start again for every document.
    private async Task<Tab> OpenTabAsync(CancellationToken cancel)
    {
        var created = await _devTools.SendAsync("Target.createTarget", w => w.WriteString("url", "about:blank"), cancel: cancel).ConfigureAwait(false);
        var target = created.GetProperty("targetId").GetString()!;
        var attached = await _devTools.SendAsync("Target.attachToTarget", w =>
        {
            w.WriteString("targetId", target);
            w.WriteBoolean("flatten", true);
        }, cancel: cancel).ConfigureAwait(false);
        var session = attached.GetProperty("sessionId").GetString()!;
        var tab = new Tab(target, session);
        _tabsBySession[session] = tab;
        await _devTools.SendAsync("Inspector.enable", session: session, cancel: cancel).ConfigureAwait(false);
        await _devTools.SendAsync("Page.enable", session: session, cancel: cancel).ConfigureAwait(false);
        await _devTools.SendAsync("Emulation.setEmulatedMedia", w => w.WriteString("media", "print"), session, cancel: cancel).ConfigureAwait(false);
        await _devTools.SendAsync("Fetch.enable", PrintGuard.EveryRequest, session, cancel: cancel).ConfigureAwait(false);
        return tab;
    }

    // A tab's renderer that crashed (or was killed) fails that tab's document at once.
    private void OnCrashed(System.Text.Json.JsonElement parameters, string session)
    {
        if (_tabsBySession.TryGetValue(session, out var tab))
        {
            tab.Crashed.Cancel();
        }
    }

    private sealed record Tab(string Target, string Session)
    {
        public CancellationTokenSource Crashed { get; } = new();
    }

    /// <summary>Whether the browser is gone (ended, stopped or not answering): nothing more can be printed.</summary>
    public bool IsGone => _devTools.Closed.IsCancellationRequested;

    /// <summary>Why the browser is gone, once it is.</summary>
    public string? GoneReason => _devTools.EndReason;

    // Watches the browser while the batch runs: a process that ended, was stopped (SIGSTOP) or does not
    // answer a DevTools call within 20 s ends the connection, and with it every wait.
    private async Task Watch()
    {
        var stoppedSince = (DateTime?)null;
        var lastPing = DateTime.UtcNow;
        try
        {
            while (!_disposed.IsCancellationRequested && !_devTools.Closed.IsCancellationRequested)
            {
                await Task.Delay(250, _disposed.Token).ConfigureAwait(false);
                if (_browser.HasExited)
                {
                    _devTools.End(Ended(_browser));
                    return;
                }

                if (IsStopped(_browser.Id))
                {
                    stoppedSince ??= DateTime.UtcNow;
                    if (DateTime.UtcNow - stoppedSince > TimeSpan.FromSeconds(2))
                    {
                        Fail("the browser was stopped (SIGSTOP) and did not go on; it was ended");
                        return;
                    }

                    continue;
                }

                stoppedSince = null;
                if (DateTime.UtcNow - lastPing > TimeSpan.FromSeconds(5))
                {
                    try
                    {
                        await _devTools.SendAsync("Browser.getVersion", timeout: TimeSpan.FromSeconds(20), cancel: _disposed.Token).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        Fail("the browser did not answer for 20 s; it was ended");
                        return;
                    }

                    lastPing = DateTime.UtcNow;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // Disposed, or the connection ended (which is what is watched for).
        }
    }

    private void Fail(string reason)
    {
        _devTools.End(reason);
        try
        {
            _browser.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    // Linux: the process's state in /proc is T (stopped by a signal) or t (stopped by a debugger).
    private static bool IsStopped(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..];
            return state.Length > 0 && state[0] is 'T' or 't';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Ended(Process browser)
    {
        try
        {
            var code = browser.ExitCode;
            return code > 128 && !OperatingSystem.IsWindows() ? $"the browser was killed (signal {code - 128})" : $"the browser ended (exit code {code})";
        }
        catch (InvalidOperationException)
        {
            return "the browser ended";
        }
    }


    private readonly PrintGuard _guard = new();

    /// <summary>Every request of a page stops here: the document being printed is answered from memory, anything else fails.</summary>
    private void OnRequest(System.Text.Json.JsonElement parameters, string session) =>
        _ = Task.Run(async () =>
        {
            try
            {
                var id = parameters.GetProperty("requestId").GetString() ?? "";
                var url = parameters.GetProperty("request").GetProperty("url").GetString() ?? "";
                if (_guard.Document(url) is { } page)
                {
                    await _devTools.SendAsync("Fetch.fulfillRequest", w => PrintGuard.Fulfil(w, id, page), session).ConfigureAwait(false);
                }
                else
                {
                    _guard.Refused(url);
                    await _devTools.SendAsync("Fetch.failRequest", w =>
                    {
                        w.WriteString("requestId", id);
                        w.WriteString("errorReason", "BlockedByClient");
                    }, session).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or KeyNotFoundException or OperationCanceledException)
            {
                // The tab or the browser went away; its page is not printed.
            }
        });

    /// <summary>The browser's private profile folder (0700), removed when the printer is disposed.</summary>
    internal string Profile => _profile;

    /// <summary>The browser's process and its descendants (Linux: from /proc), for tests.</summary>
    internal IReadOnlyList<int> ProcessIds()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.Exists("/proc") ? Directory.GetDirectories("/proc") : [])
        {
            try
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && File.ReadAllText(Path.Combine(dir, "stat")) is var stat
                    && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is [_, var ppid, ..])
                {
                    parents[pid] = int.Parse(ppid, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        var found = new List<int> { _browser.Id };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(parents.Where(p => p.Value == found[i]).Select(p => p.Key));
        }

        return found;
    }

    /// <summary>The addresses the printed pages asked for and did not get, for tests and --verbose.</summary>
    internal IReadOnlyCollection<string> RefusedRequests => _guard.RefusedUrls;

    public async ValueTask DisposeAsync()
    {
        if (!_devTools.Closed.IsCancellationRequested)
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
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        await _devTools.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _watchdog.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ended with the printer.
        }

        Stop(_browser, _profile, _cancel.IsCancellationRequested || IsStopped(_browser.Id) ? 1000 : 3000);
    }

    // Headless, no first-run, no background traffic, a fresh profile, the DevTools port chosen by the browser.
    private static IEnumerable<string> Arguments(string profile, bool pipe, bool sandbox)
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

        // No network at all: the page is served from memory and every request is failed in DevTools
        // (PrintGuard), but the browser opens connections of its own before any request (preconnects for
        // the addresses a page names). Every connection goes to a proxy that is not there, loopback too.
        yield return "--proxy-server=127.0.0.1:9";
        yield return "--proxy-bypass-list=<-loopback>";
        yield return "--dns-prefetch-disable";
        yield return pipe ? "--remote-debugging-pipe" : "--remote-debugging-port=0";
        if (!sandbox)
        {
            // Only when the browser did not start with it (ChromiumPdfPrinter.NoSandbox says why).
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
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        Leftovers.Untrack(browser);
        browser.Dispose();
        // The browser's child processes may still be writing into the profile for a moment after it ends.
        Leftovers.Delete(profile);
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Endpoint();
}

/// <summary>
/// Why the browser runs without its sandbox: started as <paramref name="Tried"/> it ended before it was ready,
/// saying <paramref name="Said"/>; or, <paramref name="NoUser"/>, reportc runs as root and could not start it as
/// another user (no setpriv, or no free user id).
/// </summary>
public sealed record SandboxOff(BrowserLaunch Tried, string? Said, bool NoUser);

/// <summary>The browser is gone (ended, killed, stopped or no longer answering) before a document was printed; <see cref="Reason"/> says which.</summary>
public sealed class BrowserGoneException(string reason) : IOException(reason.Length > 0 ? reason : "the browser ended")
{
    public string Reason => Message;
}

/// <summary>The browser ended before it said where its DevTools endpoint is; <see cref="Output"/> is its last lines, if any.</summary>
public sealed class BrowserExitedException(string output) : IOException("the browser exited before it was ready" + (output.Length > 0 ? ": " + output : ""))
{
    public string Output { get; } = output;
}
