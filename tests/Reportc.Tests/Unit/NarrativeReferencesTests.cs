using Reportc.Binding;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using Reportc.Rendering;
using Scriban.Runtime;

namespace Reportc.Tests.Unit;

/// <summary>
/// {{id}}, {{id.change}}, {{id.prev}} and mistyped references are resolved when the report is bound
/// (Binding.NarrativeReferences): the bound report carries what each prints and why one failed, and the
/// renderer's model prints exactly that.
/// </summary>
public sealed class NarrativeReferencesTests
{
    private static Report Bind(string duty, PreviousYear? previous)
    {
        var yaml = TestReports.WithDuty("    " + duty, "  central_group_study: 12 次\n  responsibility_letters: 3 份\n  law_exam_rate: 85.5 %");
        var file = BoundFile.Of(SourceText.FromString("refs.yaml", yaml), [], new KindCatalog(), MessageText.English);
        Assert.NotNull(file.Report);
        return NarrativeReferences.Bind(file.Report, previous);
    }

    [Fact]
    public void The_bound_report_carries_each_reference_as_printed_and_why_one_failed()
    {
        var report = Bind("学法{{central_group_study}}，{{central_group_study.change}}，{{responsibility_letters.prev}}，{{central_group_studdy}}，{{year}}年，｛｛law_exam_rate｝｝。", previous: null);
        var text = report.References.Texts.Single(t => t.Source.Text.Contains("学法", StringComparison.Ordinal));

        Assert.Equal("学法12次，上年无可比数据，{{responsibility_letters.prev}}，{{central_group_studdy}}，2024年，｛｛law_exam_rate｝｝。", text.Text);
        Assert.Collection(
            text.References,
            r => Assert.Equal((ReferenceOutcome.Value, "12次", "次", PreviousProblem.None), (r.Outcome, r.Printed, r.Unit, r.Problem)),
            r => Assert.Equal((ReferenceOutcome.Change, "上年无可比数据", PreviousProblem.NoPreviousReport), (r.Outcome, r.Printed, r.Problem)),
            r => Assert.Equal((ReferenceOutcome.Previous, "{{responsibility_letters.prev}}", PreviousProblem.NoPreviousReport), (r.Outcome, r.Printed, r.Problem)),
            r => Assert.Equal((ReferenceOutcome.UndefinedMetric, "central_group_studdy"), (r.Outcome, r.Name)),
            r => Assert.Equal((ReferenceOutcome.Builtin, "2024"), (r.Outcome, r.Printed)));
        Assert.Equal("｛｛law_exam_rate｝｝", Assert.Single(text.Mistyped).Typed);
        // rate is meant by the mistyped reference: used, so RC0402 does not mislead.
        Assert.Equal(["central_group_study", "law_exam_rate", "responsibility_letters"], report.References.Used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_last_year_the_change_and_the_previous_value_are_resolved_or_say_why_not()
    {
        var previous = new PreviousYear("last.yaml", 2023, [Metric("central_group_study", 10, "次"), Metric("law_exam_rate", 80, "件")]);
        var report = Bind("学法{{central_group_study.change}}，{{central_group_study.prev}}，{{responsibility_letters.prev}}，{{law_exam_rate.change}}。", previous);
        var text = report.References.Texts.Single(t => t.Source.Text.Contains("学法", StringComparison.Ordinal));

        Assert.Equal("学法同比增长20.0%，10次，{{responsibility_letters.prev}}，上年无可比数据。", text.Text);
        Assert.Equal(
            [PreviousProblem.None, PreviousProblem.None, PreviousProblem.NoPreviousValue, PreviousProblem.UnitChanged],
            text.References.Select(r => r.Problem));
        Assert.Equal(("件", "%"), (text.References[3].PreviousUnit, text.References[3].Unit));
    }

    [Fact]
    public void The_model_prints_the_resolved_text_and_a_report_not_yet_resolved_prints_it_as_typed()
    {
        var report = Bind("学法{{central_group_study}}，{{responsibility_letters}}，{{law_exam_rate}}。", previous: null);

        Assert.Equal("学法12次，3份，85.5%。", Duty(ReportModel.Build(report, new MarkdownFormatter(), "", "", draft: false)));
        Assert.Contains("{{central_group_study}}", Duty(ReportModel.Build(report with { References = ResolvedNarratives.None }, new MarkdownFormatter(), "", "", draft: false)), StringComparison.Ordinal);
    }

    private static string Duty(ScriptObject model)
    {
        var section = (ScriptObject)((ScriptArray)model["sections"]!)[0]!;
        var block = (ScriptObject)((ScriptArray)section["blocks"]!)[0]!;
        return (string)block["md"]!;
    }

    private static MetricValue Metric(string id, decimal value, string unit) =>
        new(id, id, value, unit, false, SourceSpan.At("last.yaml", 1, 1)) { Typed = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
