using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Checks;

/// <summary>
/// Bold that does not come out: <c>**</c> that opens or closes nothing (an unclosed <c>**健全领导机制。镇党委…</c>,
/// a space inside the marks) is printed as two asterisks in every output (RC0420).
/// </summary>
internal static class EmphasisChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        foreach (var narrative in Narratives.All(report))
        {
            foreach (var (start, length) in CjkEmphasis.Unmatched(narrative.Text))
            {
                diagnostics.Report(Descriptors.StrayEmphasis, narrative.SpanOf(start, length), narrative.Text.Substring(start, length));
            }
        }
    }
}
