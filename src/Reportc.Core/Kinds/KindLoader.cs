using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Loading;
using YamlDotNet.RepresentationModel;

namespace Reportc.Kinds;

/// <summary>Reads a kind folder's <c>kind.yaml</c> into a <see cref="ReportKind"/>.</summary>
internal static class KindLoader
{
    public const string SchemaFile = "kind.yaml";

    public static ReportKind? Load(string id, KindFiles files, DiagnosticBag diagnostics)
    {
        var path = files.DisplayPath(SchemaFile);
        var source = SourceText.FromString(path, files.Read(SchemaFile).Replace("\r\n", "\n", StringComparison.Ordinal));
        var local = new DiagnosticBag();
        if (YamlLoader.Load(source, local) is not YamlMappingNode root)
        {
            foreach (var d in local.ToSortedList())
            {
                diagnostics.Add(d);
            }

            Broken(id, SourceSpan.WholeFile(path), "kind.yaml must be a mapping of id, name, sections, metrics, templates", diagnostics);
            return null;
        }

        var ok = true;
        string Text(YamlMappingNode map, string key, bool required)
        {
            if (map.Get(key) is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return value;
            }

            if (required)
            {
                Broken(id, YamlLoader.SpanOf(path, map), $"'{key}' is missing", diagnostics);
                ok = false;
            }

            return "";
        }

        var sections = new List<SectionRule>();
        if (root.Get("sections") is YamlSequenceNode list)
        {
            foreach (var item in list.OfType<YamlMappingNode>())
            {
                sections.Add(new SectionRule(
                    Text(item, "id", true),
                    Text(item, "heading", true),
                    Text(item, "required", false) == "true",
                    Text(item, "about", false)));
            }
        }

        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        if (root.Get("metrics") is YamlMappingNode catalogue)
        {
            foreach (var (key, value) in catalogue.Children)
            {
                if (value is YamlMappingNode m)
                {
                    var metricId = key.KeyText();
                    var unit = Text(m, "unit", false);
                    metrics[metricId] = new MetricDefinition(metricId, Text(m, "label", true), unit.Length == 0 ? null : unit, Text(m, "required", false) == "true");
                }
            }
        }

        var templates = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root.Get("templates") is YamlMappingNode t)
        {
            foreach (var (key, value) in t.Children)
            {
                templates[key.KeyText()] = value is YamlScalarNode s ? s.Value ?? "" : "";
            }
        }

        var kind = new ReportKind
        {
            Id = Text(root, "id", true),
            Name = Text(root, "name", true),
            NameEn = Text(root, "name_en", false),
            DefaultTitle = Text(root, "title", false) is { Length: > 0 } title ? title : null,
            Deadline = ParseDeadline(Text(root, "deadline", false)),
            Sections = sections,
            Metrics = metrics,
            Templates = templates,
            Stylesheet = Text(root, "stylesheet", false) is { Length: > 0 } css ? css : null,
            Files = files,
        };

        if (kind.Id != id)
        {
            Broken(id, YamlLoader.SpanOf(path, root), $"its id is '{kind.Id}' but its folder is '{id}'", diagnostics);
            ok = false;
        }

        return ok ? kind : null;
    }

    private static (int, int)? ParseDeadline(string text) =>
        DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d.Month, d.Day)
            : null;

    private static void Broken(string id, SourceSpan span, string why, DiagnosticBag diagnostics) =>
        diagnostics.Report(Descriptors.KindError, span, id, why);
}
