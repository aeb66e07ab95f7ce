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

    /// <summary>Whether <paramref name="markdown"/> is one plain paragraph, which a run-in title can lead.</summary>
    public bool IsParagraph(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        return document.Count == 1 && document[0] is ParagraphBlock;
    }

    /// <summary>The HTML of one paragraph's content, without the enclosing <c>&lt;p&gt;</c>.</summary>
    public string Inline(string markdown) => Render(markdown, implicitParagraph: true).Trim('\n');

    /// <summary>The HTML of a Markdown fragment, blocks and all.</summary>
    public string Blocks(string markdown) => Render(markdown, implicitParagraph: false);

    private string Render(string markdown, bool implicitParagraph)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = implicitParagraph };
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
