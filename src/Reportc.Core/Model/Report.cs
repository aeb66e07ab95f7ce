using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Model;

/// <summary>The document's metadata: issuing organs, 发文字号, title, addressees, dates.</summary>
public sealed record DocumentInfo(
    IReadOnlyList<string> Issuers,
    string Number,
    IReadOnlyList<string> TitleLines,
    string? To,
    string? Signer,
    DateOnly Date,
    string? Cc,
    string? Printer,
    DateOnly? PrintDate,
    DocumentSpans Spans,
    Narrative? TitleSource = null)
{
    /// <summary>The lines of the red 发文机关标志 when it is printed (GB/T 9704 版头); empty for a plain document.</summary>
    public IReadOnlyList<string> Masthead { get; init; } = [];

    /// <summary>"文件" when the 标志 is the issuers' names followed by 文件 (<c>masthead: 文件</c>); else empty.</summary>
    public string MastheadSuffix { get; init; } = "";

    /// <summary>Whether the document is sealed: the 成文日期 then stands four characters from the right.</summary>
    public bool Seal { get; init; }

    /// <summary>The seal's image as a data: URL (<c>seal: 印章.png</c>), printed over 署名 and 成文日期; empty when the seal is stamped by hand.</summary>
    public string SealImage { get; init; } = "";

    /// <summary>The seal image's file name as written (<c>seal: 印章.png</c>); empty without one.</summary>
    public string SealFile { get; init; } = "";

    /// <summary>The report's own publication deadline (<c>deadline: 03-31</c>, or <c>none</c>: null), when it gives one: it overrides the kind's.</summary>
    public (bool Given, (int Month, int Day)? Date) Deadline { get; init; }

    /// <summary>The document's text fields as typed (issuers, 主送, 抄送, 签发人, 印发机关, 版头), for the checks of punctuation and characters.</summary>
    public IReadOnlyList<Narrative> Texts { get; init; } = [];

    /// <summary>Whether issuers, date and title were all given and valid; otherwise (reported) the document is only partly known.</summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>A document whose <c>document:</c> is missing or not a mapping (reported): nothing of it is known.</summary>
    public static DocumentInfo Missing(SourceSpan span) =>
        new([], "", [], null, null, default, null, null, null, new DocumentSpans(span, span, span, span, span, span)) { IsComplete = false };
}

/// <summary>Where the document's checked fields are in the YAML file.</summary>
public sealed record DocumentSpans(SourceSpan Document, SourceSpan Number, SourceSpan Title, SourceSpan Date, SourceSpan Printer, SourceSpan PrintDate);

/// <summary>A run-in point ("一是…"): an optional title and its text.</summary>
public sealed record Point(Narrative? Title, Narrative? Text, SourceSpan Span);

/// <summary>A numbered subsection ("（一）…"); its title runs into its first paragraph unless <see cref="RunIn"/> is false.</summary>
public sealed record Subsection(Narrative Title, bool RunIn, Body Body, SourceSpan Span);

/// <summary>An unnumbered run-in lead: a paragraph of its own that opens with its title in bold (<c>**健全领导机制。**镇党委…</c>).</summary>
public sealed record Lead(Narrative Title, Narrative? Text, SourceSpan Span);

/// <summary>What a section or subsection holds, in this order: text, unnumbered leads, run-in points, subsections.</summary>
public sealed record Body(Narrative? Text, IReadOnlyList<Point> Points, IReadOnlyList<Subsection> Subsections)
{
    public static readonly Body Empty = new(null, [], []);

    /// <summary>Paragraphs led by a bold title and no number, after the text.</summary>
    public IReadOnlyList<Lead> Leads { get; init; } = [];
}

/// <summary>A section of the report, keyed by the kind's section id.</summary>
public sealed record SectionContent(SectionRule Rule, Narrative? Heading, Body Body, SourceSpan Span);

/// <summary>One organisation's report for one year, bound from YAML and checked.</summary>
public sealed record Report(
    string Path,
    ReportKind Kind,
    int Year,
    DocumentInfo Document,
    Narrative? Preamble,
    IReadOnlyList<MetricValue> Metrics,
    IReadOnlyList<SectionContent> Sections)
{
    /// <summary>The previous year's report file as written in <c>previous:</c>, relative to this file; null when none.</summary>
    public string? Previous { get; init; }

    public SourceSpan PreviousSpan { get; init; }

    /// <summary>Where <c>year:</c>'s value is.</summary>
    public SourceSpan YearSpan { get; init; }

    /// <summary>The kind's tables the report gives, by table id.</summary>
    public IReadOnlyDictionary<string, TableData> Tables { get; init; } = new Dictionary<string, TableData>();

    /// <summary>
    /// Metrics and table rows whose value is still to be filled in (<c>~</c>, as <c>reportc new</c> leaves
    /// them); Name is what a message calls it: a metric's id, a row's table caption and label.
    /// </summary>
    /// <summary>Metrics given with an error (reported), left out of <see cref="Metrics"/>: a reference to one is not reported again.</summary>
    public IReadOnlySet<string> BrokenMetrics { get; init; } = new HashSet<string>();

    public IReadOnlyList<(string Id, SourceSpan Span, string Name)> PendingMetrics { get; init; } = [];

    /// <summary>
    /// The narrative's <c>{{…}}</c> resolved with the previous year (Binding.NarrativeReferences, once the
    /// previous year is known): what renderers print and reference checks read. <see cref="ResolvedNarratives.None"/> before.
    /// </summary>
    public ResolvedNarratives References { get; init; } = ResolvedNarratives.None;

    /// <summary>Where <c>TODO</c> is still written: in the text, and in the document's fields (as <c>reportc new</c> leaves them).</summary>
    public IReadOnlyList<SourceSpan> Todos { get; init; } = [];

    /// <summary>A draft: text or values are still to be filled in (<c>build</c> refuses it unless <c>--draft</c>, and marks it 草稿).</summary>
    public bool IsDraft => Todos.Count > 0 || PendingMetrics.Count > 0;

    /// <summary>
    /// Whether the file bound without a structural error. An incomplete report (its errors reported) is still
    /// checked, so that every problem of the file comes in one run, but never rendered.
    /// </summary>
    public bool IsComplete { get; init; } = true;
}
