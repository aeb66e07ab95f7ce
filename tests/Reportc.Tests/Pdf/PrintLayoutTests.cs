using Reportc.Tests.Cli;

namespace Reportc.Tests.Pdf;

/// <summary>The 版头 (red 发文机关标志, 发文字号 with 签发人, red rule) and the 版记 at the foot of the last page.</summary>
[Collection("browser")]
public sealed class PrintLayoutTests
{
    private const string Report = """
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

    private static PdfText Print(string yaml)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, yaml);
        var (code, _, stderr) = CliRunner.Run("build", input, "--format", "pdf");
        Assert.True(code == 0, stderr);
        return PdfText.Read(Path.Combine(folder, "r.pdf"));
    }

    [Fact]
    public void The_copy_list_sits_on_the_bottom_edge_of_the_last_page()
    {
        var pdf = Print(Report);
        var last = pdf.Pages[^1];
        var printed = last.Lines.Single(l => l.Compact.EndsWith("印发", StringComparison.Ordinal));
        var copies = last.Lines.Single(l => l.Compact.StartsWith("抄送：", StringComparison.Ordinal));

        // 4号 text, 1.6 lines: the last line's box ends half a line under its centre, the rule under it.
        // (A glyph box's centre sits a little above its line's centre: 2 mm of tolerance.)
        var bottom = printed.CentreY + (14 * 1.6 / 2);
        Assert.InRange(bottom, PdfText.Bottom - (2 * PdfText.Mm), PdfText.Bottom + (2 * PdfText.Mm));
        Assert.True(copies.CentreY < printed.CentreY);
        Assert.Contains("抄送：示例县委依法治县办，示例县司法局。", copies.Compact);
        Assert.All(pdf.Pages.SkipLast(1), p => Assert.DoesNotContain(p.Lines, l => l.Compact.StartsWith("抄送", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_red_header_stacks_the_issuers_and_puts_the_signer_on_the_number_line()
    {
        var first = Print(Report).Pages[0];
        var lead = first.Lines.First(l => l.Compact == "中共示例镇委员会");
        var second = first.Lines.First(l => l.Compact == "示例镇人民政府");
        Assert.True(lead.CentreY < second.CentreY, "the lead organ comes first");

        // The 标志 starts 35 mm under the top of the type area.
        Assert.InRange(lead.CentreY - 15, PdfText.Top + (35 * PdfText.Mm) - (3 * PdfText.Mm), PdfText.Top + (35 * PdfText.Mm) + (3 * PdfText.Mm));

        // An upward document: the 发文字号 one character in from the left, 签发人 one character in from the right.
        var number = first.Lines.Single(l => l.Compact.StartsWith("示发〔2025〕3号", StringComparison.Ordinal));
        var signer = first.Lines.Single(l => l.Compact.StartsWith("签发人：王建国", StringComparison.Ordinal));
        Assert.InRange(number.XMin, PdfText.Left + 15.8 - 2, PdfText.Left + 15.8 + 2);
        Assert.InRange(signer.XMax, PdfText.Right - 15.8 - 2, PdfText.Right - 15.8 + 2);
        Assert.InRange(signer.CentreY, number.CentreY - 1, number.CentreY + 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Masthead_wenjian_puts_the_word_after_a_single_issuer_and_beside_joint_issuers_centred_on_them(bool joint)
    {
        var yaml = Report.Replace("  masthead: true", "  masthead: 文件", StringComparison.Ordinal);
        if (!joint)
        {
            yaml = yaml.Replace("[中共示例镇委员会, 示例镇人民政府]", "示例镇人民政府", StringComparison.Ordinal)
                .Replace("中共示例镇委员会 示例镇人民政府\n", "示例镇人民政府\n", StringComparison.Ordinal);
        }

        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, yaml);
        var (code, _, stderr) = CliRunner.Run("build", input, "--format", "pdf");
        Assert.True(code == 0, stderr);
        var words = System.Text.RegularExpressions.Regex.Matches(
                PdfText.Run("pdftotext", "-bbox", "-f", "1", "-l", "1", Path.Combine(folder, "r.pdf"), "-"),
                @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]+)</word>")
            .Select(m => (Text: m.Groups[5].Value, XMin: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                XMax: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                CentreY: (double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture)) / 2))
            .ToList();

        if (!joint)
        {
            Assert.Contains(words, w => w.Text == "示例镇人民政府文件");
            return;
        }

        var lead = words.First(w => w.Text == "中共示例镇委员会");
        var second = words.First(w => w.Text == "示例镇人民政府");
        var wenjian = words.Single(w => w.Text == "文件");
        Assert.InRange(second.XMin, lead.XMin - 1, lead.XMin + 1); // the names justified to one width
        Assert.InRange(second.XMax, lead.XMax - 1, lead.XMax + 1);
        Assert.True(wenjian.XMin > lead.XMax, "文件 stands to the right of the names");
        Assert.InRange(wenjian.CentreY, ((lead.CentreY + second.CentreY) / 2) - 2, ((lead.CentreY + second.CentreY) / 2) + 2);
    }

    [Fact]
    public void The_text_starts_on_the_line_under_the_addressee()
    {
        var lines = Print(Report).Pages[0].Lines;
        var addressee = lines.Single(l => l.Compact == "中共示例县委、示例县人民政府：");
        var next = lines.Where(l => l.CentreY > addressee.CentreY + 1).MinBy(l => l.CentreY)!;

        // GB/T 9704 7.3.3: 正文 on the next line, one line pitch (28.95 pt) down, with no blank line between.
        Assert.InRange(next.CentreY - addressee.CentreY, 28.95 - 1.5, 28.95 + 1.5);
    }

    // A 1×1 PNG: enough for the PDF to carry an image where the seal goes.
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    [Fact]
    public void A_seal_image_is_printed_over_the_signature_which_starts_two_lines_under_the_text()
    {
        var folder = TestPaths.NewTempFolder();
        File.WriteAllBytes(Path.Combine(folder, "印章.png"), Convert.FromBase64String(TinyPng));
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report.Replace("  date: 2025-01-18\n", "  date: 2025-01-18\n  seal: 印章.png\n", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("build", input, "--format", "html,pdf");
        Assert.True(code == 0, stderr);

        Assert.Contains("<img class=\"seal-image\" src=\"data:image/png;base64," + TinyPng + "\" alt=\"印章\">", File.ReadAllText(Path.Combine(folder, "r.html")));
        var pdf = Path.Combine(folder, "r.pdf");
        var pages = PdfText.Read(pdf).Pages;
        var images = PdfText.Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        var lastPage = pages[^1].Number;
        Assert.Contains(images, l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) == lastPage);

        var lines = pages.SelectMany(p => p.Lines.Select(l => (Page: p.Number, Line: l))).ToList();
        var name = lines.Last(l => l.Line.Compact == "中共示例镇委员会"); // the first of the two 署名 lines
        var text = lines.Last(l => l.Page == name.Page && l.Line.CentreY < name.Line.CentreY - 1 && l.Line.Compact.EndsWith('。'));
        Assert.InRange(name.Line.CentreY - text.Line.CentreY, (3 * 28.95) - 2, (3 * 28.95) + 2);
    }

    [Theory]
    [InlineData("seal: 无此文件.png", "it is missing, or not a regular file inside the folder (links out of the folder, devices and pipes are not read)")]
    [InlineData("seal: r.yaml", "it is not a PNG, JPEG, WebP or SVG image")]
    public void A_seal_image_that_cannot_be_used_is_an_error_at_its_name(string seal, string why)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, Report.Replace("  date: 2025-01-18\n", $"  date: 2025-01-18\n  {seal}\n", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("check", input);

        Assert.Equal(1, code);
        var line = Report.Split('\n').ToList().FindIndex(l => l == "  date: 2025-01-18") + 2;
        Assert.Contains($"r.yaml({line},9): error RC0210: the seal image '{seal["seal: ".Length..]}' cannot be used: {why}", stderr);
    }

    [Fact]
    public void A_block_of_the_disclosure_table_is_never_split_from_its_header_across_a_page()
    {
        // The opening text grows a paragraph at a time, so that the 主动公开 table meets the page's foot at each
        // of its rows in one report or another; no page may end with a block's caption or header row.
        var folder = TestPaths.NewTempFolder();
        var sample = File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml")).Replace("previous:", "# previous:", StringComparison.Ordinal);
        const string anchor = "    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n";
        for (var n = 2; n <= 8; n++)
        {
            var extra = string.Concat(Enumerable.Range(0, n).Select(k => $"    政府信息管理和平台建设进一步规范，依法办理政府信息公开申请，第{k}段。\n"));
            File.WriteAllText(Path.Combine(folder, $"x{n}.yaml"), sample.Replace(anchor, anchor + extra, StringComparison.Ordinal));
        }

        var (code, _, stderr) = CliRunner.Run("build", folder, "--format", "pdf");
        Assert.True(code == 0, stderr);
        foreach (var pdf in Directory.GetFiles(folder, "*.pdf"))
        {
            foreach (var page in PdfText.Read(pdf).Pages)
            {
                // The page's lowest row of text (a table row's cells may come as lines of their own).
                var lines = page.BodyLines.ToList();
                if (lines.Count == 0)
                {
                    continue;
                }

                var bottom = lines.Max(l => l.CentreY);
                var last = string.Join(" ", lines.Where(l => l.CentreY > bottom - 3).Select(l => l.Compact));
                Assert.False(last.Contains("信息内容", StringComparison.Ordinal) || last.Contains("第二十条", StringComparison.Ordinal), $"{Path.GetFileName(pdf)} page {page.Number} ends with '{last}'");
            }
        }
    }

    private static readonly string[] TableRowLabels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "四、结转下年度继续办理"];

    [Fact]
    public void No_page_ends_with_a_heading_and_the_signature_never_stands_alone()
    {
        // The text grows two paragraphs at a time, so that the page breaks fall at every place near the end.
        var folder = GrowingReports(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"), "    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n", 16, 40);
        foreach (var (name, pages) in PrintAll(folder))
        {
            foreach (var page in pages.SkipLast(1))
            {
                var lowest = page.BodyLines.MaxBy(l => l.CentreY)!;
                // (Table 三's last row, 四、结转下年度继续办理, is a row label, not a heading: a page may end with it.)
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(lowest.Compact, "^[一二三四五六七八九十]+、") && !TableRowLabels.Any(lowest.Compact.StartsWith), $"{name} page {page.Number} ends with the heading '{lowest.Compact}'");
            }

            var signaturePage = pages.Last(p => p.BodyLines.Any(l => l.Compact == "2025年1月20日"));
            var issuer = signaturePage.BodyLines.Last(l => l.Compact == "示例县司法局");
            Assert.True(signaturePage.BodyLines.Any(l => l.CentreY < issuer.CentreY - 1), $"{name}: the signature stands alone on page {signaturePage.Number}");
        }
    }

    [Fact]
    public void The_copy_list_stays_at_the_foot_of_the_last_page_wherever_the_pages_break()
    {
        // (A report of tables, the 政府信息公开 kind, can still get it wrong where a table moves to the next
        // page whole: the print layout script does not know every rule of table breaking.)
        var folder = GrowingReports(TestPaths.Sample, "  依法行政、依法治理，不断提高法治建设水平，为全镇经济社会发展营造了良好的法治环境。现将本年度法治政府建设工作总结如下：\n", 0, 24);
        foreach (var (name, pages) in PrintAll(folder))
        {
            var printed = pages[^1].Lines.Single(l => l.Compact.EndsWith("印发", StringComparison.Ordinal));
            var foot = printed.CentreY + (14 * 1.6 / 2);
            Assert.True(foot > PdfText.Bottom - (2 * PdfText.Mm) && foot < PdfText.Bottom + (2 * PdfText.Mm), $"{name}: the copy list ends at {foot:F0} pt, not at the foot of the type area ({PdfText.Bottom:F0} pt)");
        }
    }

    // Copies of a report with cc and printer, the text after anchor growing by two paragraphs a copy.
    private static string GrowingReports(string sample, string anchor, int from, int to)
    {
        var folder = TestPaths.NewTempFolder();
        var text = File.ReadAllText(sample)
            .Replace("previous:", "# previous:", StringComparison.Ordinal)
            .Replace("  date: 2025-01-20\n", "  date: 2025-01-20\n  cc: 示例县人民政府办公室\n  printer: 示例县司法局办公室\n  print_date: 2025-01-20\n", StringComparison.Ordinal);
        Assert.Contains("  cc: 示例县人民政府办公室", text);
        Assert.Contains(anchor, text);
        for (var n = from; n <= to; n += 2)
        {
            var extra = string.Concat(Enumerable.Range(0, n).Select(k => $"{anchor[..anchor.IndexOf(anchor.TrimStart(), StringComparison.Ordinal)]}推进法治建设的各项工作进一步规范，依法办理各类事项，第{k}段。\n"));
            File.WriteAllText(Path.Combine(folder, $"x{n:D2}.yaml"), text.Replace(anchor, anchor + extra, StringComparison.Ordinal));
        }

        return folder;
    }

    private static IEnumerable<(string Name, IReadOnlyList<PdfPage> Pages)> PrintAll(string folder)
    {
        var (code, _, stderr) = CliRunner.Run("build", folder, "--format", "pdf");
        Assert.True(code == 0, stderr);
        return Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).Select(pdf => (Path.GetFileName(pdf), PdfText.Read(pdf).Pages)).ToList();
    }

    [Fact]
    public void A_plain_document_has_no_red_header()
    {
        var first = Print(Report.Replace("  masthead: true\n", "", StringComparison.Ordinal)).Pages[0];
        Assert.DoesNotContain(first.Lines, l => l.Compact == "中共示例镇委员会");
        Assert.Contains(first.Lines, l => l.Compact.Contains("示发〔2025〕3号", StringComparison.Ordinal));
    }

    [Fact]
    public void The_disclosure_tables_print_inside_the_type_area_with_their_header_on_every_page()
    {
        var folder = TestPaths.NewTempFolder();
        // A longer 总体情况 than the sample's, so that table 三 (one page at 9 pt) runs over a page break.
        var input = Path.Combine(folder, "shili-xinxi-2024.yaml");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"))
            .Replace("    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n", "    依法办理政府信息公开申请，政府信息管理和平台建设进一步规范。\n\n" + string.Concat(Enumerable.Repeat("    全年通过门户网站、政务新媒体等渠道发布政策解读材料，及时回应社会关切，政府信息管理制度进一步健全，平台建设持续加强。\n\n", 8)), StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("build", input, "-o", folder, "--format", "pdf");
        Assert.True(code == 0, stderr);
        var pdf = PdfText.Read(Path.Combine(folder, "shili-xinxi-2024.pdf"));

        var text = string.Concat(pdf.Pages.SelectMany(p => p.Lines).Select(l => l.Compact));
        foreach (var label in new[] { "申请人情况", "法人或其他组织", "（七）总计", "四、结转下年度继续办理", "未经复议直接起诉", "复议后起诉", "本年收费金额（单位：万元）" })
        {
            Assert.Contains(label, text);
        }

        // The 依申请公开 table fits a page at 9 pt and moves whole: every page with rows of it has its header.
        var rows = new[] { "一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理", "1.属于国家秘密" };
        var pagesWithRows = pdf.Pages.Where(p => p.Lines.Any(l => rows.Any(r => l.Compact.Contains(r, StringComparison.Ordinal)))).ToList();
        Assert.NotEmpty(pagesWithRows);
        Assert.All(pagesWithRows, p => Assert.Contains(p.Lines, l => l.Compact.Contains("申请人情况", StringComparison.Ordinal)));
        Assert.All(pdf.Pages.SelectMany(p => p.BodyLines), l =>
            Assert.True(l.XMin >= PdfText.Left - (1.5 * PdfText.Mm) && l.XMax <= PdfText.Right + (1.5 * PdfText.Mm), $"'{l.Text}' x {l.XMin:F1}–{l.XMax:F1}"));
    }
}
