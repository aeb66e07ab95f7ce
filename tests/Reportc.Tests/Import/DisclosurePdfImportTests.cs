using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Reportc.Kinds;
using Reportc.Model;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Reportc.Tests.Import;

/// <summary>
/// The 政府信息公开 tables read back from a PDF's text (pdftotext -layout): as reportc prints them through Chromium,
/// as LibreOffice prints reportc's .docx, and as an office's own Word file in the official shape prints. Every cell
/// holds a number of its own, so a row or column read into the wrong place shows.
/// </summary>
public sealed class DisclosurePdfImportTests
{
    [Theory]
    [InlineData("chromium")]
    [InlineData("libreoffice")]
    public void Every_cell_of_a_disclosure_report_printed_to_pdf_comes_back(string printer)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "示例县司法局2024.yaml");
        File.WriteAllText(input, DistinctSample());
        var (code, _, error) = Cli.CliRunner.Run("build", input, "-o", folder, "--format", printer == "chromium" ? "pdf" : "docx");
        Assert.True(code == 0, error);
        var pdf = printer == "chromium" ? Path.ChangeExtension(input, ".pdf") : Docx.Office.ToPdf(Path.ChangeExtension(input, ".docx"));
        var original = new ReportCompiler(new KindCatalog()).Load(input).Report!;

        var result = ImportAssertions.Import(pdf);
        var back = Path.Combine(folder, "back");
        Directory.CreateDirectory(back);
        var (yaml, report, markdown, _) = ImportAssertions.Accepted(result, back);

        SameCells(original, report);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RC1110");
        // The tables' header lines are not taken for text.
        Assert.DoesNotContain("信息内容", markdown[..markdown.IndexOf('|', StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("申请人情况", yaml[yaml.IndexOf("sections:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_file_in_the_official_shape_reads_its_tables_from_the_docx_and_from_its_pdf()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "expected.yaml");
        File.WriteAllText(input, DistinctSample());
        var original = new ReportCompiler(new KindCatalog()).Load(input).Report!;
        var docx = Path.Combine(folder, "示例县司法局2024年政府信息公开工作年度报告.docx");
        Published(docx, original);
        var pdf = Docx.Office.ToPdf(docx);

        foreach (var file in new[] { docx, pdf })
        {
            var result = ImportAssertions.Import(file);
            var back = Path.Combine(folder, Path.GetExtension(file).TrimStart('.'));
            Directory.CreateDirectory(back);
            var (yaml, report, _, _) = ImportAssertions.Accepted(result, back);
            SameCells(original, report);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RC1110");
            Assert.Equal(["示例县司法局"], report.Document.Issuers);
            Assert.Equal(new DateOnly(2025, 1, 20), report.Document.Date);
            Assert.Equal(["示例县司法局", "2024年政府信息公开工作年度报告"], report.Document.TitleLines);
            var text = yaml[yaml.IndexOf("sections:", StringComparison.Ordinal)..];
            Assert.DoesNotContain("申请人情况", text, StringComparison.Ordinal);
            Assert.DoesNotContain("结果维持", text, StringComparison.Ordinal);
            Assert.Contains("及时性有待提高", text, StringComparison.Ordinal);
            // Under 二, 三 and 四 the source has only the table: TODO for the text before it, said so.
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(text, "only the table under this heading").Count);
        }
    }

    /// <summary>
    /// The report as an office types it in Word, its tables in the shape of the national form (国办公开办函〔2021〕30号):
    /// table 二 one table of four blocks, each under its 第二十条 row; table 三 with its corner over three header rows
    /// and its groups merged down the left; table 四 with 行政复议 and 行政诉讼 over their columns and no row label.
    /// </summary>
    private static void Published(string path, Report report)
    {
        decimal Value(string table, string row, string column) => report.Tables[table].Cells[(row, column)];
        string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        var kind = report.Kind;
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
        main.Document = new Document(body);

        body.Append(Centred("示例县司法局"), Centred("2024年政府信息公开工作年度报告"),
            Para("\u3000\u3000本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。"),
            Para("\u3000\u3000一、总体情况"),
            Para("\u3000\u30002024年，示例县司法局坚持以公开为常态、不公开为例外，全年主动公开政府信息156条，政府信息管理和平台建设进一步规范。"),
            Para("\u3000\u3000二、主动公开政府信息情况"));

        var proactive = Grid([2600, 2142, 2142, 2142]);
        foreach (var row in kind.Tables.Single(t => t.Id == "proactive").Rows)
        {
            if (row.IsGroup)
            {
                proactive.Append(Row(Cell(row.Label, span: 4)));
                continue;
            }

            var columns = kind.Tables.Single(t => t.Id == "proactive").ColumnsOf(row);
            if (row.Id is "regulations" or "licensing" or "penalty" or "charges")
            {
                proactive.Append(Row([Cell("信息内容"), .. columns.Select(c => Cell(c.Label, span: 3 / columns.Count))]));
            }

            proactive.Append(Row([Cell(row.Label), .. columns.Select(c => Cell(N(Value("proactive", row.Id!, c.Id)), span: 3 / columns.Count))]));
        }

        body.Append(proactive, Para("\u3000\u3000三、收到和处理政府信息公开申请情况"));
        var definition = kind.Tables.Single(t => t.Id == "requests");
        var requests = Grid([500, 800, 2726, .. Enumerable.Repeat(714, 7)]);
        requests.Append(
            Row(Cell(definition.Corner!, span: 3, merge: MergedCellValues.Restart), Cell("申请人情况", span: 7)),
            Row(Cell("", span: 3, merge: MergedCellValues.Continue), Cell("自然人", merge: MergedCellValues.Restart), Cell("法人或其他组织", span: 5), Cell("总计", merge: MergedCellValues.Restart)),
            Row([Cell("", span: 3, merge: MergedCellValues.Continue), Cell("", merge: MergedCellValues.Continue),
                .. definition.Columns.Where(c => c.Group is not null).Select(c => Cell(c.Label)), Cell("", merge: MergedCellValues.Continue)]));
        string? group = null;
        foreach (var row in definition.Rows)
        {
            if (row.IsGroup)
            {
                group = row.Label.StartsWith('三') ? null : row.Label;
                continue;
            }

            var numbers = definition.Columns.Select(c => Cell(N(Value("requests", row.Id!, c.Id))));
            var results = row.Id is not ("received" or "carried_in" or "carried_out");
            var first = row.Id is "disclosed";
            var groupFirst = group is not null && definition.Rows[definition.Rows.ToList().IndexOf(row) - 1].IsGroup;
            TableCell[] labels = !results ? [Cell(row.Label, span: 3)]
                : group is null || row.Id is "results_total" ? [Cell(first ? "三、本年度办理结果" : "", merge: first ? MergedCellValues.Restart : MergedCellValues.Continue), Cell(row.Label, span: 2)]
                : [Cell("", merge: MergedCellValues.Continue), Cell(groupFirst ? group : "", merge: groupFirst ? MergedCellValues.Restart : MergedCellValues.Continue), Cell(row.Label)];
            requests.Append(Row([.. labels, .. numbers]));
            if (row.Id is "other_handling")
            {
                group = null;
            }
        }

        body.Append(requests, Para("\u3000\u3000四、政府信息公开行政复议、行政诉讼情况"));
        var reviews = Grid([.. Enumerable.Repeat(601, 15)]);
        var reviewColumns = kind.Tables.Single(t => t.Id == "reviews").Columns;
        reviews.Append(
            Row(Cell("行政复议", span: 5, merge: MergedCellValues.Restart), Cell("行政诉讼", span: 10)),
            Row(Cell("", span: 5, merge: MergedCellValues.Continue), Cell("未经复议直接起诉", span: 5), Cell("复议后起诉", span: 5)),
            Row([.. reviewColumns.Select(c => Cell(c.Label))]),
            Row([.. reviewColumns.Select(c => Cell(N(Value("reviews", "cases", c.Id))))]));
        body.Append(reviews,
            Para("\u3000\u3000五、存在的主要问题及改进情况"),
            Para("\u3000\u3000政府信息公开的及时性有待提高。下一步将完善发布审核机制，确保信息及时准确公开。"),
            Para("\u3000\u3000六、其他需要报告的事项"),
            Para("\u3000\u3000本年度未收取信息处理费。"),
            Right("示例县司法局"),
            Right("2025年1月20日"),
            new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
    }

    private static WordTable Grid(int[] widths)
    {
        var line = () => new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        return new WordTable(
            new TableProperties(new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }, line()),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
    }

    private static WordTableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        return new TableCell(properties, new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new FontSize { Val = "20" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
    }

    private static Paragraph Para(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Right(string text) => new(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static Paragraph Centred(string text) => new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = "36" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    /// <summary>Each cell of the original in the imported report; any cell more is one a rule computes (a total).</summary>
    internal static void SameCells(Report original, Report imported)
    {
        Assert.Equal(original.Tables.Keys.Order(), imported.Tables.Keys.Order());
        foreach (var (id, table) in original.Tables)
        {
            var back = imported.Tables[id];
            Assert.All(table.Cells, cell => Assert.True(back.Cells.TryGetValue(cell.Key, out var value) && value == cell.Value, $"{id}.{cell.Key.Row}.{cell.Key.Column}: {cell.Value} read as {(back.Cells.TryGetValue(cell.Key, out var v) ? v : "nothing")}"));
            var definition = imported.Kind.Tables.Single(t => t.Id == id);
            Assert.All(back.Cells.Where(c => !table.Cells.ContainsKey(c.Key)), c => Assert.True(definition.IsComputedColumn(c.Key.Column) || definition.IsComputedRow(c.Key.Row), $"{c.Key}"));
        }
    }

    /// <summary>The disclosure sample with a number of its own in every cell, the totals and the balance holding.</summary>
    internal static string DistinctSample()
    {
        var sample = File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"));
        var tables = new StringBuilder("tables:\n  proactive:\n")
            .Append("    regulations: [1, 2, 3]\n    normative: [4, 5, 6]\n    licensing: [7]\n    penalty: [8]\n    enforcement: [9]\n    charges: [0.35]\n")
            .Append("  requests:\n");
        var kind = new KindCatalog().Find("gov-info-disclosure", new Diagnostics.DiagnosticBag(Diagnostics.MessageText.English))!;
        var results = kind.Tables.Single(t => t.Id == "requests").Rows.Where(r => !r.IsGroup).Select(r => r.Id!)
            .Where(r => r is not ("received" or "carried_in" or "results_total" or "carried_out")).ToList();
        string Row(IEnumerable<int> cells)
        {
            var list = cells.ToList();
            return "[" + string.Join(", ", list.Append(list.Sum()).Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";
        }

        // Result k is k persons (1-9), k-9 businesses (10-15) or k-15 research bodies (16-21): every row its own, and
        // every number, totals too, two digits at most (LibreOffice wraps a third digit in the .docx's narrow columns).
        int[] Result(int k) => [k <= 9 ? k : 0, k is > 9 and <= 15 ? k - 9 : 0, k > 15 ? k - 15 : 0, 0, 0, 0];
        var totals = Enumerable.Range(0, 6).Select(c => Enumerable.Range(1, results.Count).Sum(k => Result(k)[c])).ToList();
        int[] carriedIn = [2, 0, 1, 0, 0, 0], carriedOut = [1, 1, 0, 0, 0, 0];
        tables.Append("    received: ").Append(Row(Enumerable.Range(0, 6).Select(c => totals[c] + carriedOut[c] - carriedIn[c]))).Append('\n');
        tables.Append("    carried_in: ").Append(Row(carriedIn)).Append('\n');
        for (var k = 1; k <= results.Count; k++)
        {
            tables.Append("    ").Append(results[k - 1]).Append(": ").Append(Row(Result(k))).Append('\n');
        }

        tables.Append("    results_total: ").Append(Row(totals)).Append('\n');
        tables.Append("    carried_out: ").Append(Row(carriedOut)).Append('\n');
        tables.Append("  reviews:\n    cases: [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 2, 3, 4, 5, 14]\n");
        var start = sample.IndexOf("\ntables:\n", StringComparison.Ordinal) + 1;
        var end = sample.IndexOf("\nsections:\n", StringComparison.Ordinal) + 1;
        return sample[..start] + tables + "\n" + sample[end..].Replace("行政复议1件，结果维持；未发生行政诉讼", "行政复议10件，行政诉讼40件", StringComparison.Ordinal);
    }
}
