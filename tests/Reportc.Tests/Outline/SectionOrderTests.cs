using System.IO.Compression;
using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests.Outline;

/// <summary>Sections stand and are numbered in the order the report writes them; the kind says which are required.</summary>
public sealed class SectionOrderTests
{
    private static readonly string Cases = Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Corpus", "cases");

    private static Compilation Compile(string name, IReadOnlyCollection<string>? formats = null) =>
        new ReportCompiler(new KindCatalog(), new CompilerOptions { Formats = formats ?? ["md", "html"] }).Compile(Path.Combine(Cases, name + ".yaml"));

    [Fact]
    public void A_report_in_the_national_rules_order_prints_and_numbers_its_sections_in_that_order_in_every_output()
    {
        var result = Compile("155-sections-in-the-national-rules-order", ["md", "html", "docx"]);
        string[] expected =
        [
            "一、2025年推进法治政府建设的主要举措和成效",
            "二、2025年推进法治政府建设存在问题短板及原因",
            "三、2025年党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、2026年度推进法治政府建设的主要安排",
            "五、其他需要报告的重要事项",
        ];
        var md = result.Output("md");
        var html = result.Output("html");
        using var docx = new ZipArchive(new MemoryStream(result.Outputs.Single(o => o.Format == "docx").Bytes!));
        var document = new StreamReader(docx.GetEntry("word/document.xml")!.Open()).ReadToEnd();
        foreach (var text in new[] { md, Text(html), Text(document) })
        {
            var places = expected.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, places);
            Assert.Equal(places.Order(), places);
        }

        // The local sections left out are not printed and not complained about.
        Assert.DoesNotContain("履行法院生效裁判", md);
        Assert.Empty(result.Diagnostics);
    }

    private static string Text(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, "<[^>]+>", "");

    [Fact]
    public void A_missing_required_section_is_numbered_where_it_would_stand_in_the_reports_order_and_points_to_a_kind_of_its_own()
    {
        var missing = Compile("156-national-order-missing-a-required-section").Diagnostics.Single();
        Assert.Equal("RC0203", missing.Code);
        Assert.Contains("二、2025年推进法治政府建设存在问题短板及原因 (problems)", missing.Message);
        Assert.Contains("extends law-based-government", missing.Message);
        Assert.Contains("docs/kinds.md", missing.Message);
    }

    [Fact]
    public void A_section_the_kind_lacks_is_answered_with_the_way_to_a_kind_of_the_reports_own()
    {
        var unknown = Compile("157-a-section-the-kind-lacks").Diagnostics.Single();
        Assert.Equal("RC0204", unknown.Code);
        Assert.Contains("add_sections, see docs/kinds.md", unknown.Message);
    }

    [Fact]
    public void A_report_in_the_kinds_own_order_is_printed_as_before()
    {
        var yaml = File.ReadAllText(TestPaths.Sample);
        var md = new ReportCompiler(new KindCatalog()).CompileText(SourceText.FromString("beiliu.yaml", yaml)).Output("md");
        Assert.True(md.IndexOf("一、2024年党政主要负责人", StringComparison.Ordinal) < md.IndexOf("二、2024年推进法治政府建设的主要举措和成效", StringComparison.Ordinal));
        Assert.Contains("七、其他需要报告的重要事项", md);
    }
}
