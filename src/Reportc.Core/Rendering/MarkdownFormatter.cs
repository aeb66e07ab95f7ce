using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Reportc.Rendering;

/// <summary>Narrative Markdown to HTML through one Markdig pipeline, built once. Raw HTML is shown as text.</summary>
public sealed class MarkdownFormatter
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>
    /// The HTML of <paramref name="markdown"/> when it is one plain paragraph (which a run-in title can
    /// lead), without the enclosing <c>&lt;p&gt;</c>; null when it is anything else. Parsed once.
    /// </summary>
    public string? InlineParagraph(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        return document.Count == 1 && document[0] is ParagraphBlock ? Render(document, implicitParagraph: true).Trim('\n') : null;
    }

    /// <summary>The HTML of one paragraph's content, without the enclosing <c>&lt;p&gt;</c>.</summary>
    public string Inline(string markdown) => Render(Markdown.Parse(markdown, _pipeline), implicitParagraph: true).Trim('\n');

    /// <summary>The HTML of a Markdown fragment, blocks and all.</summary>
    public string Blocks(string markdown) => Render(Markdown.Parse(markdown, _pipeline), implicitParagraph: false);

    private string Render(MarkdownDocument document, bool implicitParagraph)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = implicitParagraph };
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
