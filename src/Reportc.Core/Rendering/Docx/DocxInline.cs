using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Reportc.Rendering.Docx.DocxXml;

using Reportc.Loading;

namespace Reportc.Rendering.Docx;

/// <summary>
/// A laid-out paragraph's Markdown as Word runs: plain, bold, italic. A run-in lead takes the look its
/// level has in the PDF (（一） 楷体, 1. and （1） 仿宋 regular, 一是 bold), read from the HTML's class.
/// </summary>
internal sealed partial class DocxInline(MarkdownFormatter markdown)
{
    /// <summary>The images of the narrative (NarrativeImages embedded them as data: URLs), for the package's media.</summary>
    public List<DocxImage> Images { get; } = [];

    public string Runs(string md, string html = "")
    {
        var classes = new Queue<string>(StrongTag().Matches(html).Select(m => m.Groups[1].Value));
        var sb = new StringBuilder();
        var document = markdown.Parse(md);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is { } inline)
            {
                Inlines(inline, sb, bold: false, italic: false, lead: null, classes);
            }
        }

        return sb.ToString();
    }

    /// <summary>The paragraphs of a Markdown block (a list, a quote): each leaf with its list marker as text.</summary>
    public IEnumerable<string> BlockParagraphs(string md)
    {
        var document = markdown.Parse(md);
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null)
            {
                continue;
            }

            var sb = new StringBuilder();
            if (leaf.Parent is ListItemBlock item && item.Parent is ListBlock list && item[0] == leaf)
            {
                var marker = list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : "· ";
                sb.Append(Run(marker));
            }

            Inlines(leaf.Inline, sb, false, false, null, new Queue<string>());
            yield return sb.ToString();
        }
    }

    private void Inlines(ContainerInline container, StringBuilder sb, bool bold, bool italic, string? lead, Queue<string> classes)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    var cls = strong && classes.Count > 0 ? classes.Dequeue() : null;
                    Inlines(emphasis, sb, bold || (strong && cls is null or "" or "runin point"), italic || !strong, cls is null or "" ? lead : cls, classes);
                    break;
                case LinkInline { IsImage: true } image when DocxImage.From(image.Url, Images.Count + 1) is { } picture:
                    Images.Add(picture);
                    sb.Append(picture.Drawing(Label(image)));
                    break;
                case ContainerInline child:
                    Inlines(child, sb, bold, italic, lead, classes);
                    break;
                case LiteralInline literal:
                    sb.Append(Run(literal.Content.ToString(), Props(bold, italic, lead)));
                    break;
                case CodeInline code:
                    sb.Append(Run(code.Content, Props(bold, italic, lead)));
                    break;
                case HtmlEntityInline entity:
                    sb.Append(Run(entity.Transcoded.ToString(), Props(bold, italic, lead)));
                    break;
                case AutolinkInline link:
                    sb.Append(Run(link.Url, Props(bold, italic, lead)));
                    break;
                case HtmlInline raw:
                    sb.Append(Run(raw.Tag, Props(bold, italic, lead)));
                    break;
                case LineBreakInline br when br.IsHard:
                    sb.Append("<w:r><w:br/></w:r>");
                    break;
            }
        }
    }

    private static string Label(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static string Props(bool bold, bool italic, string? lead)
    {
        var fonts = lead is not null && lead.Contains("level-2", StringComparison.Ordinal) ? Fonts(DocxLayout.KaiTi) : "";
        return fonts + (bold ? "<w:b/><w:bCs/>" : "") + (italic ? "<w:i/><w:iCs/>" : "");
    }

    [GeneratedRegex("<strong(?: class=\"([^\"]*)\")?>")]
    private static partial Regex StrongTag();
}
