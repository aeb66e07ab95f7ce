using Reportc.Diagnostics;
using Reportc.Loading;
using Reportc.Model;

namespace Reportc.Checks;

/// <summary>
/// The narrative's references as Binding.NarrativeReferences resolved them (<see cref="Report.References"/>):
/// a reference typed with the wrong braces (RC0415), one never closed or of no reference's form (RC0403), a
/// metric the report does not give (RC0401, with the id meant), a unit typed again after <c>{{id}}</c> (RC0408),
/// last year's value missing or not comparable (RC0411, RC0412, RC0413), a table path that names no cell
/// (RC1009, with the part meant), and a metric the narrative never names (RC0402).
/// </summary>
internal static class ReferenceChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        var resolved = report.References;
        var ids = report.Metrics.Select(m => m.Id).ToList();
        foreach (var text in resolved.Texts)
        {
            var narrative = text.Source;
            foreach (var m in text.Mistyped)
            {
                diagnostics.Report(Descriptors.MistypedReference, narrative.SpanOf(m.Offset, m.Length), m.Typed, m.Name);
            }

            foreach (var r in text.References)
            {
                var span = narrative.SpanOf(r.Offset, r.Length);
                switch (r.Outcome)
                {
                    case ReferenceOutcome.Unclosed:
                        diagnostics.Report(Descriptors.BadReference, span, YamlNodes.Shorten(r.Typed));
                        break;
                    case ReferenceOutcome.Malformed:
                        diagnostics.Report(Descriptors.BadReference, span, r.Typed);
                        break;
                    case ReferenceOutcome.UndefinedMetric:
                        diagnostics.Report(Descriptors.UndefinedMetric, span, r.Name, DidYouMean.Phrase(r.Name, ids, diagnostics.Text));
                        break;
                    case ReferenceOutcome.UnknownTableCell:
                        diagnostics.Report(Descriptors.TableCellUnknown, span, r.Name, Why(report, r));
                        break;
                    case ReferenceOutcome.Value:
                        var after = r.Offset + r.Length;
                        if (r.Unit.Length > 0 && string.CompareOrdinal(narrative.Text, after, r.Unit, 0, r.Unit.Length) == 0)
                        {
                            diagnostics.Report(Descriptors.UnitTwice, narrative.SpanOf(after, r.Unit.Length), r.Unit, r.Name, r.Printed + r.Unit);
                        }

                        break;
                    case ReferenceOutcome.Previous or ReferenceOutcome.Change:
                        switch (r.Problem)
                        {
                            case PreviousProblem.NoPreviousReport:
                                diagnostics.Report(Descriptors.NoPreviousReport, span, r.Name);
                                break;
                            case PreviousProblem.UnitChanged:
                                diagnostics.Report(Descriptors.UnitChanged, span, r.Name, r.PreviousUnit, r.Unit);
                                break;
                            case PreviousProblem.NoPreviousValue:
                                diagnostics.Report(Descriptors.NoPreviousValue, span, r.Name, resolved.Previous?.Path);
                                break;
                        }

                        break;
                }
            }
        }

        foreach (var metric in report.Metrics.Where(m => !resolved.Used.Contains(m.Id)))
        {
            diagnostics.Report(Descriptors.UnusedMetric, metric.Span, metric.Id, metric.Label);
        }
    }

    // Which part of {{table.row.column}} names nothing, with the id meant.
    private static MessagePart Why(Report report, NarrativeReference r)
    {
        var parts = r.Name.Split('.');
        var definitions = report.Kind.Tables;
        var definition = definitions.FirstOrDefault(t => t.Id == parts[0]);
        var row = r.Fault is TableCellFault.Column ? definition!.Rows.First(x => !x.IsGroup && x.Id == parts[1]) : null;
        return r.Fault switch
        {
            TableCellFault.Table => new MessagePart("TableRefTable", parts[0], DidYouMean.Part(parts[0], definitions.Select(t => t.Id))),
            TableCellFault.Shape => new MessagePart("TableRefShape", parts[0]),
            TableCellFault.Row => new MessagePart("TableRefRow", parts[0], parts[1], DidYouMean.Part(parts[1], definition!.Rows.Where(x => !x.IsGroup).Select(x => x.Id!))),
            _ => new MessagePart("TableRefColumn", parts[0], parts[1], parts[2], DidYouMean.Part(parts[2], definition!.ColumnsOf(row!).Select(c => c.Id))),
        };
    }
}
