namespace Reportc.Import;

/// <summary>A run-in point (一是……) as found: its title (the bold lead, or the first short sentence) and text.</summary>
internal sealed class ImportedPoint(string? title, string text, int line)
{
    public string? Title { get; set; } = title;

    public string Text { get; set; } = text;

    public int Line { get; } = line;
}

/// <summary>A section or subsection as found: paragraphs of text, run-in points, subsections.</summary>
internal class ImportedNode(int line)
{
    public int Line { get; } = line;

    public string? Title { get; set; }

    public bool RunIn { get; set; } = true;

    public List<string> Paragraphs { get; } = [];

    public List<ImportedPoint> Points { get; } = [];

    public List<ImportedNode> Subsections { get; } = [];

    /// <summary>Comments the writer puts above the node: the guesses made about it.</summary>
    public List<string> Comments { get; } = [];

    public bool IsEmpty => Paragraphs.Count == 0 && Points.Count == 0 && Subsections.Count == 0;
}

/// <summary>A section of the kind with what the source put under its heading.</summary>
internal sealed class ImportedSection(string id, int line) : ImportedNode(line)
{
    public string Id { get; } = id;

    /// <summary>The source's heading when it differs from the kind's heading for the year.</summary>
    public string? Heading { get; set; }
}

/// <summary>A metric made from a number of the text.</summary>
internal sealed class ImportedMetric(string id, string label, string value, string unit, bool approximate)
{
    public string Id { get; set; } = id;

    public string Label { get; set; } = label;

    /// <summary>The number exactly as written (11.88, 750).</summary>
    public string Value { get; } = value;

    public string Unit { get; set; } = unit;

    public bool Approximate { get; } = approximate;

    /// <summary>True when <see cref="Id"/> is the kind's catalogue id (label and unit come from there).</summary>
    public bool InCatalogue { get; set; }

    /// <summary>Where and how the source wrote it: the line and the words (法律咨询750余次), the first two places.</summary>
    public List<(int Line, string Words, string Unit)> Uses { get; } = [];
}

/// <summary>A table of the kind read from the source: cells by row id, in the kind's column order.</summary>
internal sealed record ImportedTable(string Id, IReadOnlyList<(string RowId, IReadOnlyList<string> Cells)> Rows);

/// <summary>Everything recognised in a source document, ready to be written as a report file.</summary>
internal sealed class ImportedReport
{
    public required Kinds.ReportKind Kind { get; init; }

    public int Year { get; set; }

    public List<string> Issuers { get; } = [];

    public string? Number { get; set; }

    public string? Signer { get; set; }

    public List<string> TitleLines { get; } = [];

    public string? To { get; set; }

    /// <summary>The 成文日期 as yyyy-MM-dd, or null when the source has none.</summary>
    public string? Date { get; set; }

    public string? Cc { get; set; }

    public string? Printer { get; set; }

    public string? PrintDate { get; set; }

    public List<string> Preamble { get; } = [];

    public List<ImportedSection> Sections { get; } = [];

    public List<ImportedMetric> Metrics { get; } = [];

    public List<ImportedTable> Tables { get; } = [];

    /// <summary>Sections mapped by exact heading, by similarity, and missing (written as TODO).</summary>
    public int SectionsExact { get; set; }

    public int SectionsBySimilarity { get; set; }

    public int SectionsMissing { get; set; }
}
