using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Loading;
using YamlDotNet.RepresentationModel;

namespace Reportc.Kinds;

/// <summary>
/// Reads a kind folder's <c>kind.yaml</c> into a <see cref="ReportKind"/>. A kind may <c>extends:</c> another
/// and then add, drop, rename or reorder its sections, add metrics, and replace any of its files.
/// </summary>
internal static class KindLoader
{
    public const string SchemaFile = "kind.yaml";

    private static readonly string[] Keys =
    [
        "id", "name", "name_en", "deadline", "title", "sections", "metrics", "templates", "stylesheet",
        "extends", "add_sections", "drop_sections", "rename_sections", "order", "tables", "drop_metrics", "drop_tables",
    ];

    // What a kind that extends no other has unless it says otherwise: the shared templates and stylesheet.
    private static readonly Dictionary<string, string> SharedTemplates = new(StringComparer.Ordinal) { ["md"] = "report.sbn-md", ["html"] = "report.sbn-html" };
    private const string SharedStylesheet = "style.css";

    private static readonly string[] MetricKeys = ["label", "unit", "required"];
    private static readonly string[] SectionKeys = ["id", "heading", "required", "about", "after", "before"];
    private static readonly string[] TableKeys = ["id", "section", "caption", "corner", "header", "columns", "rows", "rules", "blank", "row_labels"];
    private static readonly string[] ColumnKeys = ["id", "label", "group", "warn_above", "decimals", "terms"];
    private static readonly string[] RowKeys = ["id", "label", "group", "columns", "terms"];
    private static readonly string[] RuleKeys = ["id", "text", "each", "total", "sum", "left", "right"];

    public static ReportKind? Load(string id, KindFiles files, DiagnosticBag diagnostics, Func<string, ReportKind?> findBase)
    {
        var path = files.DisplayPath(SchemaFile);
        if (files.TooLarge(SchemaFile) is { } length)
        {
            diagnostics.Report(Descriptors.FileTooLarge, SourceSpan.WholeFile(path), length, DirectoryKindFiles.Limit);
            return null;
        }

        var source = SourceText.FromString(path, files.Read(SchemaFile).Replace("\r\n", "\n", StringComparison.Ordinal));
        var local = new DiagnosticBag();
        if (YamlLoader.Load(source, local) is not YamlMappingNode root)
        {
            foreach (var d in local.ToSortedList())
            {
                diagnostics.Add(d);
            }

            Broken(id, SourceSpan.WholeFile(path), new MessagePart("KindNotMapping"), diagnostics);
            return null;
        }

        var ok = true;
        void Fail(YamlNode at, MessagePart why)
        {
            Broken(id, YamlLoader.SpanOf(path, at), why, diagnostics);
            ok = false;
        }

        string? Text(YamlMappingNode map, string key) => map.Get(key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

        CheckKeys(root, Keys, Fail);

        ReportKind? parent = null;
        if (Text(root, "extends") is { } baseId)
        {
            parent = findBase(baseId);
            if (parent is null)
            {
                Fail(root.Get("extends")!, new MessagePart("KindExtendsMissing", baseId));
                return null;
            }
        }

        var sections = parent is null ? ReadSections(root, Text, Fail) : Derive(parent.Sections, root, Text, Fail);
        var metrics = new Dictionary<string, MetricDefinition>(parent?.Metrics ?? new Dictionary<string, MetricDefinition>(), StringComparer.Ordinal);
        if (root.Get("drop_metrics") is { } dropMetrics)
        {
            foreach (var item in dropMetrics is YamlSequenceNode list ? list.Children : [dropMetrics])
            {
                var metricId = (item as YamlScalarNode)?.Value ?? "";
                if (!metrics.Remove(metricId))
                {
                    Fail(item, new MessagePart("KindNoMetricToDrop", metricId, DidYouMean.Part(metricId, metrics.Keys)));
                }
            }
        }
        if (root.Get("metrics") is YamlMappingNode catalogue)
        {
            foreach (var (key, value) in catalogue.Children)
            {
                if (value is YamlMappingNode m && Text(m, "label") is { } label)
                {
                    var metricId = key.KeyText();
                    CheckKeys(m, MetricKeys, Fail);
                    metrics[metricId] = new MetricDefinition(metricId, label, Text(m, "unit"), Flag(m, "required", Fail));
                }
                else
                {
                    Fail(value, new MessagePart("KindMetricNeedsLabel", key.KeyText()));
                }
            }
        }

        var templates = new SortedDictionary<string, string>(parent?.Templates.ToDictionary() ?? SharedTemplates, StringComparer.Ordinal);
        if (root.Get("templates") is YamlMappingNode t)
        {
            foreach (var (key, value) in t.Children)
            {
                templates[key.KeyText()] = value is YamlScalarNode s ? s.Value ?? "" : "";
            }
        }

        var name = Text(root, "name") ?? parent?.Name;
        if (name is null)
        {
            Fail(root, new MessagePart("KindNoName"));
        }

        ((int, int)? Department, (int, int)? Government) deadlines = root.Get("deadline") is { } deadline ? ReadDeadlines(deadline, Fail) : (parent?.Deadline, parent?.GovernmentDeadline);
        var kind = new ReportKind
        {
            Id = Text(root, "id") ?? "",
            Name = name ?? "",
            NameEn = Text(root, "name_en") ?? parent?.NameEn,
            DefaultTitle = Text(root, "title") ?? parent?.DefaultTitle,
            Deadline = deadlines.Department,
            GovernmentDeadline = deadlines.Government,
            Sections = sections,
            Metrics = metrics,
            Templates = templates,
            Stylesheet = Text(root, "stylesheet") ?? parent?.Stylesheet ?? SharedStylesheet,
            // Every kind folder lies over the shared files (templates/_common): a kind.yaml alone is a kind.
            Files = parent is not null ? new LayeredKindFiles(files, parent.Files)
                : files is DirectoryKindFiles ? new LayeredKindFiles(files, EmbeddedKindFiles.Shared) : files,
            Extends = parent?.Id,
            Tables = ReadTables(root, Text, Fail, sections, parent?.Tables),
        };

        if (kind.Id != id)
        {
            Fail(root, new MessagePart("KindIdNotFolder", kind.Id, id));
        }

        if (sections.Count == 0)
        {
            Fail(root, new MessagePart("KindNoSections"));
        }

        return ok ? kind : null;
    }

    private static List<SectionRule> ReadSections(YamlMappingNode root, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail)
    {
        var sections = new List<SectionRule>();
        if (root.Get("sections") is YamlSequenceNode list)
        {
            foreach (var item in list)
            {
                if (ReadSection(item, text, fail) is { } rule)
                {
                    sections.Add(rule);
                }
            }
        }

        return sections;
    }

    private static SectionRule? ReadSection(YamlNode item, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail)
    {
        if (item is not YamlMappingNode map || text(map, "id") is not { } id || text(map, "heading") is not { } heading)
        {
            fail(item, new MessagePart("KindSectionNeedsIdHeading"));
            return null;
        }

        CheckKeys(map, SectionKeys, fail);
        return new SectionRule(id, heading, Flag(map, "required", fail), text(map, "about") ?? "");
    }

    // extends: the parent's sections, then drop, rename, add (after/before a section) and reorder.
    private static List<SectionRule> Derive(IReadOnlyList<SectionRule> inherited, YamlMappingNode root, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail)
    {
        var sections = inherited.ToList();
        if (root.Get("sections") is { } own)
        {
            fail(own, new MessagePart("KindExtendsOwnSections"));
        }

        SectionRule? Find(YamlNode at, string id)
        {
            var rule = sections.FirstOrDefault(s => s.Id == id);
            if (rule is null)
            {
                fail(at, new MessagePart("KindNoSectionToChange", id, DidYouMean.Part(id, sections.Select(s => s.Id))));
            }

            return rule;
        }

        if (root.Get("drop_sections") is YamlSequenceNode drop)
        {
            foreach (var item in drop.OfType<YamlScalarNode>())
            {
                if (Find(item, item.Value ?? "") is { } rule)
                {
                    sections.Remove(rule);
                }
            }
        }

        if (root.Get("rename_sections") is YamlMappingNode rename)
        {
            foreach (var (key, value) in rename.Children)
            {
                if (Find(key, key.KeyText()) is { } rule && value is YamlScalarNode { Value: { Length: > 0 } heading })
                {
                    sections[sections.IndexOf(rule)] = rule with { Heading = heading };
                }
            }
        }

        if (root.Get("add_sections") is YamlSequenceNode add)
        {
            foreach (var item in add)
            {
                if (ReadSection(item, text, fail) is not { } rule)
                {
                    continue;
                }

                if (sections.Any(s => s.Id == rule.Id))
                {
                    fail(item, new MessagePart("KindSectionExists", rule.Id));
                    continue;
                }

                var map = (YamlMappingNode)item;
                var index = sections.Count;
                if (text(map, "after") is { } after && Find(map, after) is { } a)
                {
                    index = sections.IndexOf(a) + 1;
                }
                else if (text(map, "before") is { } before && Find(map, before) is { } b)
                {
                    index = sections.IndexOf(b);
                }

                sections.Insert(index, rule);
            }
        }

        if (root.Get("order") is YamlSequenceNode order)
        {
            var ids = order.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
            var missing = sections.Where(s => !ids.Contains(s.Id)).Select(s => s.Id).ToList();
            if (missing.Count > 0 || ids.Count != sections.Count)
            {
                fail(order, new MessagePart("KindOrderIncomplete", string.Join(", ", sections.Select(s => s.Id))));
            }
            else
            {
                sections = [.. ids.Select(id => sections.First(s => s.Id == id))];
            }
        }

        return sections;
    }

    // tables: a kind's own list; a kind that extends another keeps the parent's tables, replaces one by giving a
    // table of the same id, adds one with a new id and drops one with drop_tables. Every level is checked:
    // keys, ids (unique; a row's columns and a rule's names among the table's), each: row or column.
    private static List<TableDefinition> ReadTables(YamlMappingNode root, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail, List<SectionRule> sections, IReadOnlyList<TableDefinition>? inherited)
    {
        var tables = inherited?.ToList() ?? [];
        if (root.Get("drop_tables") is { } drop)
        {
            foreach (var item in drop is YamlSequenceNode list ? list.Children : [drop])
            {
                var tableId = (item as YamlScalarNode)?.Value ?? "";
                if (tables.RemoveAll(t => t.Id == tableId) == 0)
                {
                    fail(item, new MessagePart("KindNoTableToDrop", tableId, DidYouMean.Part(tableId, tables.Select(t => t.Id))));
                }
            }
        }

        if (root.Get("tables") is not { } node)
        {
            return tables;
        }

        if (node is not YamlSequenceNode items)
        {
            fail(node, new MessagePart("KindNotList", "tables"));
            return tables;
        }

        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map)
            {
                fail(item, new MessagePart("KindNotMappingItem", "tables"));
                continue;
            }

            if (ReadTable(map, text, fail, sections) is not { } table)
            {
                continue;
            }

            if (!own.Add(table.Id))
            {
                fail(map, new MessagePart("KindDuplicateId", table.Id, "tables"));
                continue;
            }

            var at = tables.FindIndex(t => t.Id == table.Id);
            if (at >= 0 && inherited is not null)
            {
                tables[at] = table; // a child kind's table of the parent's id replaces it in place
            }
            else
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    private static TableDefinition? ReadTable(YamlMappingNode item, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail, List<SectionRule> sections)
    {
        static List<string> Ids(YamlNode? node) =>
            node is YamlSequenceNode s ? [.. s.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "")] : node is YamlScalarNode { Value: { } one } ? [one] : [];

        CheckKeys(item, TableKeys, fail);
        var id = text(item, "id");
        if (id is null)
        {
            fail(item, new MessagePart("KindTableNeeds"));
            return null;
        }

        if (text(item, "caption") is null)
        {
            fail(item, new MessagePart("KindTableNeeds"));
        }

        // Ids make the reference {{table.row.column}} and the HTML's ids: ASCII, as a metric's.
        foreach (var named in new[] { item.Get("id")! }
            .Concat((item.Get("columns") as YamlSequenceNode)?.OfType<YamlMappingNode>().Select(c => c.Get("id")).OfType<YamlNode>() ?? [])
            .Concat((item.Get("rows") as YamlSequenceNode)?.OfType<YamlMappingNode>().Select(r => r.Get("id")).OfType<YamlNode>() ?? []))
        {
            if (named is YamlScalarNode { Value: { } name } && !MetricDefinition.IsId(name))
            {
                fail(named, new MessagePart("KindBadId", name));
            }
        }

        var section = text(item, "section") ?? "";
        if (sections.All(s => s.Id != section))
        {
            fail(item.Get("section") ?? item, new MessagePart("KindTableSection", id, section));
        }

        List<YamlMappingNode> Items(string key)
        {
            if (item.Get(key) is not { } list)
            {
                fail(item, new MessagePart("KindTableNeeds"));
                return [];
            }

            if (list is not YamlSequenceNode sequence)
            {
                fail(list, new MessagePart("KindNotList", $"tables.{id}.{key}"));
                return [];
            }

            foreach (var bad in sequence.Children.Where(c => c is not YamlMappingNode))
            {
                fail(bad, new MessagePart("KindNotMappingItem", $"tables.{id}.{key}"));
            }

            return [.. sequence.Children.OfType<YamlMappingNode>()];
        }

        var columns = new List<TableColumn>();
        foreach (var c in Items("columns"))
        {
            var column = ReadColumn(c, text, fail);
            if (column.Id.Length == 0 || column.Label.Length == 0)
            {
                fail(c, new MessagePart("KindColumnNeeds", id));
            }
            else if (columns.Any(x => x.Id == column.Id))
            {
                fail(c, new MessagePart("KindDuplicateId", column.Id, $"tables.{id}.columns"));
            }
            else
            {
                columns.Add(column);
            }
        }

        var rows = new List<TableRow>();
        foreach (var r in Items("rows"))
        {
            CheckKeys(r, RowKeys, fail);
            var row = new TableRow(text(r, "id"), text(r, "label") ?? text(r, "group") ?? "", r.Get("columns") is { } cs ? Ids(cs) : null) { Terms = Ids(r.Get("terms")) };
            if (row.Label.Length == 0 || (row.Id is null) != (text(r, "group") is not null) || (row.Id is not null && text(r, "label") is null))
            {
                fail(r, new MessagePart("KindRowNeeds", id));
                continue;
            }

            if (row.Id is not null && rows.Any(x => x.Id == row.Id))
            {
                fail(r, new MessagePart("KindDuplicateId", row.Id, $"tables.{id}.rows"));
                continue;
            }

            foreach (var name in row.Columns ?? [])
            {
                if (columns.All(c => c.Id != name))
                {
                    fail(r.Get("columns")!, new MessagePart("KindRowColumn", row.Id ?? row.Label, id, name, DidYouMean.Part(name, columns.Select(c => c.Id))));
                }
            }

            rows.Add(row.Columns is { } named && named.Any(n => columns.All(c => c.Id != n)) ? row with { Columns = [.. named.Where(n => columns.Any(c => c.Id == n))] } : row);
        }

        var rules = new List<TableRule>();
        foreach (var r in item.Get("rules") is null ? [] : Items("rules"))
        {
            CheckKeys(r, RuleKeys, fail);
            var each = text(r, "each");
            if (each is not ("row" or "column"))
            {
                fail(r.Get("each") ?? r, new MessagePart("KindRuleEach", text(r, "id") ?? "", id, each ?? ""));
                continue;
            }

            var rule = new TableRule(text(r, "id") ?? "", text(r, "text") ?? "", each == "row", text(r, "total"), Ids(r.Get("sum")), Ids(r.Get("left")), Ids(r.Get("right")));
            var known = rule.PerRow ? columns.Select(c => c.Id) : rows.Where(x => !x.IsGroup).Select(x => x.Id!);
            var unknown = rule.Participants.Where(p => !known.Contains(p)).ToList();
            foreach (var name in unknown)
            {
                fail(r, new MessagePart(rule.PerRow ? "KindRuleColumn" : "KindRuleRow", rule.Id, id, name));
            }

            if (unknown.Count == 0)
            {
                rules.Add(rule);
            }
        }

        var blank = text(item, "blank");
        if (blank is not (null or "zero" or "skip"))
        {
            fail(item.Get("blank")!, new MessagePart("KindBadBlank", blank));
        }

        return new TableDefinition(id, section, text(item, "caption") ?? "", text(item, "corner"), text(item, "header"), columns, rows, rules) { BlankIsZero = blank == "zero", RowLabels = Flag(item, "row_labels", fail, true) };
    }

    private static TableColumn ReadColumn(YamlMappingNode column, Func<YamlMappingNode, string, string?> text, Action<YamlNode, MessagePart> fail)
    {
        CheckKeys(column, ColumnKeys, fail);
        Dictionary<IssuerLevel, decimal>? warnAbove = null;
        if (column.Get("warn_above") is { } w)
        {
            warnAbove = ReadLimits(w, fail);
        }

        int? decimals = null;
        if (column.Get("decimals") is { } d)
        {
            if (int.TryParse(text(column, "decimals"), NumberStyles.None, CultureInfo.InvariantCulture, out var digits) && digits <= 10)
            {
                decimals = digits;
            }
            else
            {
                fail(d, new MessagePart("KindNotDigits", "decimals"));
            }
        }

        return new TableColumn(text(column, "id") ?? "", text(column, "label") ?? "", text(column, "group"), warnAbove, decimals)
        {
            Terms = column.Get("terms") is YamlSequenceNode terms ? [.. terms.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "")] : column.Get("terms") is YamlScalarNode { Value: { } one } ? [one] : [],
        };
    }

    private static readonly Dictionary<string, IssuerLevel> LevelKeys = new(StringComparer.Ordinal)
    {
        ["township"] = IssuerLevel.Township, ["county"] = IssuerLevel.County, ["city"] = IssuerLevel.City, ["province"] = IssuerLevel.Province,
    };

    // warn_above: 10000 (every issuer), or by the issuer's level: { township: 10000, county: 1000000, … }.
    private static Dictionary<IssuerLevel, decimal>? ReadLimits(YamlNode node, Action<YamlNode, MessagePart> fail)
    {
        static decimal? Number(YamlNode n) =>
            n is YamlScalarNode { Value: { } v } && decimal.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

        if (node is not YamlMappingNode map)
        {
            if (Number(node) is { } all)
            {
                return LevelKeys.Values.ToDictionary(l => l, _ => all);
            }

            fail(node, new MessagePart("KindNotNumber", "warn_above"));
            return null;
        }

        var limits = new Dictionary<IssuerLevel, decimal>();
        foreach (var (key, value) in map.Children)
        {
            if (!LevelKeys.TryGetValue(key.KeyText(), out var level))
            {
                fail(key, new MessagePart("KindUnknownKey", key.KeyText(), DidYouMean.Part(key.KeyText(), LevelKeys.Keys)));
            }
            else if (Number(value) is { } limit)
            {
                limits[level] = limit;
            }
            else
            {
                fail(value, new MessagePart("KindNotNumber", "warn_above." + key.KeyText()));
            }
        }

        return limits;
    }

    // kind.yaml is checked as strictly as a report: a key it does not know is a typo, named at its place.
    private static void CheckKeys(YamlMappingNode map, string[] keys, Action<YamlNode, MessagePart> fail)
    {
        foreach (var key in map.Children.Keys.Where(k => !keys.Contains(k.KeyText())))
        {
            fail(key, new MessagePart("KindUnknownKey", key.KeyText(), DidYouMean.Part(key.KeyText(), keys)));
        }
    }

    // required: true, yes, True… as YAML reads them; any other word is an error, not "optional".
    private static bool Flag(YamlMappingNode map, string key, Action<YamlNode, MessagePart> fail, bool absent = false)
    {
        if (map.Get(key) is not { } node)
        {
            return absent;
        }

        if (node is YamlScalarNode { Value: var word } && Text.YamlScalar.Boolean(word) is { } flag)
        {
            return flag;
        }

        fail(node, new MessagePart("KindNotBoolean", key));
        return false;
    }

    // deadline: 01-31 for every issuer, or by who issues: { department: 01-31, government: 03-31 } (a 人民政府's own report).
    private static ((int, int)? Department, (int, int)? Government) ReadDeadlines(YamlNode node, Action<YamlNode, MessagePart> fail)
    {
        if (node is not YamlMappingNode map)
        {
            return (ReadDeadline(node, fail), null);
        }

        CheckKeys(map, ["department", "government"], fail);
        var department = map.Get("department") is { } d ? ReadDeadline(d, fail) : null;
        return (department, map.Get("government") is { } g ? ReadDeadline(g, fail) : department);
    }

    // deadline: 04-01 (month and day of the following year), or none: a kind that extends another need not keep its deadline.
    internal static (int, int)? ReadDeadline(YamlNode node, Action<YamlNode, MessagePart> fail)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (text is "none")
        {
            return null;
        }

        if (text is not null && DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return (d.Month, d.Day);
        }

        fail(node, new MessagePart("KindBadDeadline", text ?? ""));
        return null;
    }

    private static void Broken(string id, SourceSpan span, MessagePart why, DiagnosticBag diagnostics) =>
        diagnostics.Report(Descriptors.KindError, span, id, why);
}
