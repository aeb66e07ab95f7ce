using System.IO.Compression;
using System.Text.RegularExpressions;
using Reportc.Rendering;
using Reportc.Tests.Cli;
using Reportc.Tests.Pdf;
using Reportc.Text;

namespace Reportc.Tests.Docx;

/// <summary>
/// <c>--format docx</c>: every sample and the red-header and sealed variants are written, validated by the
/// Open XML SDK, converted by LibreOffice and measured as reportc's own PDF is (GB/T 9704 geometry), and read
/// back by pandoc against the Markdown. Needs soffice (libreoffice-writer), pandoc and poppler-utils.
/// </summary>
public sealed partial class DocxOutputTests
{
    private const double Tolerance = 1.5 * PdfText.Mm;

    internal const string RedHeader = """
        kind: law-based-government
        year: 2024
        document:
          issuers: [中共示例镇委员会, 示例镇人民政府]
          number: 示发〔2025〕3号
          signer: 王建国
          masthead: true
          title: |
            中共示例镇委员会 示例镇人民政府
            关于2024年法治政府建设工作情况的报告
          to: 中共示例县委、示例县人民政府
          date: 2025-01-18
          cc: [示例县委依法治县办, 示例县司法局]
          printer: 示例镇党政办公室
          print_date: 2025-01-18
        sections:
          duty:
            text: 党政主要负责人认真履行推进法治建设第一责任人职责，坚持以习近平法治思想为指导，坚决贯彻落实省、市、县法治建设重大决策部署。
          measures: 措施。
          problems: 问题。
          next_year: 安排。
          other: 无。
        """;

    // A 1×1 PNG, for the seal's image.
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static readonly Lazy<string> Built = new(() => Build(TestPaths.NewTempFolder()));

    private static readonly Lazy<PdfText> SamplePdf = new(() => PdfText.Read(Office.ToPdf(Docx("beiliu-2024"))));

    private static readonly Lazy<PdfText> RedHeaderPdf = new(() => PdfText.Read(Office.ToPdf(Docx("red-header"))));

    private static string Docx(string name) => Path.Combine(Built.Value, name + ".docx");

    // Every sample, the red-header report and a sealed copy of it, as md and docx in one folder.
    private static string Build(string folder)
    {
        foreach (var sample in Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml"))
        {
            File.Copy(sample, Path.Combine(folder, Path.GetFileName(sample)));
        }

        File.WriteAllText(Path.Combine(folder, "red-header.yaml"), RedHeader);
        File.WriteAllText(Path.Combine(folder, "sealed.yaml"), RedHeader.Replace("  date: 2025-01-18\n", "  date: 2025-01-18\n  seal: 印章.png\n", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(folder, "印章.png"), Convert.FromBase64String(TinyPng));
        var (code, _, stderr) = CliRunner.Run("build", folder, "--format", "md,docx");
        Assert.True(code == 0, stderr);
        return folder;
    }

    private static readonly string[] AllNames = ["beiliu-2024", "shili-2023", "shili-2024", "shili-xinxi-2024", "red-header", "sealed"];

    public static TheoryData<string> Names() => [.. AllNames];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_open_xml_sdk_validator_finds_no_error_in_the_docx(string name)
    {
        var errors = Office.Validate(Docx(name));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Two_builds_give_byte_identical_docx_files()
    {
        var again = Build(TestPaths.NewTempFolder());
        foreach (var name in AllNames)
        {
            Assert.True(File.ReadAllBytes(Docx(name)).SequenceEqual(File.ReadAllBytes(Path.Combine(again, name + ".docx"))), $"{name}.docx differs between two builds");
        }
    }

    [Fact]
    public void The_package_carries_title_author_and_the_date_and_no_word_numbering()
    {
        using var zip = ZipFile.OpenRead(Docx("beiliu-2024"));
        Assert.Null(zip.GetEntry("word/numbering.xml"));
        var core = new StreamReader(zip.GetEntry("docProps/core.xml")!.Open()).ReadToEnd();
        Assert.Contains("<dc:title>中共北留镇委员会北留镇人民政府2024年法治政府建设工作情况的报告</dc:title>", core);
        Assert.Contains("<dc:creator>中共北留镇委员会、北留镇人民政府</dc:creator>", core);
        Assert.Contains(">2025-01-20T00:00:00Z</dcterms:created>", core);
        var document = new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<w:numPr>", document);
        Assert.Contains("<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-842\"/>", document);
        Assert.Contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\"", document);
        var styles = new StreamReader(zip.GetEntry("word/styles.xml")!.Open()).ReadToEnd();
        foreach (var style in new[] { "主送机关", "一级标题", "二级标题", "三级标题", "署名", "成文日期", "版记", "发文机关标志", "发文字号" })
        {
            Assert.Contains($"<w:name w:val=\"{style}\"/>", styles);
        }
    }

    [Fact]
    public void Libreoffice_prints_the_docx_on_a4_with_the_body_inside_the_type_area()
    {
        var pdf = SamplePdf.Value;
        Assert.InRange(pdf.Pages.Count, 5, 8);
        foreach (var page in pdf.Pages)
        {
            Assert.InRange(page.Width, 594, 596);
            Assert.InRange(page.Height, 841, 843);
            foreach (var line in page.BodyLines)
            {
                Assert.True(line.XMin >= PdfText.Left - Tolerance && line.XMax <= PdfText.Right + Tolerance, $"page {page.Number}: '{line.Text}' x {line.XMin:F1}–{line.XMax:F1}");
                Assert.True(line.CentreY >= PdfText.Top - Tolerance && line.CentreY <= PdfText.Bottom + Tolerance, $"page {page.Number}: '{line.Text}' y {line.CentreY:F1}");
            }
        }
    }

    [Fact]
    public void Libreoffice_puts_the_page_number_7mm_under_the_type_area_right_on_odd_and_left_on_even_pages()
    {
        var em = 14.0;
        foreach (var page in SamplePdf.Value.Pages)
        {
            var number = page.PageNumber;
            Assert.True(number is not null, $"page {page.Number} has no '— {page.Number} —'");
            var top = number.CentreY - (em / 2);
            Assert.InRange(top, PdfText.Bottom + (7 * PdfText.Mm) - Tolerance, PdfText.Bottom + (7 * PdfText.Mm) + Tolerance);
            if (page.Number % 2 == 1)
            {
                Assert.InRange(number.XMax, PdfText.Right - em - Tolerance, PdfText.Right - em + Tolerance);
            }
            else
            {
                Assert.InRange(number.XMin, PdfText.Left + em - Tolerance, PdfText.Left + em + Tolerance);
            }
        }
    }

    [Fact]
    public void Libreoffice_sets_28_characters_a_full_line_and_22_lines_a_full_page()
    {
        var pdf = SamplePdf.Value;
        // Lines across the type area at the grid's pitch (a justified line stretched before a number that did not
        // fit is left out, as in the PDF's test): each holds 28 characters.
        var full = pdf.Pages.SelectMany(p => p.BodyLines)
            .Where(l => l.XMin <= PdfText.Left + 2 && l.XMax >= PdfText.Right - 4 && l.Text.All(CjkText.IsWide))
            .Where(l => Math.Abs(((l.XMax - l.XMin) / l.Compact.Length) - 15.75) < 0.3)
            .ToList();
        Assert.True(full.Count >= 30, $"{full.Count} full lines");
        Assert.All(full, l => Assert.Equal(28, l.Compact.Length));

        foreach (var page in pdf.Pages.Skip(1).SkipLast(1))
        {
            Assert.InRange(page.BodyLines.Count(), 21, 22);
        }
    }

    [Fact]
    public void Libreoffice_draws_the_title_about_22pt_and_the_body_about_16pt()
    {
        var pdf = SamplePdf.Value;
        var title = pdf.Pages[0].Lines.Single(l => l.Compact == "中共北留镇委员会");
        Assert.InRange((title.XMax - title.XMin) / title.Compact.Length, 21.0, 22.5);
        var body = pdf.Pages.SelectMany(p => p.BodyLines).First(l => l.Compact.Length == 28 && l.Compact.All(CjkText.IsWide));
        Assert.InRange((body.XMax - body.XMin) / 28, 15.5, 16.5);
    }

    [Fact]
    public void The_red_header_prints_its_mark_and_rule_in_red_and_the_signer_on_the_number_line()
    {
        var first = RedHeaderPdf.Value.Pages[0];
        var lead = first.Lines.First(l => l.Compact == "中共示例镇委员会");
        Assert.InRange(lead.CentreY - 15, PdfText.Top + (35 * PdfText.Mm) - (3 * PdfText.Mm), PdfText.Top + (35 * PdfText.Mm) + (3 * PdfText.Mm));
        var number = first.Lines.Single(l => l.Compact.StartsWith("示发〔2025〕3号", StringComparison.Ordinal));
        var signer = first.Lines.Single(l => l.Compact.EndsWith("签发人：王建国", StringComparison.Ordinal));
        Assert.InRange(number.XMin, PdfText.Left + 15.8 - 2, PdfText.Left + 15.8 + 2);
        Assert.InRange(signer.XMax, PdfText.Right - 15.8 - 2, PdfText.Right - 15.8 + 2);
        Assert.InRange(signer.CentreY, number.CentreY - 1, number.CentreY + 1);

        // Red pixels: the mark's rows, and one rule across the 版心 about 4 mm under the number line.
        var image = Pixels.Render(Path.ChangeExtension(Docx("red-header"), ".pdf"), 1, 72);
        var redRows = Enumerable.Range(0, image.Height).Select(y => (Y: y, Count: Enumerable.Range(0, image.Width).Count(x => image.IsRed(x, y)))).ToList();
        Assert.Contains(redRows, r => r.Count > 0 && Math.Abs(r.Y - lead.CentreY) < 8);
        var rule = redRows.Where(r => r.Count > 0.9 * 156 * PdfText.Mm).ToList();
        Assert.NotEmpty(rule);
        Assert.All(rule, r => Assert.InRange(r.Y, number.CentreY + 8, number.CentreY + 8 + (8 * PdfText.Mm)));
    }

    [Fact]
    public void The_copy_list_sits_on_the_bottom_edge_of_the_last_page_between_rules_across_the_type_area()
    {
        var pdf = RedHeaderPdf.Value;
        var last = pdf.Pages[^1];
        var printed = last.Lines.Single(l => l.Compact.EndsWith("印发", StringComparison.Ordinal));
        var copies = last.Lines.Single(l => l.Compact.StartsWith("抄送：", StringComparison.Ordinal));
        Assert.Contains("抄送：示例县委依法治县办，示例县司法局。", copies.Compact);
        Assert.True(copies.CentreY < printed.CentreY);
        Assert.InRange(copies.XMin, PdfText.Left + 14 - 2, PdfText.Left + 14 + 2);
        Assert.InRange(printed.XMax, PdfText.Right - 14 - 2, PdfText.Right - 14 + 2);

        // Three rules across the 版心: above 抄送, between, and under 印发.
        var image = Pixels.Render(Path.ChangeExtension(Docx("red-header"), ".pdf"), pdf.Pages.Count, 72);
        var rules = Enumerable.Range(0, image.Height).Where(y => Enumerable.Range(0, image.Width).Count(x => image.IsDark(x, y)) > 0.9 * 156 * PdfText.Mm).ToList();
        Assert.Contains(rules, y => y < copies.CentreY);
        Assert.Contains(rules, y => y > copies.CentreY && y < printed.CentreY);
        Assert.Contains(rules, y => y > printed.CentreY);
        Assert.InRange(rules.Max(), PdfText.Bottom - (2 * PdfText.Mm), PdfText.Bottom + (2 * PdfText.Mm));
        Assert.All(pdf.Pages.SkipLast(1), p => Assert.DoesNotContain(p.Lines, l => l.Compact.StartsWith("抄送", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_disclosure_tables_keep_their_merged_headers_and_repeat_them_on_the_next_page()
    {
        using (var zip = ZipFile.OpenRead(Docx("shili-xinxi-2024")))
        {
            var document = new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEnd();
            Assert.Contains("<w:gridSpan w:val=\"5\"/>", document);   // 法人或其他组织 over its five columns
            Assert.Contains("<w:vMerge w:val=\"restart\"/>", document);
            Assert.Contains("<w:tblHeader/>", document);
            Assert.Contains("<w:cantSplit/>", document);
        }

        // A longer 总体情况 than the sample's, so that table 三 (one page at 9 pt) runs over a page break.
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "xinxi-long.yaml");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"))
            .Replace("    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n", "    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n\n" + string.Concat(Enumerable.Repeat("    全年通过门户网站、政务新媒体等渠道发布政策解读材料，及时回应社会关切，政府信息管理制度进一步健全，平台建设持续加强。\n\n", 8)), StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("build", input, "--format", "docx");
        Assert.True(code == 0, error);
        var pdf = PdfText.Read(Office.ToPdf(Path.Combine(folder, "xinxi-long.docx")));
        var text = string.Concat(pdf.Pages.SelectMany(p => p.Lines).Select(l => l.Compact));
        foreach (var label in new[] { "申请人情况", "法人或其他组织", "（七）总计", "四、结转下年度继续办理", "未经复议直接起诉", "复议后起诉" })
        {
            Assert.Contains(label, text);
        }

        // Table 三 with its lead-in kept with it (keepNext) may move whole to the next page: every page with
        // rows of it has its header, repeated where the table runs over a page break.
        var rows = new[] { "一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理", "1.属于国家秘密" };
        var pagesWithRows = pdf.Pages.Where(p => p.Lines.Any(l => rows.Any(r => l.Compact.Contains(r, StringComparison.Ordinal)))).ToList();
        Assert.NotEmpty(pagesWithRows);
        Assert.All(pagesWithRows, p => Assert.Contains(p.Lines, l => l.Compact.Contains("申请人情况", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pandoc_reads_the_text_of_the_markdown_from_the_docx(string name)
    {
        var docx = Office.Pandoc(Docx(name));
        var md = File.ReadAllText(Path.Combine(Built.Value, name + ".md"));
        foreach (var spaced in SpaceBetweenChinese().Matches(docx).Select(m => m.Value).Distinct())
        {
            // (The tab between 发文字号 and 签发人 reads as a space.)
            Assert.True(md.Contains(spaced, StringComparison.Ordinal) || spaced == "号 签", $"a space the report does not have: '{spaced}'");
        }

        foreach (var number in Number().Matches(md).Select(m => m.Value).Distinct())
        {
            Assert.Matches($@"(?<![0-9.]){Regex.Escape(number)}(?![0-9]|\.[0-9])", docx);
        }

        // Tables apart: the Markdown repeats a column's groups in every header cell ("申请人情况·自然人") where
        // the Word table merges them. Every row of a table comes out with its label and its numbers in order.
        var mdRows = md.Split('\n').Where(l => l.StartsWith('|')).ToList();
        var docxLines = docx.Split('\n');
        // (A table's header row is the one before its "|---" line.)
        foreach (var row in mdRows.Where((r, i) => !r.StartsWith("|---", StringComparison.Ordinal) && !(i + 1 < mdRows.Count && mdRows[i + 1].StartsWith("|---", StringComparison.Ordinal))))
        {
            var cells = row.Trim('|').Split(" | ").Select(c => c.Trim()).ToList();
            // A group label is a cell of its own line, or (table 三) a merged cell at the left of its first row.
            if (cells.Skip(1).All(c => c.Length == 0))
            {
                Assert.Contains(docxLines, l => l.Trim() == cells[0] || l.TrimStart().StartsWith(cells[0] + " ", StringComparison.Ordinal));
                continue;
            }

            // The numbers after the label (after a group's merged cell too); a table without a label column
            // (table 四) prints the numbers alone.
            var values = cells.Skip(1).Where(c => c.Length > 0 && c != "—").ToList();
            Assert.Contains(docxLines, l => (l.IndexOf(cells[0] + " ", StringComparison.Ordinal) is var at and >= 0 ? l[(at + cells[0].Length)..] : l)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(values));
        }

        // The 版记 is in a text box at the foot of the page, which pandoc does not read: the SDK reads it.
        var colophon = md.LastIndexOf("\n---\n", StringComparison.Ordinal);
        if (colophon >= 0 && md[colophon..].Contains("印发", StringComparison.Ordinal))
        {
            var words = Office.Text(Docx(name));
            foreach (var line in md[(colophon + 5)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(line.Replace("　", "", StringComparison.Ordinal), words);
            }

            md = md[..colophon];
        }

        var text = string.Join("\n", md.Split('\n').Where(l => !l.StartsWith('|')));
        var read = string.Join("\n", docxLines.Where(l => !IsTableLine(l)));

        // The red 发文机关标志 is in the Word document (as in the HTML), not in the Markdown.
        if (name is "red-header" or "sealed")
        {
            Assert.StartsWith("中共示例镇委员会\n\n示例镇人民政府\n", read, StringComparison.Ordinal);
            read = read["中共示例镇委员会\n\n示例镇人民政府\n".Length..];
        }
        var similarity = Similarity(Strip(text), Strip(read));
        Assert.True(similarity >= 0.99, $"{name}: similarity {similarity:F4}");
    }

    // pandoc's plain tables: indented lines of dashes, or of cells apart by two spaces or more (or padded).
    private static bool IsTableLine(string line) =>
        line.StartsWith("  ", StringComparison.Ordinal) && (line.Contains("---", StringComparison.Ordinal) || line.TrimEnd().Length != line.Length || line.Trim().Contains("  ", StringComparison.Ordinal));

    // Markup and whitespace out: what is left is the words and numbers in order.
    private static string Strip(string text) => Markup().Replace(text, "");

    // 2 × the longest common subsequence over both lengths (difflib's ratio without its junk heuristics).
    private static double Similarity(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return 2.0 * previous[b.Length] / (a.Length + b.Length);
    }

    [GeneratedRegex(@"[\s|#*:\-+=>·_]+")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs} \p{IsCJKUnifiedIdeographs}")]
    private static partial Regex SpaceBetweenChinese();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
