using System.Net;
using System.Text;
using Reportc.Model;
using Reportc.Text;

namespace Reportc.Rendering;

/// <summary>
/// Lays out a section body as paragraphs: text, then run-in points (一是…二是… in one paragraph), then
/// subsections numbered by level. A run-in title leads the first paragraph that follows it.
/// </summary>
internal sealed class BodyRenderer(MarkdownFormatter markdown, Func<Narrative, string> resolve)
{
    private readonly List<RenderedBlock> _blocks = [];
    private readonly List<Segment> _paragraph = [];

    public IReadOnlyList<RenderedBlock> Render(Body body, string? leadingLabel = null, int level = 1)
    {
        Body(body, leadingLabel is null ? null : new Segment(leadingLabel, $"runin level-{level}", true), level);
        FlushParagraph();
        return [.. _blocks];
    }

    public IReadOnlyList<RenderedBlock> RenderText(Narrative text)
    {
        AddText(text, null);
        FlushParagraph();
        return [.. _blocks];
    }

    private void Body(Body body, Segment? lead, int level)
    {
        if (body.Text is not null)
        {
            AddText(body.Text, lead);
            FlushParagraph();
            lead = null;
        }

        if (body.Leads.Count > 0)
        {
            // A subsection's run-in title before unnumbered leads stands as a paragraph of its own.
            if (lead is not null)
            {
                _paragraph.Add(lead);
                FlushParagraph();
                lead = null;
            }

            foreach (var item in body.Leads)
            {
                var segment = new Segment(CloseTitle(Text(item.Title)), "runin lead", true);
                if (item.Text is null)
                {
                    _paragraph.Add(segment);
                }
                else
                {
                    AddText(item.Text, segment);
                }

                FlushParagraph();
            }
        }

        if (body.Points.Count > 0)
        {
            if (lead is not null)
            {
                _paragraph.Add(lead);
                lead = null;
            }

            for (var i = 0; i < body.Points.Count; i++)
            {
                var point = body.Points[i];
                var label = ChineseNumerals.Point(i + 1) + (point.Title is null ? "" : CloseTitle(HandNumbering.Strip(Text(point.Title))));
                var segment = new Segment(label, "runin point", true);
                if (point.Text is null)
                {
                    _paragraph.Add(segment);
                }
                else
                {
                    AddText(point.Text, segment, stripNumbering: point.Title is null);
                }
            }

            FlushParagraph();
        }

        // A run-in title with nothing of its own to lead stands as its own paragraph, before its subsections.
        if (lead is not null)
        {
            _paragraph.Add(lead);
            FlushParagraph();
            lead = null;
        }

        for (var i = 0; i < body.Subsections.Count; i++)
        {
            FlushParagraph();
            var sub = body.Subsections[i];
            var number = ChineseNumerals.Heading(level + 1, i + 1);
            // Numbering typed into the title (（一）坚持学习) is warned about and printed once, as generated.
            var title = HandNumbering.Strip(Text(sub.Title));
            if (sub.RunIn)
            {
                Body(sub.Body, new Segment(number + CloseTitle(title), $"runin level-{level + 1}", true), level + 1);
            }
            else
            {
                var md = number + title;
                var tag = $"h{Math.Min(6, level + 2)}";
                var html = $"<{tag} class=\"level-{level + 1}\">{markdown.Inline(md)}</{tag}>";
                _blocks.Add(new RenderedBlock("heading", level + 1, $"{new string('#', Math.Min(6, level + 2))} {md}", html));
                Body(sub.Body, null, level + 1);
            }
        }

        FlushParagraph();
    }

    // The first chunk of a text continues the current paragraph (after a run-in label); later chunks stand alone.
    private void AddText(Narrative narrative, Segment? lead, bool stripNumbering = false)
    {
        var chunks = CjkText.Paragraphs(Text(narrative));
        for (var i = 0; i < chunks.Count; i++)
        {
            // A point without a title that starts with its number typed (三是…) after the generated one.
            var chunk = i == 0 && stripNumbering ? HandNumbering.Strip(chunks[i]) : chunks[i];
            if (i == 0 && lead is not null)
            {
                _paragraph.Add(lead);
            }

            if (i > 0)
            {
                FlushParagraph();
            }

            if (markdown.InlineParagraph(chunk) is { } html)
            {
                _paragraph.Add(new Segment(chunk, "", false, html));
            }
            else
            {
                FlushParagraph();
                _blocks.Add(new RenderedBlock("block", 0, chunk, markdown.Blocks(chunk).TrimEnd('\n')));
            }
        }

        if (chunks.Count == 0 && lead is not null)
        {
            _paragraph.Add(lead);
        }
    }

    private void FlushParagraph()
    {
        if (_paragraph.Count == 0)
        {
            return;
        }

        var md = new StringBuilder();
        var html = new StringBuilder("<p>");
        foreach (var segment in _paragraph)
        {
            if (segment.RunIn)
            {
                // "**一是加强学习**。" rather than "**一是加强学习。**": CommonMark does not close emphasis
                // after punctuation when a Chinese character follows.
                var stop = CjkText.EndsWithStop(segment.Markdown) ? segment.Markdown[^1..] : "";
                md.Append("**").Append(segment.Markdown[..^stop.Length]).Append("**").Append(stop);
                html.Append("<strong class=\"").Append(WebUtility.HtmlEncode(segment.Class)).Append("\">")
                    .Append(markdown.Inline(segment.Markdown)).Append("</strong>");
            }
            else
            {
                md.Append(segment.Markdown);
                html.Append(segment.Html ?? markdown.Inline(segment.Markdown));
            }
        }

        html.Append("</p>");
        _blocks.Add(new RenderedBlock("paragraph", 0, md.ToString(), html.ToString()));
        _paragraph.Clear();
    }

    private string Text(Narrative narrative) => CjkText.EscapeRawHtml(CjkText.JoinLines(resolve(narrative))).Trim();

    private static string CloseTitle(string title) => CjkText.EndsWithStop(title) ? title : title + "。";

    private sealed record Segment(string Markdown, string Class, bool RunIn, string? Html = null);
}
