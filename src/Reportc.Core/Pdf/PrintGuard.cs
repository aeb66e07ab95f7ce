using System.Collections.Concurrent;
using System.Text.Json;

namespace Reportc.Pdf;

/// <summary>
/// What a page being printed may load: itself, and what it carries (data: URLs, which never make a
/// request). Each document is served from memory under an address of its own that no network knows
/// (<c>https://print.reportc.invalid/…</c>), with a Content-Security-Policy header; every other request
/// the page or a frame of it makes (a file:// path, an http(s) address, a second fetch of itself) is failed
/// in DevTools (the Fetch domain) before it leaves the browser. A kind template's iframe on a local file,
/// a Markdown image on a local path or on a web address: none of them reaches the PDF, and nothing waits on
/// a host that never answers.
/// </summary>
internal sealed class PrintGuard
{
    /// <summary>
    /// The policy of a printed page: nothing from anywhere, but its own inline styles and scripts (the print
    /// layout script) and data: images and fonts.
    /// </summary>
    public const string Policy =
        "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private const string Origin = "https://print.reportc.invalid/";

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _refused = new();

    /// <summary>The parameters of <c>Fetch.enable</c>: every request, at its start.</summary>
    public static void EveryRequest(Utf8JsonWriter w)
    {
        w.WriteStartArray("patterns");
        w.WriteStartObject();
        w.WriteString("urlPattern", "*");
        w.WriteString("requestStage", "Request");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>The address under which <paramref name="htmlPath"/> is served, until <see cref="Forget"/>.</summary>
    public string Serve(string htmlPath)
    {
        var url = $"{Origin}{Guid.NewGuid():N}.html";
        _documents[url] = htmlPath;
        return url;
    }

    public void Forget(string url) => _documents.TryRemove(url, out _);

    /// <summary>The file to answer <paramref name="url"/> with, or null when the request must fail.</summary>
    public string? Document(string url) => _documents.TryGetValue(url, out var path) ? path : null;

    public void Refused(string url)
    {
        _refused.Enqueue(url.Length > 200 ? url[..200] : url);
        while (_refused.Count > 1000 && _refused.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyCollection<string> RefusedUrls => _refused;

    /// <summary>The parameters of <c>Fetch.fulfillRequest</c>: the document's bytes, as HTML, with the policy.</summary>
    public static void Fulfil(Utf8JsonWriter w, string requestId, string htmlPath)
    {
        w.WriteString("requestId", requestId);
        w.WriteNumber("responseCode", 200);
        w.WriteStartArray("responseHeaders");
        foreach (var (name, value) in new[] { ("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", Policy), ("Cache-Control", "no-store") })
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBase64String("body", File.ReadAllBytes(htmlPath));
    }
}
