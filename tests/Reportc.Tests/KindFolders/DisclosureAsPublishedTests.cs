using System.IO.Compression;
using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests.KindFolders;

/// <summary>
/// 政府信息公开 reports as published (issue 15): numbers exactly as typed, plausibility by the issuer's level,
/// the deadline by who issues. The numbers are invented; the shapes are those of real district reports.
/// </summary>
public sealed class DisclosureAsPublishedTests
{
    internal static readonly string SamplePath = Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml");

    internal static string Sample => File.ReadAllText(SamplePath);

    private static Compilation Compile(string yaml, params string[] formats) =>
        new ReportCompiler(new KindCatalog(), new CompilerOptions { Formats = formats.Length > 0 ? formats : ["md", "html"] })
            .CompileText(SourceText.FromString(SamplePath, yaml));

    internal static string With(string yaml, params (string From, string To)[] changes)
    {
        foreach (var (from, to) in changes)
        {
            Assert.Contains(from, yaml);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }

        return yaml;
    }

    private static string DocxText(Compilation result)
    {
        using var zip = new ZipArchive(new MemoryStream(result.Outputs.Single(o => o.Format == "docx").Bytes!));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    // A district government's report: its own issuer, dated in March, a six-decimal fee and one over 10,000 万元.
    internal static string District(string fee) => With(
        Sample,
        ("  issuers: 示例县司法局", "  issuers: 示例区人民政府"),
        ("  title: 示例县司法局2024年政府信息公开工作年度报告", "  title: 示例区人民政府2024年政府信息公开工作年度报告"),
        ("  date: 2025-01-20", "  date: 2025-03-26"),
        ("    charges:        [0]", $"    charges:        [{fee}]"));

    [Theory]
    [InlineData("5949.088667")]
    [InlineData("316441")]
    [InlineData("18651.06")]
    [InlineData("3.60")]
    public void A_fee_prints_exactly_as_typed_in_md_html_and_docx(string fee)
    {
        var result = Compile(District(fee), "md", "html", "docx");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "RC1004" or "RC0704");
        Assert.Contains($"| 行政事业性收费 | — | — | — | — | {fee} |", result.Output("md"));
        Assert.Contains($"<th scope=\"row\">行政事业性收费</th><td colspan=\"3\">{fee}</td>", result.Output("html"));
        Assert.Contains($">{fee}</w:t>", DocxText(result));
    }

    [Fact]
    public void A_metric_prints_its_trailing_zeros_and_all_its_decimals_as_typed()
    {
        var yaml = With(
            Sample,
            ("  publicity_items: { value: 156, unit: 条, label: 主动公开政府信息 }", "  publicity_items: { value: 156, unit: 条, label: 主动公开政府信息 }\n  online_rate: { value: 3.60, unit: '%', label: 网上答复占比 }\n  fees_total: { value: 5949.088667 万元, label: 收费总额 }"),
            ("  other: 本年度未收取信息处理费。", "  other: 网上答复占比{{online_rate}}，收费{{fees_total}}。"));
        var result = Compile(yaml, "md", "html", "docx");
        Assert.Empty(result.Diagnostics);
        foreach (var output in new[] { result.Output("md"), result.Output("html"), DocxText(result) })
        {
            Assert.Contains("3.60%", output);
            Assert.Contains("5949.088667万元", output);
            Assert.DoesNotContain("5949.09", output);
        }
    }

    [Theory]
    [InlineData("示例区人民政府", "18651.06", false)]
    [InlineData("示例区人民政府", "316441", false)]
    [InlineData("示例市人民政府", "2400000", false)]
    [InlineData("示例省人民政府办公厅", "8100000", false)]
    [InlineData("示例镇人民政府", "2513.5", false)]
    [InlineData("示例镇人民政府", "251000", true)]
    [InlineData("示例县市场监督管理局", "3164410000", true)]
    [InlineData("示例市人民政府", "31644100", true)]
    public void A_fee_warns_only_above_what_an_office_of_the_issuers_level_takes_in(string issuer, string fee, bool warns)
    {
        var yaml = With(District(fee), ("  issuers: 示例区人民政府", $"  issuers: {issuer}"));
        var warning = Compile(yaml).Diagnostics.SingleOrDefault(d => d.Code == "RC1004");
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            // The reason: the level and its limit, and what the number would be in 万元 if typed in 元.
            var zh = warning.GetMessage(Diagnostics.MessageText.Chinese);
            Assert.Contains(IssuerLevels.Of(issuer) switch { IssuerLevel.Township => "乡镇一级机关", IssuerLevel.County => "县级机关", _ => "市级机关" }, zh);
            Assert.Contains((decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture) / 10000).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), zh);
        }
    }

    [Theory]
    [InlineData("示例镇人民政府", IssuerLevel.Township)]
    [InlineData("示例街道办事处", IssuerLevel.Township)]
    [InlineData("示例县司法局", IssuerLevel.County)]
    [InlineData("示例市示例区人民政府", IssuerLevel.County)]
    [InlineData("示例县市场监督管理局", IssuerLevel.County)]
    [InlineData("示例县乡村振兴局", IssuerLevel.County)]
    [InlineData("示例市生态环境局", IssuerLevel.City)]
    [InlineData("示例自治州人民政府", IssuerLevel.City)]
    [InlineData("示例省人民政府办公厅", IssuerLevel.Province)]
    [InlineData("示例自治区人民政府", IssuerLevel.Province)]
    [InlineData("重庆市人民政府", IssuerLevel.Province)]
    [InlineData("重庆市示例区人民政府", IssuerLevel.County)]
    [InlineData("示例中心", IssuerLevel.Unknown)]
    public void An_issuers_level_is_read_from_the_last_place_word_of_its_name(string issuer, IssuerLevel level) =>
        Assert.Equal(level, IssuerLevels.Of(issuer));

    [Theory]
    [InlineData("示例区人民政府", "2025-03-26", "", false)]   // a government's own report: 3月31日
    [InlineData("示例区人民政府", "2025-04-02", "", true)]
    [InlineData("示例区司法局", "2025-01-31", "", false)]     // a department's: 1月31日
    [InlineData("示例区司法局", "2025-03-26", "", true)]
    [InlineData("示例区司法局", "2025-03-26", "  deadline: 03-31\n", false)] // the report's own deadline
    [InlineData("示例镇人民政府", "2025-02-20", "  deadline: 02-15\n", true)]
    [InlineData("示例区司法局", "2025-06-30", "  deadline: none\n", false)]
    public void The_deadline_follows_who_issues_the_report_and_the_report_can_set_its_own(string issuer, string date, string deadline, bool late)
    {
        var yaml = With(District("0"), ("  issuers: 示例区人民政府", $"  issuers: {issuer}\n{deadline}"), ("  date: 2025-03-26", $"  date: {date}"));
        var diagnostics = Compile(yaml).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Code != "RC0704");
        Assert.Equal(late, diagnostics.Any(d => d.Code == "RC0704"));
    }

    [Fact]
    public void A_deadline_that_is_no_month_and_day_is_an_error_at_it()
    {
        var yaml = With(District("0"), ("  issuers: 示例区人民政府", "  issuers: 示例区人民政府\n  deadline: 3月底"));
        var error = Assert.Single(Compile(yaml).Diagnostics);
        Assert.Equal("RC0206", error.Code);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("3月底", StringComparison.Ordinal)) + 1, error.Span.Line);
    }

    [Fact]
    public void The_word_tables_have_the_official_shapes_and_the_lead_in_keeps_with_its_table()
    {
        var xml = DocxText(Compile(Sample, "docx"));
        // The lead-in before table 三 keeps with it.
        var lead = xml.IndexOf("本年收到和处理政府信息公开申请情况见下表。", StringComparison.Ordinal);
        Assert.Contains("<w:keepNext/><w:keepLines/>", xml[xml.LastIndexOf("<w:p>", lead, StringComparison.Ordinal)..lead]);
        // Table 二: 行政许可's value spans the block's three columns.
        Assert.Matches("<w:gridSpan w:val=\"3\"/>(?:(?!</w:tc>).)*>36</w:t>", xml);
        // Table 三: the group 三、本年度办理结果 begins a vertical merge; a later row continues it.
        Assert.Matches("<w:vMerge w:val=\"restart\"/>(?:(?!</w:tc>).)*>三、本年度办理结果</w:t>", xml);
        // Table 四: no 件数 label and no empty corner: its one row is the fifteen numbers.
        var reviews = xml[xml.IndexOf(">行政复议<", StringComparison.Ordinal)..];
        Assert.DoesNotContain(">件数<", reviews);
    }
}
