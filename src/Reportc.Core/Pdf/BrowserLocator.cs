namespace Reportc.Pdf;

/// <summary>
/// Finds a locally installed Chromium, Chrome or Edge: the path the user named (<c>--browser</c>, or the
/// <c>REPORTC_BROWSER</c> environment variable), else the usual names on PATH and install locations.
/// Never downloads anything.
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "REPORTC_BROWSER";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];

    // For tests: the places to look instead of PATH and the usual locations (a machine without a browser).
    private static readonly AsyncLocal<IReadOnlyList<string>?> Override = new();

    /// <summary>For tests: look only in <paramref name="places"/>, and ignore the environment variable.</summary>
    internal static IDisposable LookOnlyIn(IReadOnlyList<string> places)
    {
        Override.Value = places;
        return new Reset();
    }

    /// <summary>The browser to use, or null; <paramref name="tried"/> lists where it looked, for the message.</summary>
    public static string? Find(string? named, out IReadOnlyList<string> tried)
    {
        var places = new List<string>();
        tried = places;
        named ??= Override.Value is null && Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv : null;
        if (named is not null)
        {
            places.Add(named);
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        }

        foreach (var candidate in Override.Value ?? Candidates())
        {
            places.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe" } : [""];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                foreach (var ext in extensions)
                {
                    yield return Path.Combine(dir, name + ext);
                }
            }
        }

        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { "ProgramFiles", "ProgramFiles(x86)", "LocalAppData" }.Select(Environment.GetEnvironmentVariable).OfType<string>())
            {
                yield return Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe");
                yield return Path.Combine(root, "Chromium", "Application", "chrome.exe");
                yield return Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe");
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
            yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
        }
        else
        {
            yield return "/usr/bin/chromium";
            yield return "/usr/bin/chromium-browser";
            yield return "/usr/bin/google-chrome";
            yield return "/usr/bin/google-chrome-stable";
            yield return "/snap/bin/chromium";
            yield return "/opt/google/chrome/chrome";
        }
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Override.Value = null;
    }
}
