using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using Reportc.Text;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>Binds the YAML nodes of a report file to a <see cref="Report"/>, reporting every problem it meets.</summary>
internal sealed partial class ReportBinder
{
    private static readonly string[] TopKeys = ["kind", "year", "previous", "document", "preamble", "metrics", "tables", "sections"];
    private static readonly string[] DocumentKeys = ["issuers", "number", "title", "to", "signer", "date", "cc", "printer", "print_date", "masthead", "seal", "deadline"];

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private bool _failed;
    private readonly List<(string, SourceSpan, string)> _pending = [];
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);
    private readonly List<SourceSpan> _todos = [];

    private ReportBinder(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    public static Report? Bind(YamlNode root, SourceText source, KindCatalog kinds, DiagnosticBag diagnostics) =>
        new ReportBinder(source, diagnostics).BindRoot(root, kinds);

    private Report? BindRoot(YamlNode rootNode, KindCatalog kinds)
    {
        if (rootNode is not YamlMappingNode root)
        {
            Report(Descriptors.WrongNodeType, rootNode, T("TheReportFile"), T("ReportMapping"), rootNode.Describe(_diagnostics.Text));
            return null;
        }

        CheckKeys(root, TopKeys, () => T("TheReport"));
        var kind = BindKind(root, kinds);
        var year = BindYear(root);
        var document = BindDocument(root, kind, year);
        var preamble = root.Get("preamble") is { } p ? ReadText(p, "preamble") : null;
        if (kind is null)
        {
            return null;
        }

        // A metric in error is left out, and the report is still checked further, so that a reference to
        // it is reported too (a misspelt id and the text that uses the right one: both in one run).
        // So is a table cell in error: the rules that need it are skipped, the others are checked.
        var failedBefore = _failed;
        var metrics = BindMetrics(root, kind);
        var tables = BindTables(root, kind, document.Issuers);
        _failed = failedBefore;
        var sections = BindSections(root, kind, year, tables);
        var previous = root.Get("previous") is { } p2 ? Scalar(p2, "previous")?.Trim() : null;
        // After a structural error the report is still given to the checks, marked incomplete (it is never
        // rendered): every problem of the file comes in one run.
        var report = new Report(_source.Path, kind, year, document, preamble, metrics, sections)
        {
            IsComplete = !_failed && document.IsComplete,
            Previous = previous,
            PreviousSpan = root.Get("previous") is { } node ? YamlLoader.SpanOf(_source.Path, node) : default,
            YearSpan = root.Get("year") is { } yearNode ? YamlLoader.SpanOf(_source.Path, yearNode) : default,
            PendingMetrics = _pending,
            BrokenMetrics = _broken,
            Tables = tables,
        };
        return report with { Todos = [.. _todos, .. TodosInText(report)] };
    }

    private static IEnumerable<SourceSpan> TodosInText(Report report)
    {
        foreach (var narrative in Narratives.All(report))
        {
            var text = narrative.Text;
            for (var todo = text.IndexOf("TODO", StringComparison.Ordinal); todo >= 0; todo = text.IndexOf("TODO", todo + 4, StringComparison.Ordinal))
            {
                yield return narrative.SpanOf(todo, 4);
            }
        }
    }

    private ReportKind? BindKind(YamlMappingNode root, KindCatalog kinds)
    {
        if (Required(root, "kind", "KindHint") is not { } node || Scalar(node, "kind") is not { } id)
        {
            return null;
        }

        var local = new DiagnosticBag();
        var kind = kinds.Find(id, local);
        foreach (var d in local.ToSortedList())
        {
            _diagnostics.Add(d);
        }

        if (kind is null && !local.HasErrors)
        {
            var known = kinds.KnownIds();
            Report(Descriptors.UnknownKind, node, id, DidYouMean.Phrase(id, known, _diagnostics.Text), string.Join(", ", known));
        }

        _failed |= kind is null;
        return kind;
    }

    private int BindYear(YamlMappingNode root)
    {
        if (Required(root, "year", "YearHint") is not { } node || Scalar(node, "year") is not { } text)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 2999)
        {
            Report(Descriptors.InvalidValue, node, "year", text, T("YearInFull"));
            return 0;
        }

        return year;
    }

    // What could be bound of the document: with a field missing or wrong (reported), the rest is still checked.
    private DocumentInfo BindDocument(YamlMappingNode root, ReportKind? kind, int year)
    {
        if (Required(root, "document", "DocumentHint") is not { } node)
        {
            return DocumentInfo.Missing(SpanOf(root));
        }

        if (node is not YamlMappingNode map)
        {
            Report(Descriptors.WrongNodeType, node, "document", T("DocumentMapping"), node.Describe(_diagnostics.Text));
            return DocumentInfo.Missing(SpanOf(node));
        }

        CheckKeys(map, DocumentKeys, () => "document");

        // A field reportc new or init left as TODO is reported where it is (the title is checked as text).
        foreach (var (key, value) in map.Children.Where(kv => kv.Key.KeyText() != "title"))
        {
            foreach (var scalar in value.AllNodes.OfType<YamlScalarNode>().Where(s => s.Value?.Contains("TODO", StringComparison.Ordinal) == true))
            {
                _todos.Add(SpanOf(scalar));
                _diagnostics.Report(Descriptors.TodoInText, SpanOf(scalar));
            }
        }
        var issuers = Required(map, "issuers", "IssuersHint") is { } i ? StringList(i, "document.issuers") : [];
        var date = Required(map, "date", "DateHint") is { } d ? BindDate(d, "document.date") : null;
        var titleSource = map.Get("title") is { } t ? ReadText(t, "document.title") : null;
        var titleText = titleSource is not null
            ? titleSource.Text.Replace("{{year}}", $"{year}", StringComparison.Ordinal).Replace("{{next_year}}", $"{year + 1}", StringComparison.Ordinal)
            : map.Get("title") is null && kind?.DefaultTitle is { } dt ? SectionRule.FillYear(dt, year) : null;
        var title = (titleText ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (title.Count == 0)
        {
            Report(Descriptors.MissingKey, map, "document.title", T("TitleHint"));
        }

        var printDate = map.Get("print_date") is { } pd ? BindDate(pd, "document.print_date") : null;
        var seal = map.Get("seal");
        var sealFile = SealFileOf(seal);
        return new DocumentInfo(
            issuers,
            Optional(map, "number") ?? "",
            title,
            Joined(map, "to", "、"),
            Optional(map, "signer"),
            date ?? default,
            Joined(map, "cc", "，"),
            Optional(map, "printer"),
            printDate,
            new DocumentSpans(SpanOf(map), SpanOf(map.Get("number") ?? map), SpanOf(map.Get("title") ?? map), SpanOf(map.Get("date") ?? map), KeySpan(map, "printer"), KeySpan(map, "print_date")),
            titleSource)
        {
            Masthead = BindMasthead(map.Get("masthead"), issuers),
            MastheadSuffix = map.Get("masthead") is YamlScalarNode { Value: FileSuffix } ? FileSuffix : "",
            Seal = seal is YamlScalarNode { Value: { Length: > 0 } sealWord } && YamlScalar.Boolean(sealWord) != false,
            SealImage = sealFile is null ? "" : BindSealImage((YamlScalarNode)seal!, sealFile),
            SealFile = sealFile ?? "",
            Deadline = map.Get("deadline") is { } dl ? (true, Kinds.KindLoader.ReadDeadline(dl, (at, why) => Report(Descriptors.InvalidValue, at, "document.deadline", (at as YamlScalarNode)?.Value ?? "", why))) : (false, null),
            IsComplete = issuers.Count > 0 && date is not null && title.Count > 0,
            Texts = [.. TextFields.SelectMany(key => map.Get(key)?.AllNodes.OfType<YamlScalarNode>() ?? []).Select(s => NarrativeReader.Read(s, _source))],
        };
    }

    // The document's fields that are Chinese text (checked as the narrative is: punctuation, characters).
    private static readonly string[] TextFields = ["issuers", "to", "cc", "signer", "printer", "masthead"];

    // masthead: true prints the issuers stacked, lead organ first; masthead: 文件 the same with 文件 after
    // them (beside the stacked names of a joint document, centred on them: GB/T 9704 7.2.2); any other text
    // (北留镇党政办公室文件) prints that.
    private const string FileSuffix = "文件";

    private static List<string> BindMasthead(YamlNode? node, List<string> issuers) => node switch
    {
        YamlScalarNode { Value: FileSuffix } => issuers,
        YamlScalarNode { Value: var word } when YamlScalar.Boolean(word) is { } on => on ? issuers : [],
        YamlScalarNode { Value: "" or null } or null => [],
        YamlScalarNode { Value: { } text } => [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
        YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0)],
        _ => [],
    };

    // seal: true (stamped by hand) or seal: 印章.png, an image beside the report (PNG, JPEG, WebP or SVG,
    // at most 2 MB) embedded in the HTML and printed over 署名 and 成文日期.
    private static string? SealFileOf(YamlNode? node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } && YamlScalar.Boolean(value) is null ? value : null;

    private string BindSealImage(YamlScalarNode scalar, string value)
    {
        // Only a regular file inside the report's folder, of at most 2 MB (Loading.ConfinedFile); a file
        // that is missing and one that is not allowed are told apart by nothing.
        var read = ConfinedFile.Read(Path.GetDirectoryName(Path.GetFullPath(_source.Path)) ?? ".", value, SealImageLimit);
        var bytes = read.Bytes;
        var problem = read.Refusal switch
        {
            Refusal.None => null,
            Refusal.TooLarge => _diagnostics.Text.Format("TooLarge", SealImageLimit / (1024 * 1024)),
            _ => T("NotAllowedFile"),
        };

        var mime = problem is null ? ImageType(bytes) : null;
        if (problem is not null || mime is null)
        {
            Report(Descriptors.BadSealImage, scalar, value, problem ?? T("NotAnImage"));
            return "";
        }

        return $"data:{mime};base64,{Convert.ToBase64String(bytes)}";

        static string? ImageType(byte[] b) =>
            b.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png"
            : b.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
            : b.Length > 12 && b.AsSpan(0, 4).SequenceEqual("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? "image/webp"
            : System.Text.Encoding.UTF8.GetString(b, 0, Math.Min(b.Length, 1024)).Contains("<svg", StringComparison.Ordinal) ? "image/svg+xml"
            : null;
    }

    private const long SealImageLimit = 2 * 1024 * 1024;

    private DateOnly? BindDate(YamlNode node, string what)
    {
        if (Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (OfficialDate.TryParse(text, out var date))
        {
            return date;
        }

        Report(Descriptors.InvalidValue, node, what, text, T("RealDate"));
        return null;
    }

    private SourceSpan SpanOf(YamlNode node) => YamlLoader.SpanOf(_source.Path, node);

    private SourceSpan KeySpan(YamlMappingNode map, string key) =>
        SpanOf(map.Children.Keys.FirstOrDefault(k => k.KeyText() == key) ?? map);

    // 主送 and 抄送 may list several organs; they are joined the way official documents join them.
    private string? Joined(YamlMappingNode map, string key, string separator) =>
        map.Get(key) is { } node && StringList(node, $"document.{key}") is { Count: > 0 } items ? string.Join(separator, items) : null;

    private string? Optional(YamlMappingNode map, string key) =>
        map.Get(key) is { } node && Scalar(node, $"document.{key}") is { Length: > 0 } text ? text.Trim() : null;
}
