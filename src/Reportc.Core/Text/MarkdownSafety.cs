using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reportc.Text;

/// <summary>
/// What narrative Markdown may publish: links only to http(s), mailto and places in the document; images
/// only as data: URLs (NarrativeImages embeds the report's own image files so, and takes out every other
/// image first: an image on a path or an address would be loaded by whoever opens or prints the report); raw
/// HTML as text. The HTML drops the rest (<see cref="Sanitize"/>, on the parsed document), the .md output
/// gets the same text with the rest taken out (<see cref="ForMarkdown"/>), and a check reports each at its
/// place (Checks.LinkChecks).
/// </summary>
public static class MarkdownSafety
{
    // The narrative's pipeline, with raw HTML recognised and positions kept, to find what must go.
    private static readonly MarkdownPipeline Finder = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    /// <summary>Whether a link to <paramref name="url"/> is kept: http(s), mailto, or a place in the document (#…).</summary>
    public static bool IsAllowed(string? url)
    {
        var u = (url ?? "").Trim();
        return u.StartsWith('#')
            || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A link or an image of <paramref name="markdown"/> that is not published: where it is, and its address.</summary>
    public sealed record Refused(int Start, int Length, string Url, bool Image);

    /// <summary>A link reference definition (<c>[name]: address</c> on a line of its own): where it is, and its name.</summary>
    public sealed record Definition(int Start, int Length, string Label);

    /// <summary>
    /// The links and images of <paramref name="markdown"/> that are not published, and its link reference
    /// definitions, from one parse. The narrative is printed a paragraph at a time, so a definition serves no
    /// [words][name] elsewhere: the words print with their brackets and the definition as a line of text.
    /// </summary>
    public static (List<Refused> Refused, List<Definition> Definitions) Find(string markdown)
    {
        var found = new List<Refused>();
        var definitions = new List<Definition>();
        if (markdown.AsSpan().IndexOfAny('[', '<') < 0)
        {
            return (found, definitions);
        }

        var document = Markdown.Parse(markdown, Finder);
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            definitions.Add(new Definition(definition.Span.Start, definition.Span.Length, definition.Label ?? ""));
        }

        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    found.Add(new Refused(image.Span.Start, image.Span.Length, image.Url ?? "", true));
                    break;
                case LinkInline link when !IsAllowed(link.Url):
                    found.Add(new Refused(link.Span.Start, link.Span.Length, link.Url ?? "", false));
                    break;
                case AutolinkInline auto when !auto.IsEmail && !IsAllowed(auto.Url):
                    found.Add(new Refused(auto.Span.Start, auto.Span.Length, auto.Url, false));
                    break;
            }
        }

        return (found, definitions);
    }

    /// <summary>Whether <paramref name="url"/> is an image the renderer embedded: a data: URL of an allowed type (PNG, JPEG, GIF, WebP).</summary>
    public static bool IsEmbeddedImage(string? url) =>
        url is not null && (url.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
            || url.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal)
            || url.StartsWith("data:image/gif;base64,", StringComparison.Ordinal)
            || url.StartsWith("data:image/webp;base64,", StringComparison.Ordinal));

    /// <summary>Replaces, in the parsed <paramref name="document"/>, each link not allowed by its text and each image by its text.</summary>
    public static void Sanitize(MarkdownDocument document)
    {
        foreach (var inline in document.Descendants<Inline>().ToList())
        {
            switch (inline)
            {
                case LinkInline link when link.IsImage ? !IsEmbeddedImage(link.Url) : !IsAllowed(link.Url):
                    Unwrap(link);
                    break;
                case AutolinkInline auto when !auto.IsEmail && !IsAllowed(auto.Url):
                    auto.ReplaceBy(new LiteralInline(auto.Url));
                    break;
            }
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        var children = container.ToList();
        var anchor = (Inline)container;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        container.Remove();
    }

    /// <summary>
    /// The Markdown as the .md output prints it: a link that is not allowed and an image become their text,
    /// and raw HTML is escaped (<c>\&lt;</c>), as the HTML output shows it, so that a converter such as
    /// pandoc does not take it as markup.
    /// </summary>
    public static string ForMarkdown(string markdown)
    {
        if (markdown.AsSpan().IndexOfAny('[', '<') < 0)
        {
            return markdown;
        }

        var document = Markdown.Parse(markdown, Finder);
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.IsImage ? !IsEmbeddedImage(link.Url) : !IsAllowed(link.Url):
                    var label = link.LabelSpan is { IsEmpty: false } l && l.End < markdown.Length ? ForMarkdown(markdown.Substring(l.Start, l.Length)) : "";
                    edits.Add((link.Span.Start, link.Span.Length, label));
                    break;
                case AutolinkInline auto when !auto.IsEmail && !IsAllowed(auto.Url):
                    edits.Add((auto.Span.Start, 1, "\\<"));
                    break;
                case HtmlInline html:
                    edits.Add((html.Span.Start, 1, "\\<"));
                    break;
                case HtmlBlock block:
                    for (var i = block.Span.Start; i <= block.Span.End && i < markdown.Length; i++)
                    {
                        if (markdown[i] == '<')
                        {
                            edits.Add((i, 1, "\\<"));
                        }
                    }

                    break;
            }
        }

        if (edits.Count == 0)
        {
            return markdown;
        }

        // An edit inside another (an image in a refused link's text) is done by the outer one, whose text is made safe on its own.
        var outer = edits.Where(e => !edits.Any(o => o != e && o.Start <= e.Start && e.Start + e.Length <= o.Start + o.Length && o.Length > e.Length)).ToList();
        var text = new StringBuilder(markdown);
        foreach (var (start, length, replacement) in outer.OrderByDescending(e => e.Start))
        {
            text.Remove(start, length).Insert(start, replacement);
        }

        return text.ToString();
    }
}
