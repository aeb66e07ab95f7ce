namespace Reportc.Model;

/// <summary>What a <c>{{…}}</c> in the narrative came to when the report was bound.</summary>
public enum ReferenceOutcome
{
    /// <summary><c>{{year}}</c>, <c>{{next_year}}</c>.</summary>
    Builtin,

    /// <summary><c>{{id}}</c>: the metric's value as printed (its unit follows in the text).</summary>
    Value,

    /// <summary><c>{{id.prev}}</c>: last year's value as printed, or the reference as typed when there is none (<see cref="NarrativeReference.Problem"/>).</summary>
    Previous,

    /// <summary><c>{{id.change}}</c>: the change in words (同比增长26.7%).</summary>
    Change,

    /// <summary>A metric or table cell still to be filled in: （待填）.</summary>
    Pending,

    /// <summary><c>{{table.row.column}}</c>: the cell as its table prints it.</summary>
    TableCell,

    /// <summary>"{{" with no "}}" on its line; printed as typed.</summary>
    Unclosed,

    /// <summary>Not a reference's form, or a member a metric does not have; printed as typed.</summary>
    Malformed,

    /// <summary>A metric id the report does not give; printed as typed.</summary>
    UndefinedMetric,

    /// <summary>A table path that names no cell (<see cref="NarrativeReference.Fault"/> says which part); printed as typed.</summary>
    UnknownTableCell,
}

/// <summary>Why last year's value could not be used for <c>{{id.prev}}</c> or <c>{{id.change}}</c>.</summary>
public enum PreviousProblem
{
    None,

    /// <summary>The report names no previous year's report (or it could not be used).</summary>
    NoPreviousReport,

    /// <summary>Last year's report lacks the metric (<c>{{id.prev}}</c> only).</summary>
    NoPreviousValue,

    /// <summary>Last year's value has another unit (<see cref="NarrativeReference.PreviousUnit"/>).</summary>
    UnitChanged,
}

/// <summary>The part of <c>{{table.row.column}}</c> that names nothing.</summary>
public enum TableCellFault
{
    None,
    Table,
    Shape,
    Row,
    Column,
}

/// <summary>
/// One <c>{{…}}</c> of a narrative as bound: where it is (<see cref="Offset"/>, <see cref="Length"/> in the
/// narrative's text), what it names, and what the text prints in its place.
/// </summary>
public sealed record NarrativeReference(int Offset, int Length, ReferenceOutcome Outcome, string Printed)
{
    /// <summary>The reference as typed: from "{{" to "}}", or to the end of the line for <see cref="ReferenceOutcome.Unclosed"/>.</summary>
    public string Typed { get; init; } = "";

    /// <summary>The metric, builtin or table id named (the first part of the path); the whole path for a table cell.</summary>
    public string Name { get; init; } = "";

    /// <summary>The metric's unit (<see cref="ReferenceOutcome.Value"/>; last year's value is compared in it).</summary>
    public string Unit { get; init; } = "";

    public PreviousProblem Problem { get; init; }

    /// <summary>Last year's unit when it differs (<see cref="PreviousProblem.UnitChanged"/>).</summary>
    public string PreviousUnit { get; init; } = "";

    public TableCellFault Fault { get; init; }
}

/// <summary>A reference typed with the wrong braces (<c>｛｛id｝｝</c>, <c>{id}</c>), printed as typed.</summary>
public sealed record MistypedReference(int Offset, int Length, string Typed, string Name);

/// <summary>A narrative with its references resolved: the text as printed and every reference in it, in order.</summary>
public sealed record ResolvedText(Narrative Source, string Text, IReadOnlyList<MistypedReference> Mistyped, IReadOnlyList<NarrativeReference> References);

/// <summary>
/// The references of a report's printed narrative (section headings and bodies, then the preamble), resolved
/// when it is bound with its previous year: renderers print <see cref="Text"/>, checks report what failed.
/// </summary>
public sealed class ResolvedNarratives(IReadOnlyList<ResolvedText> texts, IReadOnlySet<string> used, PreviousYear? previous)
{
    private readonly Dictionary<Narrative, ResolvedText> _byNarrative = ByNarrative(texts);

    /// <summary>Nothing resolved yet: every narrative prints as typed.</summary>
    public static readonly ResolvedNarratives None = new([], new HashSet<string>(), null);

    /// <summary>Every resolved narrative, in the order the report prints it.</summary>
    public IReadOnlyList<ResolvedText> Texts { get; } = texts;

    /// <summary>The metric ids the narrative names (a metric never named is warned about).</summary>
    public IReadOnlySet<string> Used { get; } = used;

    /// <summary>The previous year's report the references were resolved with; null when none.</summary>
    public PreviousYear? Previous { get; } = previous;

    /// <summary>The narrative as printed (as typed when it was not resolved).</summary>
    public string Text(Narrative narrative) => _byNarrative.TryGetValue(narrative, out var resolved) ? resolved.Text : narrative.Text;

    private static Dictionary<Narrative, ResolvedText> ByNarrative(IReadOnlyList<ResolvedText> texts)
    {
        var map = new Dictionary<Narrative, ResolvedText>(ReferenceEqualityComparer.Instance);
        foreach (var text in texts)
        {
            map.TryAdd(text.Source, text);
        }

        return map;
    }
}
