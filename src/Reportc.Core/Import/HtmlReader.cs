using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Import;

/// <summary>
/// A saved web page, read by a small tolerant reader: block elements (p, div, h1–h6, li, tr) end paragraphs,
/// &lt;strong&gt;/&lt;b&gt; are bold, &lt;br&gt; breaks a line, tables give rows of cells and their caption; head, script
/// and style are skipped, and so are a page's navigation and tools (nav, aside, form, and elements whose class or id
/// names them: nav, menu, breadcrumb, position (当前位置), share…). When the page marks its article (article, main, or
/// a government site's id="zoom", class="TRS_Editor", class="article"…), that is the text read, after the page's last
/// heading or title line (…报告) before it: the title a page prints above its article; banner and footer are left. Unclosed and misnested tags are taken
/// as they come; nothing is ever executed or fetched.
/// </summary>
internal static partial class HtmlReader
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer", "main",
        "blockquote", "pre", "hr", "table", "tr", "dl", "dt", "dd", "nav", "aside", "form", "center", "body", "caption", "figure",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object", "select", "button", "nav", "aside", "form" };

    public static SourceDocument? Read(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var source = Decode(path, bytes, diagnostics);
        return source is null ? null : Parse(path, source);
    }

    // The charset the page declares (gb2312, gbk, utf-8), else as report files are read.
    private static string? Decode(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        if (Charset().Match(head) is { Success: true } m && m.Groups[1].Value.ToLowerInvariant() is "gb2312" or "gbk" or "gb18030")
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }

        var quiet = new DiagnosticBag(diagnostics.Text);
        var text = SourceText.Decode(path, bytes, quiet);
        foreach (var d in quiet.ToSortedList().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(d);
        }

        return text?.Text;
    }

    public static SourceDocument Parse(string path, string html)
    {
        var blocks = new List<SourceBlock>();
        var text = new StringBuilder();
        var heading = 0;
        var bold = 0;
        var skip = 0;
        var paragraph = 0;
        List<List<string>>? rows = null;
        List<string>? row = null;
        StringBuilder? cell = null;
        var tableDepth = 0;
        var cellSpan = 1;
        StringBuilder? caption = null;
        string? tableCaption = null;
        // An element skipped by its class or id (class="nav"): its name and how deep its own kind nests inside it.
        string? skippedName = null;
        var skippedDepth = 0;
        // The article the page marks, while inside it: its name and nesting; the blocks read inside it.
        string? articleName = null;
        var articleDepth = 0;
        var articleFirst = -1;
        var articleLast = -1;

        void Flush()
        {
            var value = Tidy(text.ToString());
            text.Clear();
            if (value.Replace("**", "", StringComparison.Ordinal).Trim().Length == 0)
            {
                return;
            }

            if (caption is not null)
            {
                caption.Append(caption.Length > 0 ? " " : "").Append(value.Replace("**", "", StringComparison.Ordinal).Replace('\n', ' '));
                return;
            }

            if (cell is not null)
            {
                cell.Append(cell.Length > 0 ? "\n" : "").Append(value.Replace("**", "", StringComparison.Ordinal));
                return;
            }

            blocks.Add(new SourceBlock(++paragraph, value, heading));
        }

        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var chunk = lt < 0 ? html[i..] : html[i..lt];
            if (skip == 0)
            {
                text.Append(WebUtility.HtmlDecode(Whitespace().Replace(chunk, " ")));
            }

            if (lt < 0)
            {
                break;
            }

            if (html.AsSpan(lt).StartsWith("<!") || html.AsSpan(lt).StartsWith("<?"))
            {
                var endDeclaration = html.AsSpan(lt).StartsWith("<!--") ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt);
                i = endDeclaration < 0 ? html.Length : endDeclaration + (html.AsSpan(lt).StartsWith("<!--") ? 3 : 1);
                continue;
            }

            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var gt = html.IndexOf('>', lt);
            if (gt < 0)
            {
                break;
            }

            var tag = Tag().Match(html, lt, gt - lt + 1);
            i = gt + 1;
            if (!tag.Success)
            {
                if (skip == 0)
                {
                    text.Append(WebUtility.HtmlDecode(html[lt..(gt + 1)]));
                }

                continue;
            }

            var closing = tag.Groups[1].Value == "/";
            var name = tag.Groups[2].Value.ToLowerInvariant();
            var attributes = tag.Groups[3].Value;
            var selfClosing = attributes.TrimEnd().EndsWith('/');
            if (skippedName is not null)
            {
                if (name == skippedName && !selfClosing)
                {
                    skippedDepth += closing ? -1 : 1;
                    if (skippedDepth == 0)
                    {
                        skippedName = null;
                        text.Clear();
                    }
                }

                continue;
            }

            if (skip == 0 && !closing && !selfClosing && name is not ("html" or "body" or "table" or "tr" or "td" or "th") && Chrome().IsMatch(attributes))
            {
                Flush();
                skippedName = name;
                skippedDepth = 1;
                continue;
            }

            if (skip == 0 && articleName is null && articleFirst < 0 && !closing && !selfClosing && (name is "article" or "main" || Article().IsMatch(attributes)))
            {
                Flush();
                articleName = name;
                articleDepth = 1;
                articleFirst = blocks.Count;
                continue;
            }

            if (articleName is not null && name == articleName && !selfClosing)
            {
                articleDepth += closing ? -1 : 1;
                if (articleDepth == 0)
                {
                    Flush();
                    articleName = null;
                    articleLast = blocks.Count;
                    continue;
                }
            }

            if (Skipped.Contains(name))
            {
                if (!attributes.TrimEnd().EndsWith('/'))
                {
                    skip = Math.Max(0, skip + (closing ? -1 : 1));
                }

                continue;
            }

            if (skip > 0)
            {
                continue;
            }

            switch (name)
            {
                case "caption" when rows is not null && tableDepth == 1:
                    Flush();
                    if (!closing)
                    {
                        caption = new StringBuilder();
                    }
                    else if (caption is not null)
                    {
                        tableCaption = caption.ToString().Trim();
                        caption = null;
                    }

                    continue;
                case "br":
                    text.Append('\n');
                    continue;
                case "strong" or "b":
                    bold += closing ? -1 : 1;
                    if ((closing && bold == 0) || (!closing && bold == 1))
                    {
                        text.Append("**");
                    }

                    bold = Math.Max(0, bold);
                    continue;
                case "span" when closing:
                    continue;
                case "span" when attributes.Contains("title-line", StringComparison.Ordinal):
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    continue;
                case "td" or "th":
                    Flush();
                    if (rows is not null && !closing)
                    {
                        row ??= [];
                        cell = new StringBuilder();
                        var span = ColSpan().Match(attributes) is { Success: true } c ? Math.Clamp(int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 64) : 1;
                        row.Add("");
                        for (var k = 1; k < span; k++)
                        {
                            row.Add("");
                        }

                        cellSpan = span;
                    }
                    else if (closing && cell is not null && row is not null)
                    {
                        row[row.Count - cellSpan] = cell.ToString().Trim();
                        cell = null;
                    }

                    continue;
            }

            if (name == "table")
            {
                Flush();
                if (!closing)
                {
                    tableDepth++;
                    if (tableDepth == 1)
                    {
                        rows = [];
                    }
                }
                else if (tableDepth > 0 && --tableDepth == 0 && rows is not null)
                {
                    CloseRow();
                    if (rows.Count > 0)
                    {
                        blocks.Add(new SourceBlock(++paragraph, tableCaption ?? "", 0, rows));
                    }
                    else if (tableCaption is { Length: > 0 })
                    {
                        blocks.Add(new SourceBlock(++paragraph, tableCaption));
                    }

                    rows = null;
                    tableCaption = null;
                }

                continue;
            }

            if (name == "tr")
            {
                Flush();
                CloseRow();
                continue;
            }

            if (Blocks.Contains(name) || (name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1])))
            {
                Flush();
                heading = !closing && name.Length == 2 && name[0] == 'h' && char.IsDigit(name[1]) ? name[1] - '0' : 0;
            }
        }

        Flush();
        if (rows is not null)
        {
            CloseRow();
            if (rows.Count > 0)
            {
                blocks.Add(new SourceBlock(++paragraph, "", 0, rows));
            }
        }

        if (articleFirst >= 0)
        {
            // The article alone, after the last heading before it (the page's title above the article).
            var end = articleLast < 0 ? blocks.Count : articleLast;
            var article = blocks.Skip(articleFirst).Take(end - articleFirst).ToList();
            if (article.Count > 0)
            {
                var title = blocks.Take(articleFirst).LastOrDefault(b => b.HeadingLevel is >= 1 and <= 3
                    || (b.Text.Contains("报告", StringComparison.Ordinal) && b.Text.Length <= 120 && !b.Text.Contains('。', StringComparison.Ordinal)));
                return new SourceDocument(path, title is null ? article : [title, .. article]);
            }
        }

        return new SourceDocument(path, blocks);

        void CloseRow()
        {
            if (cell is not null && row is not null)
            {
                row[row.Count - cellSpan] = cell.ToString().Trim();
                cell = null;
            }

            if (row is { Count: > 0 } && rows is not null)
            {
                rows.Add(row);
            }

            row = null;
        }
    }

    // Spaces and line breaks of the page's source are one space; CJK text takes none between characters.
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => CjkSpace().Replace(l.TrimStart(' ').TrimEnd(), "")).Where(l => l.Replace("**", "", StringComparison.Ordinal).Length > 0);
        return string.Join("\n", lines).Replace("****", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF]) (?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    // Class or id of a page's navigation, header, footer and tools (a government site's 当前位置, 分享到, 打印).
    [GeneratedRegex(@"\b(?:class|id)\s*=\s*[""']?[^""'>]*?(?<![A-Za-z])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|sidebar|toolbar)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Chrome();

    // Class or id of the article a page marks (government sites' zoom and TRS_Editor, article, content…).
    [GeneratedRegex(@"\b(?:class|id)\s*=\s*[""']?(?:[^""'>]*\s)?(?:zoom|TRS_Editor|article|article[-_]content|main[-_]content|content|detail)(?=[\s""'>/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    [GeneratedRegex(@"colspan\s*=\s*[""']?([0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColSpan();
}
