using System.Collections.Concurrent;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>
/// What reading, parsing and binding one report file gave, with the diagnostics of each step kept apart
/// (the compiler runs its source checks between them, in that order).
/// </summary>
internal sealed record BoundFile(
    SourceText? Source,
    IReadOnlyList<Diagnostic> Read,
    YamlNode? Root,
    IReadOnlyList<Diagnostic> Parsed,
    Report? Report,
    IReadOnlyList<Diagnostic> Bound)
{
    /// <summary>What a later report reads of this one as its previous year; null when it did not bind without errors.</summary>
    public YearValues? Values { get; init; }

    /// <summary>Whether only <see cref="Values"/> is kept: the compile of this file has taken the rest.</summary>
    public bool Taken { get; init; }

    /// <summary>Parses and binds a source already read; its read diagnostics are given.</summary>
    public static BoundFile Of(SourceText? source, IReadOnlyList<Diagnostic> read, KindCatalog kinds, MessageText text)
    {
        var parsed = new DiagnosticBag(text);
        var root = source is null ? null : YamlLoader.Load(source, parsed);
        var bound = new DiagnosticBag(text);
        var report = root is null ? null : ReportBinder.Bind(root, source!, kinds, bound);
        var failed = read.Any(d => d.Severity == DiagnosticSeverity.Error) || parsed.HasErrors || bound.HasErrors;
        return new BoundFile(source, read, root, parsed.ToSortedList(), report, bound.ToSortedList())
        {
            Values = report is null || failed ? null : new YearValues(report.Kind, report.Year, report.Metrics),
        };
    }
}

/// <summary>A report's kind, year and metrics: all that the report of the year after reads of it.</summary>
internal sealed record YearValues(ReportKind Kind, int Year, IReadOnlyList<MetricValue> Metrics);

/// <summary>
/// The report files of one run, each read, parsed and bound once (Roslyn's one syntax tree per file of a
/// Compilation), whichever asks first: the build of the file itself, or a report naming it as its previous
/// year (<c>build samples</c> reads shili-2023.yaml once, though shili-2024.yaml names it). A file is known
/// by its real path and the name it is shown by; a file named two ways is read once for each name.
/// </summary>
internal sealed class ReportFiles(KindCatalog kinds, MessageText text)
{
    private readonly ConcurrentDictionary<(string Real, string Shown), Lazy<BoundFile>> _files = new();

    /// <summary>The file at <paramref name="path"/>, read and bound at the first asking, kept for later askers.</summary>
    public BoundFile Get(string path)
    {
        var file = Entry(path).Value;
        if (!file.Taken)
        {
            return file;
        }

        // Built already this run (its tree let go), and now loaded (a test that builds, then reads a file).
        file = Read(path);
        _files[Key(path)] = new Lazy<BoundFile>(file);
        return file;
    }

    /// <summary>What a report naming <paramref name="path"/> as its previous year reads of it; null when it did not bind without errors.</summary>
    public YearValues? ValuesOf(string path) => Entry(path).Value.Values;

    /// <summary>
    /// The file at <paramref name="path"/> for its own compile: afterwards only its year's values are kept
    /// (a batch would otherwise hold every report's tree to the end of the run). Compiled a second time by
    /// one run, it is read again.
    /// </summary>
    public BoundFile Take(string path)
    {
        var file = Entry(path).Value;
        if (file.Taken)
        {
            return Read(path);
        }

        _files[Key(path)] = new Lazy<BoundFile>(new BoundFile(null, [], null, [], null, []) { Values = file.Values, Taken = true });
        return file;
    }

    private Lazy<BoundFile> Entry(string path) =>
        _files.GetOrAdd(Key(path), _ => new Lazy<BoundFile>(() => Read(path), LazyThreadSafetyMode.ExecutionAndPublication));

    private static (string, string) Key(string path) => (RealPath.Of(path) ?? path, path);

    private BoundFile Read(string path)
    {
        var read = new DiagnosticBag(text);
        var source = SourceText.Read(path, read);
        return BoundFile.Of(source, read.ToSortedList(), kinds, text);
    }
}
