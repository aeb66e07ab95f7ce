using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reportc.Diagnostics;

namespace Reportc.Cli;

/// <summary>
/// Prints diagnostics as text (MSBuild form, to standard error), or for machines on standard output:
/// a JSON array, GitHub workflow commands, or a SARIF 2.1.0 log.
/// </summary>
internal sealed class DiagnosticWriter(string format, MessageText text, TextWriter output, TextWriter error)
{
    public static readonly string[] Formats = ["text", "json", "github", "sarif"];

    // Built when JSON is written: the encoder takes a noticeable part of a cold start that prints text.
    private static JsonWriterOptions JsonOptions => new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Kept only for the formats printed whole at the end (json, sarif): a text or github batch of thousands
    // of reports prints each diagnostic as it comes and keeps its counts.
    private readonly List<Diagnostic> _all = [];
    private int _errors, _warnings, _infos;
    private string? _firstPath;
    private bool _severalPaths;

    // A broken kind, which every report of the kind meets: printed once a run (the reports are named as failed).
    private readonly HashSet<string> _kindProblems = [];

    private int Total => _errors + _warnings + _infos;
    private int _written;
    private int _unchanged;

    /// <summary>Whether progress lines ("wrote …") may go to standard output.</summary>
    public bool IsText => format == "text";

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary>A progress line ("wrote …") on standard output, in text mode only; unchanged outputs with --verbose.</summary>
    public void Progress(string key, string path, bool written = true)
    {
        if (written)
        {
            _written++;
        }
        else
        {
            _unchanged++;
        }

        if (IsText && !Quiet && (written || Verbose))
        {
            output.WriteLine(text.Format(key, path));
        }
    }

    public void Write(IEnumerable<Diagnostic> diagnostics)
    {
        // A report's text lines are written in blocks, not a system call each (standard error is not
        // buffered): a long text with a problem on every line prints hundreds of thousands of them.
        var block = new StringBuilder();
        foreach (var d in diagnostics)
        {
            if (d.Descriptor == Descriptors.KindError && !_kindProblems.Add(d.ToString(text)))
            {
                continue;
            }

            _ = d.Severity switch
            {
                DiagnosticSeverity.Error => _errors++,
                DiagnosticSeverity.Warning => _warnings++,
                _ => _infos++,
            };
            _severalPaths |= _firstPath is not null && _firstPath != d.Span.Path;
            _firstPath ??= d.Span.Path;
            if (format is "json" or "sarif")
            {
                _all.Add(d);
            }

            switch (format)
            {
                case "text":
                    // A value's control characters (ESC, CR) are shown, never printed: no forged line, no recoloured terminal.
                    block.Append(Loading.ControlCharacters.Escape(d.ToString(text))).Append(error.NewLine);
                    break;
                case "github":
                    block.Append(GitHub(d)).Append(output.NewLine);
                    break;
            }

            if (block.Length >= 1 << 16)
            {
                Flush(block);
            }
        }

        Flush(block);
    }

    private void Flush(StringBuilder block)
    {
        if (block.Length > 0)
        {
            (format == "github" ? output : error).Write(block.ToString());
            block.Clear();
        }
    }

    /// <summary>Ends the run: the JSON and SARIF documents are written whole, text gets a count.</summary>
    public void Finish(int files, IReadOnlyList<string>? failed = null)
    {
        // The summary line says the run happened even when all is well (a clerk who checks a file sees that it
        // was checked); --quiet keeps it for when something is wrong.
        if (format == "text" && failed is not null)
        {
            if (Quiet && failed.Count == 0 && Total == 0)
            {
                return;
            }

            error.WriteLine(text.Format("BuildSummary", files - failed.Count, failed.Count, _warnings, _errors, _written, _unchanged));
            foreach (var file in failed)
            {
                error.WriteLine(text.Format("FailedFile", file));
            }

            return;
        }

        switch (format)
        {
            case "json":
                output.WriteLine(Json());
                break;
            case "sarif":
                output.WriteLine(Sarif());
                break;
            case "text" when !Quiet || Total > 0:
                error.WriteLine(Summary(files));
                break;
        }
    }

    /// <summary>Under a text summary of several files, the ones with errors (check; build lists its failures itself).</summary>
    public void ListFilesWithErrors(IReadOnlyList<string> files)
    {
        if (format != "text" || files.Count == 0 || (!_severalPaths && files.Count < 2))
        {
            return;
        }

        foreach (var file in files)
        {
            error.WriteLine(text.Format("FileWithErrors", file));
        }
    }

    private string Summary(int files)
    {
        return text.Format("Summary", files, _errors, _warnings, _infos);
    }

    // A URI reference, as SARIF wants: each segment of a relative path percent-encoded (a space, '%', ',' or
    // ':' in a folder name, and Chinese, which becomes its UTF-8 bytes), an absolute path as a file: URI.
    internal static string SarifUri(string path) =>
        Path.IsPathRooted(path)
            ? new Uri(Path.GetFullPath(path)).AbsoluteUri
            : string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private string GitHub(Diagnostic d)
    {
        var command = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
        var s = d.Span;
        return s.IsTool
            ? $"::{command} title={d.Code}::{Data(Loading.ControlCharacters.Escape(d.GetMessage(text)))}"
            : $"::{command} file={Property(s.Path)},line={s.Line},col={s.Column},endLine={s.EndLine},endColumn={s.EndColumn},title={d.Code}::{Data(Loading.ControlCharacters.Escape(d.GetMessage(text)))}";

        static string Data(string v) => v.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        static string Property(string v) => Data(v).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
    }

    private string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var d in _all)
            {
                json.WriteStartObject();
                json.WriteString("file", d.Span.Path);
                json.WriteNumber("line", d.Span.Line);
                json.WriteNumber("column", d.Span.Column);
                json.WriteNumber("endLine", d.Span.EndLine);
                json.WriteNumber("endColumn", d.Span.EndColumn);
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", d.Code);
                json.WriteString("message", d.GetMessage(text));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // What GitHub code scanning requires of a SARIF log besides the 2.1.0 schema: per rule a short and a full
    // description and help; per result a fingerprint that survives the lines above it moving; columns counted
    // as the file's UTF-16 units (YamlDotNet's); relative paths against a named base (the folder it ran in).
    private string Sarif()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "reportc");
            json.WriteString("version", typeof(DiagnosticWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in _all.Select(d => d.Descriptor).DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in _all)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", d.Code);
                json.WriteString("level", Level(d.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", d.GetMessage(text));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                if (!d.Span.IsTool)
                {
                    WriteLocation(json, d.Span);
                }

                json.WriteEndArray();
                // The same problem (code, file, English wording) is the same alert wherever its line moves to; a
                // second one alike is told apart by its occurrence.
                var key = Fingerprint(d.Code + "\n" + d.Span.Path.Replace('\\', '/') + "\n" + d.GetMessage(MessageText.English));
                occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                json.WriteStartObject("partialFingerprints");
                json.WriteString("reportcProblem/v1", $"{key}:{occurrences[key]}");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private const string SourceRoot = "%SRCROOT%";

    private void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        // The message with its places shown as "…" (the raw format has {0}); both languages in the help.
        var english = Placeholders(MessageText.English.Get(rule.Code));
        var chinese = Placeholders(MessageText.Chinese.Get(rule.Code));
        var local = Placeholders(text.Get(rule.Code));
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", rule.Code);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", local);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", $"{rule.Code} ({rule.Severity.ToString().ToLowerInvariant()}): {english} / {chinese}");
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", $"{english}\n{chinese}\nSee docs/diagnostics.md in reportc's repository, code {rule.Code}.");
        json.WriteString("markdown", $"**{rule.Code}** ({rule.Severity.ToString().ToLowerInvariant()})\n\n{english}\n\n{chinese}\n\nSee `docs/diagnostics.md` in reportc's repository, code `{rule.Code}`.");
        json.WriteEndObject();
        json.WriteString("helpUri", HelpUri(rule.Code));
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Reportc.Diagnostics.SourceSpan span)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", SarifUri(span.Path));
        if (!Path.IsPathRooted(span.Path))
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Line);
        json.WriteNumber("startColumn", span.Column);
        json.WriteNumber("endLine", Math.Max(span.Line, span.EndLine));
        json.WriteNumber("endColumn", span.EndLine > span.Line ? span.EndColumn : Math.Max(span.Column, span.EndColumn));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A format's places are shown as "…" and its doubled braces as the one brace they print.
    private static string Placeholders(string format) =>
        System.Text.RegularExpressions.Regex.Replace(format, @"\{\{|\}\}|\{[0-9]+(:[^}]*)?\}", m => m.Value switch { "{{" => "{", "}}" => "}", _ => "…" });

    /// <summary>
    /// The page that explains a code: its row in docs/diagnostics.md, which carries the anchor rc0101 for RC0101.
    /// The page is the copy installed beside reportc (the tool package, the Windows zip and the native build
    /// carry it), or under ReportcDocsUrl when the build names where an organisation keeps reportc's docs
    /// (dotnet pack -p:ReportcDocsUrl=https://…/docs/).
    /// </summary>
    internal static string HelpUri(string code) => DocsBase.Value + "diagnostics.md#" + code.ToLowerInvariant();

    private static readonly Lazy<string> DocsBase = new(() =>
    {
        var configured = typeof(DiagnosticWriter).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ReportcDocsUrl")?.Value;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.EndsWith('/') ? configured : configured + "/";
        }

        return new Uri(Path.Combine(AppContext.BaseDirectory, "docs") + Path.DirectorySeparatorChar).AbsoluteUri;
    });

    private static string Fingerprint(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    private static string Level(DiagnosticSeverity severity) =>
        severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" };
}
