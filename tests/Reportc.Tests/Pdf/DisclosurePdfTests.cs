using Reportc.Tests.Cli;
using static Reportc.Tests.KindFolders.DisclosureAsPublishedTests;

namespace Reportc.Tests.Pdf;

/// <summary>
/// The 政府信息公开 tables as published, measured on the PDF Chromium prints (pdftotext -bbox-layout): table 二's
/// single values span their blocks, no label of table 三 takes more than two lines, a fee prints as typed, and a
/// section's heading and lead-in stay on the page of the table after them (issue 15).
/// </summary>
[Collection("browser")]
public sealed class DisclosurePdfTests
{
    private static readonly Lazy<string> DistrictFile = new(() => PrintFile(District("5949.088667"), "district"));

    private static readonly Lazy<PdfText> DistrictPdf = new(() => PdfText.Read(DistrictFile.Value));

    private sealed record Word(string Text, double XMin, double Y);

    private static List<Word> Words(string pdf, int page)
    {
        var xml = System.Xml.Linq.XDocument.Parse(System.Text.RegularExpressions.Regex.Replace(PdfText.Run("pdftotext", "-f", $"{page}", "-l", $"{page}", "-bbox-layout", pdf, "-"), "<!DOCTYPE[^>]*>", ""));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/1999/xhtml";
        double D(System.Xml.Linq.XElement e, string name) => double.Parse(e.Attribute(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return [.. xml.Descendants(ns + "word").Select(w => new Word(w.Value, D(w, "xMin"), (D(w, "yMin") + D(w, "yMax")) / 2))];
    }

    private static string PrintFile(string yaml, string name)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(input, yaml);
        var (code, _, stderr) = CliRunner.Run("build", input, "--format", "pdf");
        Assert.True(code == 0, stderr);
        return Path.Combine(folder, name + ".pdf");
    }

    private static PdfText Print(string yaml, string name)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(input, yaml);
        var (code, _, stderr) = CliRunner.Run("build", input, "--format", "pdf");
        Assert.True(code == 0, stderr);
        return PdfText.Read(Path.Combine(folder, name + ".pdf"));
    }

    private static IEnumerable<PdfLine> Lines(PdfText pdf) => pdf.Pages.SelectMany(p => p.BodyLines);

    [Fact]
    public void A_fee_with_six_decimals_prints_as_typed_in_the_pdf()
    {
        Assert.Contains(Lines(DistrictPdf.Value), l => l.Compact == "5949.088667");
        Assert.DoesNotContain(Lines(DistrictPdf.Value), l => l.Compact.Contains("5949.09", StringComparison.Ordinal) && l.Compact != "5949.088667");
    }

    [Fact]
    public void Table_twos_single_values_span_their_blocks_to_the_right_edge_with_their_header_centred_over_them()
    {
        var lines = Lines(DistrictPdf.Value).ToList();
        foreach (var value in new[] { "36", "128", "3", "5949.088667" })
        {
            var cell = lines.First(l => l.Compact == value && l.XMin > PdfText.Left + (30 * PdfText.Mm));
            // Right-aligned in a cell that reaches the table's right edge (not in the second of four columns).
            Assert.True(cell.XMax > PdfText.Right - (4 * PdfText.Mm), $"{value} ends at {cell.XMax:F1}, the table at {PdfText.Right:F1}");
        }

        var firstColumnEnd = PdfText.Left + ((PdfText.Right - PdfText.Left) / 4);
        foreach (var header in lines.Where(l => l.Compact is "本年处理决定数量" or "本年收费金额（单位：万元）"))
        {
            var centre = (header.XMin + header.XMax) / 2;
            Assert.True(Math.Abs(centre - ((firstColumnEnd + PdfText.Right) / 2)) < 5 * PdfText.Mm, $"'{header.Compact}' centred at {centre:F1}");
        }
    }

    [Fact]
    public void No_label_of_table_three_takes_more_than_two_lines_and_the_groups_stand_at_the_left()
    {
        var labels = File.ReadAllLines(Path.Combine(TestPaths.Root, "templates", "gov-info-disclosure", "kind.yaml"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\{ (?:id: [a-z_]+, label|group): ([^,}]+)"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value.Trim())
            .SkipWhile(l => l != "一、本年新收政府信息公开申请数量").TakeWhile(l => l != "结果维持").ToList();
        Assert.Equal(30, labels.Count); // 25 rows and 5 groups
        // (三、本年度办理结果 is the tall narrow cell beside all the outcome rows: it wraps by design.)
        labels.Remove("三、本年度办理结果");
        // Word by word (pdftotext puts a group's text and a row's label on one line where they sit side by side).
        var words = Words(DistrictFile.Value, DistrictPdf.Value.Pages.Single(p => p.Lines.Any(l => l.Compact.StartsWith("一、本年新收", StringComparison.Ordinal))).Number);
        foreach (var label in labels)
        {
            // The word the label begins with, then the words below it in the same cell (within 6 pt of its left edge: a group is centred; next line down).
            var first = words.Where(w => w.Text.Length >= Math.Min(3, label.Length) && label.StartsWith(w.Text, StringComparison.Ordinal)).MinBy(w => w.Y);
            Assert.True(first is not null, $"'{label}' is not on the page");
            var text = first!.Text;
            var count = 1;
            var at = first;
            while (text != label)
            {
                var next = words.Where(w => Math.Abs(w.XMin - first.XMin) < 6 && w.Y > at.Y + 1 && w.Y < at.Y + 20).MinBy(w => w.Y);
                Assert.True(next is not null && label.StartsWith(text + next.Text, StringComparison.Ordinal), $"'{label}' is cut after '{text}'");
                text += next!.Text;
                at = next;
                count++;
            }

            Assert.True(count <= 2, $"'{label}' takes {count} lines");
        }

        // The group 三、本年度办理结果 stands left of its rows' labels, as the official merged cell.
        var group = words.First(w => w.Text == "三、");
        var row = words.Single(w => w.Text == "（一）予以公开");
        Assert.True(group.XMin < row.XMin - (5 * PdfText.Mm) && Math.Abs(group.Y - row.Y) > 20, $"the group at {group.XMin:F1},{group.Y:F1}, its first row at {row.XMin:F1},{row.Y:F1}");
    }

    [Fact]
    public void A_sections_heading_and_lead_in_print_on_the_page_of_its_table()
    {
        // The text before grows a paragraph at a time, so that the heading of each table's section falls at every
        // place near a page's foot.
        const string anchor = "    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n";
        var checkedAtFoot = 0;
        for (var n = 6; n <= 22; n += 2)
        {
            var extra = string.Concat(Enumerable.Range(0, n).Select(k => $"\n    全年围绕重点领域发布政府信息，及时回应社会关切，第{k}段。\n"));
            var pdf = Print(Sample.Replace(anchor, anchor + extra, StringComparison.Ordinal), $"grow{n}");
            foreach (var (heading, lead, table) in new[]
            {
                ("二、主动公开政府信息情况", "本年主动公开政府信息情况见下表。", "第二十条第（一）项"),
                ("三、收到和处理政府信息公开申请情况", "本年收到和处理政府信息公开申请情况见下表。", "申请人情况"),
                ("四、政府信息公开行政复议、行政诉讼情况", "本年发生政府信息公开行政复议1件", "行政复议"),
            })
            {
                int PageOf(string text) => pdf.Pages.First(p => p.BodyLines.Any(l => l.Compact.StartsWith(text, StringComparison.Ordinal))).Number;
                Assert.True(PageOf(heading) == PageOf(table) && PageOf(lead) == PageOf(table), $"grow{n}: '{heading}' on page {PageOf(heading)}, its lead-in on {PageOf(lead)}, its table on {PageOf(table)}");
                var page = pdf.Pages[PageOf(heading) - 1];
                if (page.Number > 1 && page.BodyLines.MinBy(l => l.CentreY)!.Compact.StartsWith(heading, StringComparison.Ordinal))
                {
                    checkedAtFoot++; // the heading was moved to the top of a page with its table
                }
            }
        }

        Assert.True(checkedAtFoot > 0, "no variant put a heading at a page's top");
    }
}
