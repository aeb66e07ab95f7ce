using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reportc.Loading;

/// <summary>Why an image of the narrative is not printed.</summary>
public enum ImageRefusal
{
    /// <summary>Printed: a file inside the report's folder, embedded as data.</summary>
    None,

    /// <summary>An address (http:, file:, data:…): never loaded.</summary>
    Address,

    /// <summary>Missing, or not a regular file inside the report's folder (one reason for both).</summary>
    MissingOrNotAllowed,

    /// <summary>Larger than <see cref="NarrativeImages.Limit"/>.</summary>
    TooLarge,

    /// <summary>Not a PNG, JPEG, GIF or WebP image.</summary>
    NotAnImage,
}

/// <summary>
/// Images in the narrative (<c>![说明](图1.png)</c>): a PNG, JPEG, GIF or WebP file inside the report's own
/// folder (Loading.ConfinedFile: links resolved and refused when they leave it, only regular files) of at most
/// 2 MB is embedded in the outputs as a <c>data:</c> URL, so that opening or printing a report loads nothing;
/// any other image (an address, a file elsewhere, SVG, which can carry script) is left out as its text, with
/// a warning (Checks.LinkChecks).
/// </summary>
public sealed class NarrativeImages(string folder)
{
    /// <summary>The largest image file embedded.</summary>
    public const long Limit = 2 * 1024 * 1024;

    private static readonly MarkdownPipeline Finder = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    private readonly Dictionary<string, (string? DataUrl, ImageRefusal Why)> _read = new(StringComparer.Ordinal);

    /// <summary>The images of a report at <paramref name="reportPath"/>.</summary>
    public static NarrativeImages For(string reportPath) => new(Path.GetDirectoryName(Path.GetFullPath(reportPath)) ?? ".");

    /// <summary>Whether <paramref name="url"/> is an image embedded by <see cref="Embed"/>: a data: URL of an allowed type.</summary>
    public static bool IsEmbedded(string? url) => Reportc.Text.MarkdownSafety.IsEmbeddedImage(url);

    /// <summary>The image <paramref name="url"/> names, as a data: URL, or why it is not printed.</summary>
    public (string? DataUrl, ImageRefusal Why) Read(string url)
    {
        if (_read.TryGetValue(url, out var known))
        {
            return known;
        }

        var result = ReadFile(url);
        _read[url] = result;
        return result;
    }

    private (string?, ImageRefusal) ReadFile(string url)
    {
        var u = url.Trim();
        // Any scheme (http:, https:, file:, data:, javascript:) or a network path is an address: never loaded.
        if (u.Length == 0 || u.StartsWith("//", StringComparison.Ordinal) || u.StartsWith(@"\\", StringComparison.Ordinal)
            || (u.IndexOf(':') is var colon and > 0 && u.IndexOfAny(['/', '\\']) is var slash && (slash < 0 || colon < slash)))
        {
            return (null, ImageRefusal.Address);
        }

        string name;
        try
        {
            name = Uri.UnescapeDataString(u);
        }
        catch (UriFormatException)
        {
            return (null, ImageRefusal.MissingOrNotAllowed);
        }

        var read = ConfinedFile.Read(folder, name, Limit);
        if (read.Refusal != Refusal.None)
        {
            return (null, read.Refusal == Refusal.TooLarge ? ImageRefusal.TooLarge : ImageRefusal.MissingOrNotAllowed);
        }

        return Type(read.Bytes) is { } type ? ($"data:{type};base64,{Convert.ToBase64String(read.Bytes)}", ImageRefusal.None) : (null, ImageRefusal.NotAnImage);
    }

    /// <summary>The type an image's bytes say they are (PNG, JPEG, GIF, WebP), or null.</summary>
    public static string? Type(ReadOnlySpan<byte> b) =>
        b.Length > 8 && b.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length > 3 && b.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.Length > 6 && (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) ? "image/gif"
        : b.Length > 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    /// <summary>
    /// <paramref name="markdown"/> with each image that is printed pointing at its data: URL, and every other
    /// image replaced by its text: after this, the only images left are the report's own files.
    /// </summary>
    public string Embed(string markdown) => Rewrite(markdown, embed: true);

    /// <summary><paramref name="markdown"/> with every image replaced by its text (a title, a heading).</summary>
    public static string Strip(string markdown) => new NarrativeImages(".").Rewrite(markdown, embed: false);

    private string Rewrite(string markdown, bool embed)
    {
        if (!markdown.Contains("![", StringComparison.Ordinal))
        {
            return markdown;
        }

        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var image in Markdown.Parse(markdown, Finder).Descendants<LinkInline>().Where(l => l.IsImage))
        {
            if (embed && Read(image.Url ?? "") is ({ } data, _) && !image.UrlSpan.IsEmpty && image.UrlSpan.End < markdown.Length)
            {
                edits.Add((image.UrlSpan.Start, image.UrlSpan.Length, data));
            }
            else
            {
                var label = image.LabelSpan is { IsEmpty: false } l && l.End < markdown.Length ? markdown.Substring(l.Start, l.Length) : "";
                edits.Add((image.Span.Start, image.Span.Length, label));
            }
        }

        // An image inside another's text (![![a](x)](y)) goes with the outer one.
        var outer = edits.Where(e => !edits.Any(o => o != e && o.Start <= e.Start && e.Start + e.Length <= o.Start + o.Length && o.Length > e.Length)).ToList();
        var text = new StringBuilder(markdown);
        foreach (var (start, length, replacement) in outer.OrderByDescending(e => e.Start))
        {
            text.Remove(start, length).Insert(start, replacement);
        }

        return text.ToString();
    }
}
