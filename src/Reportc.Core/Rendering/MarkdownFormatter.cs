using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Reportc.Text;

namespace Reportc.Rendering;

/// <summary>
/// Narrative Markdown to HTML through one Markdig pipeline, built once. Raw HTML is shown as text; emphasis
/// follows the CJK-friendly amendment (<c>**健全领导机制。**镇党委</c> is bold: <see cref="CjkEmphasis"/>).
/// </summary>
public sealed class MarkdownFormatter
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    // One renderer a thread, kept: a new one builds its ~20 object renderers and learns again which
    // renders which node type, which cost more than rendering a paragraph.
    private readonly ThreadLocal<ReusedRenderer> _renderers;

    public MarkdownFormatter() => _renderers = new(() =>
    {
        var renderer = new ReusedRenderer(new StringWriter { NewLine = "\n" });
        _pipeline.Setup(renderer);
        return renderer;
    });

    /// <summary>
    /// The HTML of <paramref name="markdown"/> when it is one plain paragraph (which a run-in title can
    /// lead), without the enclosing <c>&lt;p&gt;</c>; null when it is anything else. Parsed once.
    /// </summary>
    public string? InlineParagraph(string markdown)
    {
        if (IsPlainText(markdown))
        {
            return markdown;
        }

        var document = Parse(markdown);
        return document.Count == 1 && document[0] is ParagraphBlock ? Render(document, implicitParagraph: true).Trim('\n') : null;
    }

    /// <summary>The HTML of one paragraph's content, without the enclosing <c>&lt;p&gt;</c>.</summary>
    public string Inline(string markdown) =>
        IsPlainText(markdown) ? markdown : Render(Parse(markdown), implicitParagraph: true).Trim('\n');

    /// <summary>
    /// True when <paramref name="text"/> is one line in which Markdown finds nothing to do, so its HTML is
    /// the text itself: Chinese text, letters, digits and a few marks that start no Markdown construct and
    /// need no escaping. Most narrative paragraphs and run-in titles are such text and skip the parser.
    /// </summary>
    internal static bool IsPlainText(string text)
    {
        if (text.Length == 0 || !(text[0] > '\u007F' || char.IsAsciiLetter(text[0])) || text[^1] == ' ')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var plain = c > '\u007F'
                ? !char.IsWhiteSpace(c) && !char.IsControl(c) && !char.IsSurrogate(c)
                : char.IsAsciiLetterOrDigit(c) || c is '%' or ',' or '.' or ':' or ';' or '?' or '/' or '(' or ')' or '-' or '+' or '='
                    || (c == ' ' && text[i + 1] != ' ');
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The HTML of a Markdown fragment, blocks and all.</summary>
    public string Blocks(string markdown) => Render(Parse(markdown), implicitParagraph: false);

    // Links only to http(s), mailto and the document itself; no images (MarkdownSafety). The Word output reads the same tree.
    internal MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        MarkdownSafety.Sanitize(document);
        return document;
    }

    private string Render(MarkdownDocument document, bool implicitParagraph)
    {
        var renderer = _renderers.Value!;
        renderer.Restart();
        renderer.ImplicitParagraph = implicitParagraph;
        renderer.Render(document);
        renderer.Writer.Flush();
        return renderer.Writer.ToString()!;
    }

    /// <summary>Markdig's renderer with its reset (output and line state emptied) callable between documents.</summary>
    private sealed class ReusedRenderer(StringWriter writer) : HtmlRenderer(writer)
    {
        public void Restart() => Reset();
    }
}
