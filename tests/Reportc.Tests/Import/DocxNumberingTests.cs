using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reportc.Tests.Import;

/// <summary>Headings numbered by Word's lists (numbering.xml), not typed: 一、 （一） 1. as Word and LibreOffice show them.</summary>
public sealed class DocxNumberingTests
{
    // The report: each line with the list level Word numbers it at (null: not numbered) and the label it shows.
    private static readonly (int? Level, string Label, string Text)[] Lines =
    [
        (null, "", "示例镇2024年法治政府建设工作情况的报告"),
        (null, "", "县委、县政府："),
        (null, "", "2024年，示例镇坚持依法行政，法治政府建设取得新进展。现报告如下："),
        (0, "一、", "2024年党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "（一）", "加强理论学习。党委理论学习中心组集中学法12次，带动干部学法用法。"),
        (1, "（二）", "压实工作责任。层层签订责任书，明确分工。"),
        (0, "二、", "2024年推进法治政府建设的主要举措和成效"),
        (1, "（一）", "规范行政执法"),
        (2, "1.", "严格执法程序。全年办理行政处罚案件15件。"),
        (2, "2.", "落实执法公示。公开执法信息32条。"),
        (1, "（二）", "深化普法宣传"),
        (2, "1.", "开展法治宣传活动。全年开展活动8场，发放资料3万余份。"),
        (0, "三、", "2024年推进法治政府建设存在问题短板及原因"),
        (null, "", "基层执法力量仍然不足。"),
        (0, "四、", "2025年度推进法治政府建设的主要安排"),
        (null, "", "继续加强法治宣传教育。"),
        (0, "五、", "其他需要报告的重要事项"),
        (null, "", "无。"),
        (null, "", "示例镇人民政府"),
        (null, "", "2025年1月10日"),
    ];

    [Fact]
    public void Headings_numbered_by_word_lists_import_as_the_same_text_typed_by_hand()
    {
        var folder = TestPaths.NewTempFolder();
        var typed = Path.Combine(folder, "typed.docx");
        var listed = Path.Combine(folder, "listed.docx");
        Write(typed, numbered: false);
        Write(listed, numbered: true);

        var typedResult = ImportAssertions.Import(typed);
        var listedResult = ImportAssertions.Import(listed);
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        var (_, typedReport, typedMarkdown, _) = ImportAssertions.Accepted(typedResult, Path.Combine(folder, "a"), "r.yaml");
        var (listedYaml, listedReport, listedMarkdown, _) = ImportAssertions.Accepted(listedResult, Path.Combine(folder, "b"), "r.yaml");

        // The same sections, subsections, third-level items and numbers: the same report.
        Assert.Equal(typedMarkdown, listedMarkdown);
        Assert.DoesNotContain(listedResult.Diagnostics, d => d.Code == "RC1107");
        var measures = listedReport.Sections.Single(s => s.Rule.Id == "measures");
        Assert.Equal(2, measures.Body.Subsections.Count);
        Assert.Equal(2, measures.Body.Subsections[0].Body.Subsections.Count);
        Assert.Single(measures.Body.Subsections[1].Body.Subsections);
        Assert.Equal(2, listedReport.Sections.Single(s => s.Rule.Id == "duty").Body.Subsections.Count);
        Assert.Equal(typedReport.Metrics.Count, listedReport.Metrics.Count);
        Assert.DoesNotContain("一、", listedYaml, StringComparison.Ordinal);
        Assert.DoesNotContain("（一）", listedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_shows_the_word_lists_labels_as_the_hand_typed_text()
    {
        var folder = TestPaths.NewTempFolder();
        var listed = Path.Combine(folder, "listed.docx");
        Write(listed, numbered: true);

        var text = File.ReadAllText(Docx.Office.Convert(listed, "txt:Text (encoded):UTF8", ".txt"));

        // LibreOffice writes each label, then a space or tab, before its paragraph's text.
        var lines = text.Split('\n').Select(l => l.Trim().Replace("\t", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimStart('\uFEFF')).Where(l => l.Length > 0).ToList();
        Assert.Equal(Lines.Select(l => l.Label + l.Text), lines);
    }

    // The same report typed by hand, or numbered by one Word list: level 0 "%1、" and level 1 "（%2）" in
    // chineseCounting, level 2 "%3." in decimal; the headings numbered directly, the subsections through a
    // paragraph style that carries the list, as Word's multilevel lists linked to styles do.
    private static void Write(string path, bool numbered)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        if (numbered)
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                    Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                    Level(2, NumberFormatValues.Decimal, "%3."))
                { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(
                    new StyleName { Val = "Subsection" },
                    new BasedOn { Val = "Normal" },
                    new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 1 }, new NumberingId { Val = 3 })))
                { Type = StyleValues.Paragraph, StyleId = "Subsection" });
        }

        foreach (var (level, label, text) in Lines)
        {
            var run = new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(numbered || level is null ? text : label + text) { Space = SpaceProcessingModeValues.Preserve });
            var paragraph = new Paragraph(run);
            if (numbered && level == 1)
            {
                paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = "Subsection" }));
            }
            else if (numbered && level is { } l)
            {
                paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = l }, new NumberingId { Val = 3 })));
            }

            body.Append(paragraph);
        }
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text },
            new LevelSuffix { Val = index < 2 ? LevelSuffixValues.Nothing : LevelSuffixValues.Tab })
        { LevelIndex = index };
}
