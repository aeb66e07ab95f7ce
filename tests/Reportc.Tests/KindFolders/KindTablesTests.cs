using Reportc.Kinds;
using Reportc.Loading;
using static Reportc.Tests.KindFolders.DisclosureAsPublishedTests;

namespace Reportc.Tests.KindFolders;

/// <summary>A kind's tables: checked at every level, and a child kind adds, replaces or drops single tables (issue 15).</summary>
public sealed class KindTablesTests
{
    private const string Child = """
        id: county-xinxi
        extends: gov-info-disclosure
        name: 某县政府信息公开工作年度报告
        """;

    // The 复议诉讼 table as a county asks its departments for it: 行政复议 only, blanks left out of the sums.
    private const string ReviewsOnly = """
          - id: reviews
            section: reviews
            caption: 政府信息公开行政复议情况
            columns:
              - { id: kept, label: 结果维持 }
              - { id: corrected, label: 结果纠正 }
              - { id: total, label: 总计 }
            rows:
              - { id: cases, label: 件数 }
            rules:
              - { id: total, text: 总计 = 维持 + 纠正, each: row, total: total, sum: [kept, corrected] }
        """;

    private static IReadOnlyList<Diagnostics.Diagnostic> Check(string kind, string report)
    {
        var folder = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "county-xinxi"));
        File.WriteAllText(Path.Combine(folder, "county-xinxi", "kind.yaml"), kind);
        return new ReportCompiler(new KindCatalog(folder)).CompileText(SourceText.FromString(Path.Combine(folder, "r.yaml"), report)).Diagnostics;
    }

    private static string Report => With(Sample, ("kind: gov-info-disclosure", "kind: county-xinxi"));

    private static string WithoutReviews => With(Report, ("  reviews:\n    #               行政复议: 维持 纠正 其他 未结 总计 · 直接起诉: 同 · 复议后起诉: 同\n    cases:          [1, 0, 0, 0, 1,  0, 0, 0, 0, 0,  0, 0, 0, 0, 0]\n", ""));

    [Fact]
    public void A_child_kind_keeps_the_parents_tables()
    {
        Assert.Empty(Check(Child, Report));
        Assert.Contains(Check(Child, WithoutReviews), d => d.Code == "RC1006");
    }

    [Fact]
    public void A_child_kind_drops_one_table_and_keeps_the_others()
    {
        var kind = Child + "\ndrop_tables: [reviews]\n";
        Assert.Empty(Check(kind, WithoutReviews));
        var unknown = Assert.Single(Check(kind, Report));
        Assert.Equal("RC0204", unknown.Code); // tables.reviews is no table of the kind now
        Assert.Contains(Check(kind, With(WithoutReviews, ("  requests:\n", "  requests_gone:\n"))), d => d.Code == "RC1006");
    }

    [Fact]
    public void A_child_kind_replaces_one_table_by_its_id_and_adds_another()
    {
        var kind = Child + "\ntables:\n" + ReviewsOnly + "\n" + """
              - id: meetings
                section: other
                caption: 政府信息公开工作会议情况
                columns: [{ id: count, label: 次数 }]
                rows: [{ id: held, label: 召开专题会议 }]
            """;
        var report = With(WithoutReviews, ("tables:\n", "tables:\n  reviews:\n    cases: [2, 1, 3]\n  meetings:\n    held: [4]\n"));
        Assert.Empty(Check(kind, report));
        var broken = Assert.Single(Check(kind, report.Replace("cases: [2, 1, 3]", "cases: [2, 1, 4]", StringComparison.Ordinal)));
        Assert.Equal("RC1003", broken.Code);
    }

    [Fact]
    public void A_blank_cell_in_a_table_without_blank_zero_skips_the_sum_that_needs_it()
    {
        var kind = Child + "\ntables:\n" + ReviewsOnly + "\n";
        var report = With(WithoutReviews, ("tables:\n", "tables:\n  reviews:\n    cases: [2, \"\", 3]\n"));
        Assert.Empty(Check(kind, report));
        Assert.Single(Check(kind + "    blank: zero\n", report), d => d.Code == "RC1003");
    }

    [Theory]
    [InlineData("drop_tables: [review]", "there is no table 'review' to drop; did you mean 'reviews'?")]
    [InlineData("tables:\n  - oops", "an item of 'tables' must be a mapping")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲, decimals: 6.5 }], rows: [{ id: r, label: 乙 }] }", "'decimals' must be a whole number of digits, 0 to 10")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, colums: [{ id: a, label: 甲 }], rows: [{ id: r, label: 乙 }] }", "unknown key 'colums'; did you mean 'columns'?")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲 }, { id: a, label: 丙 }], rows: [{ id: r, label: 乙 }] }", "'a' is given twice in 'tables.t.columns'")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲 }], rows: [{ id: r, label: 乙, columns: [b] }] }", "row 'r' of table 't' names the column 'b', which the table does not have")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲 }], rows: [{ id: r }] }", "a row of table 't' is either { id, label } or { group }")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲 }], rows: [{ id: r, label: 乙 }], rules: [{ id: x, each: rows, total: a, sum: [a] }] }", "each: 'rows' must be row or column")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲, warn_above: { townshp: 5 } }], rows: [{ id: r, label: 乙 }] }", "unknown key 'townshp'; did you mean 'township'?")]
    [InlineData("tables:\n  - { id: t, section: other, caption: 表, columns: [{ id: a, label: 甲 }], rows: [{ id: r, label: 乙 }], blank: nothing }", "blank: 'nothing' is neither zero")]
    public void Every_level_of_a_kinds_tables_is_checked_with_the_id_or_key_meant(string tables, string message)
    {
        var diagnostics = Check(Child + "\n" + tables + "\n", Report);
        Assert.True(diagnostics.Any(d => d.Code == "RC0502" && d.Message.Contains(message, StringComparison.Ordinal)), string.Join("\n", diagnostics));
    }
}
