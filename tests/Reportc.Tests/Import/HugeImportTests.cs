using System.Text;

namespace Reportc.Tests.Import;

/// <summary>Text, web pages and PDFs past the limits end in a diagnostic (bench/hostile-inputs.sh measures time and memory).</summary>
public sealed class HugeImportTests
{
    [Theory]
    [InlineData(".txt")]
    [InlineData(".html")]
    public void A_text_or_web_page_over_8_mb_is_refused_by_its_size(string extension)
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "huge" + extension);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < 120_000; i++)
            {
                writer.Write($"<p>全年开展法治宣传活动{i % 97}场，发放资料{i % 1013}份，受理法律咨询{i % 331}人次。</p>\n");
            }
        }

        Assert.True(new FileInfo(path).Length > 8 << 20);
        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.Null(result.Yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("8,388,608", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_of_more_facts_than_any_report_makes_the_first_ten_thousand_metrics_and_keeps_the_other_numbers_as_text()
    {
        // One paragraph of 12,000 counts with no punctuation: each its own fact, none written twice.
        var path = Path.Combine(TestPaths.NewTempFolder(), "many.txt");
        var facts = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"开展宣传活动{1000 + i}场"));
        File.WriteAllText(path, $"示例镇2024年法治政府建设工作情况的报告\n\n一、主要举措和成效\n\n{facts}\n\n示例镇人民政府\n\n2025年1月10日\n");

        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.NotNull(result.Yaml);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RC1112");
        Assert.Equal(3, warning.Span.Line); // the line of the section the numbers are in, as the metric comments give it
        var yaml = result.Yaml!;
        var metrics = yaml[yaml.IndexOf("\nmetrics:\n", StringComparison.Ordinal)..yaml.IndexOf("\nsections:", StringComparison.Ordinal)];
        Assert.Equal(10_000, metrics.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^  [a-z0-9_]+: ")));
        // The first fact is a metric, the last ones stay as they were written.
        Assert.Contains("value: 1000, unit: 场", metrics, StringComparison.Ordinal);
        Assert.Contains("value: 10999, unit: 场", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("value: 11000,", metrics, StringComparison.Ordinal);
        Assert.Contains("开展宣传活动11000场", yaml, StringComparison.Ordinal);
        Assert.Contains("开展宣传活动12999场", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_whose_text_is_over_8_mb_is_refused_after_pdftotext_or_at_the_time_limit()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "pages.pdf");
        WritePdf(path, 4000);

        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.Null(result.Yaml);
        // Its text past the 8 MB limit, or pdftotext stopped at the 20 s limit on a loaded machine: a diagnostic either way.
        Assert.Contains(result.Diagnostics, d => (d.Code == "RC1101" && d.Message.Contains("8,388,608", StringComparison.Ordinal)) || d.Code == "RC1103");
    }

    // A PDF of many pages sharing one content stream of 30 lines of Latin text (pdftotext gives each page's text).
    private static void WritePdf(string path, int pages)
    {
        var line = "(Fazhi zhengfu jianshe niandu baogao 2024 yifa xingzheng 12345 67890 abcdefghij) Tj T*";
        var content = "BT /F1 9 Tf 11 TL 40 800 Td " + string.Join(" ", Enumerable.Repeat(line, 30)) + " ET";
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        var kids = new List<string>();
        for (var i = 0; i < pages; i++)
        {
            objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
            kids.Add($"{objects.Count} 0 R");
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", kids)}] /Count {pages} >>";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(n + 1).Append(" 0 obj\n").Append(objects[n]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        File.WriteAllText(path, pdf.ToString(), Encoding.ASCII);
    }
}
