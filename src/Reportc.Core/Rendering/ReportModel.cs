using Reportc.Model;
using Reportc.Text;
using Scriban.Runtime;

using Reportc.Loading;

namespace Reportc.Rendering;

/// <summary>Builds what templates see: the report as Scriban objects, narrative already laid out as blocks.</summary>
internal static class ReportModel
{
    /// <summary>The model of a bound report whose references are resolved (<see cref="Report.References"/>): it prints them, and reports nothing.</summary>
    public static ScriptObject Build(Report report, MarkdownFormatter markdown, string stylesheet, string fonts, bool draft)
    {
        var references = report.References;
        // Images: the report's own image files embedded in its text, none in titles and headings (NarrativeImages).
        var images = NarrativeImages.For(report.Path);
        string Resolve(Narrative n) => NarrativeImages.Strip(references.Text(n));
        string ResolveBody(Narrative n) => images.Embed(references.Text(n));

        var units = NumberUnits.For(report);
        var sections = new ScriptArray();
        // Numbering follows the sections present, so leaving out an optional one never leaves a gap.
        var number = 0;
        foreach (var section in report.Sections)
        {
            number++;
            var title = section.Heading is { } heading ? CjkText.JoinLines(Resolve(heading)).Trim() : section.Rule.HeadingFor(report.Year);
            var blocks = new BodyRenderer(markdown, ResolveBody).Render(section.Body)
                .Concat(report.Tables.Values.Where(t => t.Definition.Section == section.Rule.Id).Select(TableRenderer.Render))
                .ToList();
            sections.Add(new TemplateObject("sections[]")
            {
                ["id"] = section.Rule.Id,
                ["number"] = ChineseNumerals.Heading(1, number),
                ["title"] = title,
                ["heading"] = ChineseNumerals.Heading(1, number) + title,
                ["blocks"] = Blocks(blocks, units),
            });
        }

        var preamble = report.Preamble is null ? [] : new BodyRenderer(markdown, ResolveBody).RenderText(report.Preamble);

        var doc = report.Document;
        var metrics = new ScriptArray();
        foreach (var m in report.Metrics)
        {
            metrics.Add(new TemplateObject("metrics[]") { ["id"] = m.Id, ["label"] = m.Label, ["value"] = m.NumberText, ["unit"] = m.Unit, ["text"] = m.Text });
        }

        return new ScriptObject
        {
            ["report"] = new TemplateObject("report")
            {
                ["kind"] = report.Kind.Id,
                ["kind_name"] = report.Kind.Name,
                ["year"] = report.Year,
                ["next_year"] = report.Year + 1,
                ["draft"] = draft,
            },
            ["doc"] = new TemplateObject("doc")
            {
                ["issuers"] = Strings(doc.Issuers),
                ["number"] = doc.Number,
                ["title"] = string.Concat(doc.TitleLines),
                ["title_lines"] = Strings(TitleLayout.Lines(doc.TitleLines, doc.Issuers)),
                ["to"] = doc.To ?? "",
                ["signer"] = doc.Signer ?? "",
                ["date"] = Text.OfficialDate.Chinese(doc.Date),
                ["cc"] = doc.Cc is { } cc ? (cc.EndsWith('。') ? cc : cc + "。") : "",
                ["printer"] = doc.Printer ?? "",
                ["print_date"] = doc.PrintDate is { } pd ? Text.OfficialDate.Chinese(pd) : "",
                ["masthead_lines"] = Strings(doc.Masthead),
                ["masthead_suffix"] = doc.MastheadSuffix,
                ["seal"] = doc.Seal,
                ["seal_image"] = doc.SealImage,
            },
            ["preamble"] = Blocks(preamble, units),
            ["sections"] = sections,
            ["metrics"] = metrics,
            ["stylesheet"] = stylesheet + TableRenderer.Css(report.Tables.Values),
            ["fonts"] = fonts,
        };
    }

    private static ScriptArray Blocks(IEnumerable<RenderedBlock> blocks, IReadOnlyList<string> units)
    {
        var array = new ScriptArray();
        foreach (var b in blocks)
        {
            array.Add(new TemplateObject("blocks[]") { ["type"] = b.Type, ["level"] = b.Level, ["md"] = CjkEmphasis.ForCommonMark(MarkdownSafety.ForMarkdown(b.Markdown)), ["html"] = NumberUnits.KeepTogetherHtml(b.Html, units) });
        }

        return array;
    }

    private static ScriptArray Strings(IEnumerable<string> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
