using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Import;

/// <summary>What an import gives: the report file's text (null when an error stopped it) and a summary line.</summary>
public sealed record ImportResult(string? Yaml, IReadOnlyList<Diagnostic> Diagnostics, string Summary, string? KindId);

/// <summary>
/// <c>reportc import FILE</c>: last year's report (.docx, .html, .txt, .md, and .pdf/.doc/.wps through the
/// installed converters) read into paragraphs and tables, its 公文 elements, sections, subsections,
/// points and numbers recognised, and written as a report file of its kind.
/// </summary>
public static partial class Importer
{
    public static ImportResult Import(string path, KindCatalog catalog, string? kindId, MessageText text, ImportLimits? limits = null)
    {
        var diagnostics = new DiagnosticBag(text);
        var document = DocumentReaders.Read(path, limits ?? new ImportLimits(), diagnostics);
        if (document is null || diagnostics.HasErrors)
        {
            return new ImportResult(null, diagnostics.ToSortedList(), "", null);
        }

        var habits = new Habits();
        var paragraphs = new List<(int Line, string Text, int Level)>();
        var tables = new List<SourceBlock>();
        foreach (var block in document.Blocks)
        {
            if (block.IsTable)
            {
                tables.Add(block);
                paragraphs.Add((block.Line, "\u0000table" + (tables.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 0));
                continue;
            }

            var lines = block.Text.Split('\n').Select(l => CleanIndent(l, block.Line, habits)).Where(l => l.Length > 0);
            var joined = string.Join("\n", lines);
            if (joined.Length > 0)
            {
                paragraphs.Add((block.Line, joined, block.HeadingLevel));
            }
        }

        if (paragraphs.Count == 0)
        {
            diagnostics.Report(Descriptors.ImportNoText, SourceSpan.WholeFile(path));
            return new ImportResult(null, diagnostics.ToSortedList(), "", null);
        }

        var kind = FindKind(path, paragraphs, catalog, kindId, diagnostics);
        if (kind is null)
        {
            return new ImportResult(null, diagnostics.ToSortedList(), "", null);
        }

        var report = new ImportedReport { Kind = kind };
        var (start, end) = DocumentParts.Find(paragraphs, report);
        report.Year = YearOf(report, paragraphs);
        var body = paragraphs.Skip(start).Take(end - start).ToList();
        var withoutTables = TableImport.Take(body, tables, report, path, diagnostics);
        new BodyRecogniser(report, path, diagnostics, habits).Run(withoutTables);
        // A heading with nothing under it but its table (as the official form prints them), or with nothing at all:
        // TODO for the text, never an empty section that check refuses.
        foreach (var section in report.Sections.Where(s => s.IsEmpty))
        {
            section.Paragraphs.Add("TODO");
            section.Comments.Add(text.Get(kind.Tables.Any(t => t.Section == section.Id && report.Tables.Any(r => r.Id == t.Id)) ? "ImportTableOnly" : "ImportEmptySection"));
        }

        new MetricRecogniser(report, path, diagnostics).Run();
        habits.Report(path, diagnostics);
        if (report.Issuers.Count == 0)
        {
            diagnostics.Report(Descriptors.ImportDocumentGuess, SourceSpan.WholeFile(path), text.Get("ImportIssuersGuess"));
        }

        if (report.Date is null)
        {
            diagnostics.Report(Descriptors.ImportDocumentGuess, SourceSpan.WholeFile(path), text.Get("ImportDateGuess"));
        }

        var yaml = ImportYamlWriter.Write(report, Path.GetFileName(path), text);
        var sorted = diagnostics.ToSortedList();
        var summary = text.Format("ImportSummary", Path.GetFileName(path), report.SectionsExact + report.SectionsBySimilarity, report.SectionsBySimilarity,
            report.SectionsMissing, report.Metrics.Count, report.Metrics.Count(m => m.InCatalogue), report.Metrics.Count(m => m.Uses.Count > 1),
            report.Tables.Count, sorted.Count(d => d.Severity == DiagnosticSeverity.Warning));
        return new ImportResult(yaml, sorted, summary, kind.Id);
    }

    // Two full-width spaces before a paragraph, as Word users indent: taken out (the templates indent).
    private static string CleanIndent(string line, int at, Habits habits)
    {
        var trimmed = line.TrimStart(' ', '\t', '\u00A0');
        if (trimmed.StartsWith('\u3000'))
        {
            habits.Saw("ImportHabitIndent", at);
            trimmed = trimmed.TrimStart('\u3000', ' ', '\t', '\u00A0');
        }

        return trimmed.TrimEnd();
    }

    private static ReportKind? FindKind(string path, List<(int Line, string Text, int Level)> paragraphs, KindCatalog catalog, string? kindId, DiagnosticBag diagnostics)
    {
        var head = string.Concat(paragraphs.Take(8).Select(p => DocumentParts.Plain(p.Text)));
        var id = kindId
            ?? (head.Contains("政府信息公开", StringComparison.Ordinal) ? "gov-info-disclosure"
                : head.Contains("法治政府建设", StringComparison.Ordinal) || head.Contains("法治建设", StringComparison.Ordinal) ? "law-based-government"
                : null);
        if (id is null)
        {
            var title = paragraphs.Take(8).Select(p => DocumentParts.Plain(p.Text)).FirstOrDefault(t => t.Contains("报告", StringComparison.Ordinal)) ?? DocumentParts.Plain(paragraphs[0].Text);
            diagnostics.Report(Descriptors.ImportKindUnknown, SourceSpan.At(path, paragraphs[0].Line, 1), title.Replace('\n', ' '), string.Join(", ", catalog.KnownIds()));
            return null;
        }

        var kind = catalog.Find(id, diagnostics);
        if (kind is null && !diagnostics.HasErrors)
        {
            diagnostics.Report(Descriptors.UnknownKind, SourceSpan.WholeFile(path), id, "", string.Join(", ", catalog.KnownIds()));
        }

        return kind;
    }

    // The year the title names (2024年…的报告); else the year before the 成文日期; else the first year of the text.
    private static int YearOf(ImportedReport report, List<(int Line, string Text, int Level)> paragraphs)
    {
        if (Year().Match(string.Concat(report.TitleLines)) is { Success: true } title)
        {
            return int.Parse(title.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (report.Date is { } date)
        {
            var year = int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture);
            return date[5..7] == "12" ? year : year - 1;
        }

        return paragraphs.Select(p => Year().Match(p.Text)).FirstOrDefault(m => m.Success) is { } any
            ? int.Parse(any.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : DateTime.Now.Year - 1;
    }

    [GeneratedRegex(@"((?:19|20)[0-9]{2})\s*年")]
    private static partial Regex Year();
}

/// <summary>The limits a document to import is held to: size, parts of a Word file, unpacked size, time.</summary>
public sealed record ImportLimits
{
    /// <summary>A Word file, PDF or .doc (their pictures take room; only their text is read).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A text file or web page, and the text a converter gives: a report is well under 1 MB of text.</summary>
    public long MaxTextBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>word/document.xml as unpacked, counted as it comes.</summary>
    public long MaxUnpackedBytes { get; init; } = 16L * 1024 * 1024;

    public int MaxEntries { get; init; } = 2000;

    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(20);
}
