using Reportc.Kinds;
using Reportc.Loading;
using static Reportc.Tests.KindFolders.DisclosureAsPublishedTests;

namespace Reportc.Tests.KindFolders;

/// <summary>Blank cells as published tables have them, and table cells named in the text (issue 15).</summary>
public sealed class DisclosureCellsTests
{
    private static Compilation Compile(string yaml) =>
        new ReportCompiler(new KindCatalog()).CompileText(SourceText.FromString(SamplePath, yaml));

    [Fact]
    public void Blank_cells_are_written_as_empty_quotes_printed_blank_and_counted_as_zero_where_the_format_says_so()
    {
        var yaml = With(
            Sample,
            ("    received:       [12, 3, 0, 0, 1, 0, 16]", "    received:       [12, 3, \"\", \"\", 1, \"\", 16]"),
            ("    regulations:    [0, 0, 0]", "    regulations:    [\"\", \"\", \"\"]"),
            ("    cases:          [1, 0, 0, 0, 1,  0, 0, 0, 0, 0,", "    cases:          [1, \"\", \"\", \"\", 1,  0, 0, 0, 0, 0,"));
        var result = Compile(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("<th scope=\"row\" colspan=\"3\">一、本年新收政府信息公开申请数量</th><td>12</td><td>3</td><td></td><td></td><td>1</td><td></td><td>16</td>", result.Output("html"));
        Assert.Contains("<th scope=\"row\">规章</th><td></td><td></td><td></td>", result.Output("html"));
        Assert.Contains("| 一、本年新收政府信息公开申请数量 | 12 | 3 |  |  | 1 |  | 16 |", result.Output("md"));
    }

    [Fact]
    public void A_total_left_blank_is_counted_as_zero_and_caught()
    {
        var yaml = With(Sample, ("    received:       [12, 3, 0, 0, 1, 0, 16]", "    received:       [12, 3, 0, 0, 1, 0, \"\"]"));
        var broken = Compile(yaml).Diagnostics.Where(d => d.Code == "RC1003").ToList();
        Assert.NotEmpty(broken);
        Assert.Contains(broken, d => d.Message.Contains("总计 = 自然人", StringComparison.Ordinal) && d.Message.Contains("0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cell_is_referred_to_from_the_text_by_table_row_and_column()
    {
        var yaml = With(
            Sample,
            ("  requests: 本年收到和处理政府信息公开申请情况见下表。", "  requests: 本年共收到政府信息公开申请{{requests.received.total}}件，其中自然人{{requests.received.natural}}件；现行有效规范性文件{{proactive.normative.valid}}件。"));
        var result = Compile(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("本年共收到政府信息公开申请16件，其中自然人12件；现行有效规范性文件5件。", result.Output("md"));
    }

    [Theory]
    [InlineData("{{requests.recieved.total}}", "table 'requests' has no row 'recieved'; did you mean 'received'?")]
    [InlineData("{{requests.received.totl}}", "row 'received' of table 'requests' has no column 'totl'; did you mean 'total'?")]
    [InlineData("{{requsts.received.total}}", "there is no table 'requsts'; did you mean 'requests'?")]
    [InlineData("{{proactive.licensing.fees}}", "row 'licensing' of table 'proactive' has no column 'fees'")]
    [InlineData("{{requests.received}}", "a cell of table 'requests' is named table.row.column")]
    public void A_path_that_names_no_cell_is_an_error_with_the_id_meant(string reference, string why)
    {
        var yaml = With(Sample, ("  requests: 本年收到和处理政府信息公开申请情况见下表。", $"  requests: 本年收到申请{reference}件。"));
        var error = Assert.Single(Compile(yaml).Diagnostics);
        Assert.Equal("RC1009", error.Code);
        Assert.EndsWith(why, error.Message, StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains(reference, StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.Span.Line);
    }

    [Theory]
    [InlineData("现行有效规范性文件393件", "393", "5")]
    [InlineData("本年共收到政府信息公开申请18件", "18", "16")]
    [InlineData("全年作出行政许可决定35件", "35", "36")]
    [InlineData("本年予以公开10件", "10", "9")]
    public void A_number_in_the_text_that_contradicts_its_table_cell_is_a_warning_at_the_number(string sentence, string typed, string inTable)
    {
        var yaml = With(Sample, ("  problems: 政府信息公开的及时性有待提高。", $"  problems: {sentence}。政府信息公开的及时性有待提高。"));
        var warning = Assert.Single(Compile(yaml).Diagnostics);
        Assert.Equal("RC1010", warning.Code);
        Assert.StartsWith($"the text says {typed} where table", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"has {inTable} (", warning.Message, StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains(sentence, StringComparison.Ordinal));
        Assert.Equal(line + 1, warning.Span.Line);
        Assert.Equal(yaml.Split('\n')[line].IndexOf(typed, StringComparison.Ordinal) + 1, warning.Span.Column);

        // The same sentence with the table's number: nothing to say.
        Assert.Empty(Compile(yaml.Replace(sentence, sentence.Replace(typed, inTable, StringComparison.Ordinal), StringComparison.Ordinal)).Diagnostics);
    }
}
