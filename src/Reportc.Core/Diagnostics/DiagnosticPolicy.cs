namespace Reportc.Diagnostics;

/// <summary>
/// What the user asked to hear about, applied once to a file's diagnostics after every stage has run. In this
/// order, each step seeing what the ones before left:
/// <list type="number">
/// <item>Outside <c>--draft</c> (build), TODO markers and metrics left empty (RC0409, RC0410) are errors.</item>
/// <item>Errors are never silenced: a <c>reportc-ignore</c> naming an error of its line is told so (RC0016).</item>
/// <item>A <c>reportc-ignore</c> comment silences the warnings and infos of its line; <c>--nowarn</c> those codes anywhere.</item>
/// <item><c>--warnaserror</c> makes every warning left an error.</item>
/// </list>
/// Whether a report is a draft is not decided here: the bound report knows (<c>Report.IsDraft</c>).
/// </summary>
public sealed record DiagnosticPolicy(IReadOnlySet<string> NoWarn, bool TodosAreErrors, bool WarningsAsErrors)
{
    private static readonly DiagnosticDescriptor[] DraftMarkers = [Descriptors.TodoInText, Descriptors.PendingMetric];

    /// <param name="tellSilencedErrors">Reports (RC0016) the ignore comments that name one of these errors.</param>
    /// <param name="silencedByComment">Whether a reportc-ignore comment speaks of this diagnostic.</param>
    public void Apply(DiagnosticBag diagnostics, Action<IReadOnlyList<Diagnostic>> tellSilencedErrors, Func<Diagnostic, bool> silencedByComment)
    {
        if (TodosAreErrors)
        {
            diagnostics.Transform(d => DraftMarkers.Contains(d.Descriptor) ? d with { Severity = DiagnosticSeverity.Error } : d);
        }

        // Only errors can be named by an ignore comment in vain: sorting every warning of a long text is not needed.
        tellSilencedErrors(diagnostics.ToSortedList(d => d.Severity == DiagnosticSeverity.Error));

        diagnostics.RemoveWhere(d => d.Severity != DiagnosticSeverity.Error && (NoWarn.Contains(d.Code) || silencedByComment(d)));
        if (WarningsAsErrors)
        {
            diagnostics.Transform(d => d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d);
        }
    }
}
