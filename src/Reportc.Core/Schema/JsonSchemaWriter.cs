using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reportc.Kinds;
using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Schema;

/// <summary>
/// Writes a kind's JSON Schema (draft-07, which the YAML language server reads), generated from the kind's
/// schema file: editors complete section ids and catalogue metrics and show their Chinese headings.
/// </summary>
public static class JsonSchemaWriter
{
    private const string MetricPattern = @"^\s*[+-]?[0-9]+(\.[0-9]+)?\s*(余)?\s*[^\s0-9][^\n]*$|^\s*[+-]?[0-9]+(\.[0-9]+)?\s*(余)?\s*$";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ReportKind kind)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", $"{kind.Name}（reportc 报告文件）");
            json.WriteString("description", $"reportc report file of kind {kind.Id}: {kind.NameEn}. 一份 YAML 文件即一个单位一个年度的报告。");
            json.WriteString("type", "object");
            Strings(json, "required", kind.Tables.Count > 0 ? ["kind", "year", "document", "sections", "tables"] : ["kind", "year", "document", "sections"]);
            json.WriteBoolean("additionalProperties", false);
            json.WriteStartObject("properties");
            Property(json, "kind", "报告类型", "report kind", w => w.WriteString("const", kind.Id));
            Property(json, "year", "报告年度", "the year the report is about, e.g. 2024", w =>
            {
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", 1949);
                w.WriteNumber("maximum", 2999);
            });
            Property(json, "previous", "上一年度的报告文件", "the previous year's report file beside this one, for {{id.prev}} and {{id.change}}", w => w.WriteString("type", "string"));
            Document(json);
            Property(json, "preamble", "开头段落", "the paragraph(s) before section 一 (Markdown)", w => w.WriteString("type", "string"));
            Metrics(json, kind);
            Tables(json, kind);
            Sections(json, kind);
            json.WriteEndObject();
            Definitions(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Document(Utf8JsonWriter json) => Property(json, "document", "公文要素", "issuers, number, title, date…", w =>
    {
        w.WriteString("type", "object");
        Strings(w, "required", ["issuers", "date"]);
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        Property(w, "issuers", "发文机关", "one organ, or a list with the lead organ first", x =>
        {
            x.WriteStartArray("anyOf");
            x.WriteStartObject();
            x.WriteString("type", "string");
            x.WriteEndObject();
            x.WriteStartObject();
            x.WriteString("type", "array");
            x.WriteNumber("minItems", 1);
            x.WriteStartObject("items");
            x.WriteString("type", "string");
            x.WriteEndObject();
            x.WriteEndObject();
            x.WriteEndArray();
        });
        Text(w, "number", "发文字号", "机关代字〔年份〕序号号, e.g. 北发〔2025〕4号");
        Text(w, "title", "标题", "one line, or the lines as they should break");
        TextOrList(w, "to", "主送机关", "addressee, or a list of them (optional)");
        Text(w, "signer", "签发人", "signer of an upward document (optional)");
        Date(w, "date", "成文日期", "e.g. 2025-01-20");
        TextOrList(w, "cc", "抄送机关", "copied to, or a list of organs (optional)");
        Text(w, "printer", "印发机关", "printing office (optional)");
        Date(w, "print_date", "印发日期", "e.g. 2025-01-20 (optional)");
        Property(w, "deadline", "公开截止日期", "month-day of the year after the report year (03-31), or none: overrides the kind's deadline (optional)", x =>
        {
            x.WriteString("type", "string");
            x.WriteString("pattern", "^([0-9]{2}-[0-9]{2}|none)$");
        });
        Property(w, "masthead", "版头（红头）", "true prints the red 发文机关标志 (the issuers) and rule; 文件: the issuers followed by 文件; a text or a list of lines prints that as the 标志", x =>
        {
            x.WriteStartArray("type");
            x.WriteStringValue("boolean");
            x.WriteStringValue("string");
            x.WriteStringValue("array");
            x.WriteEndArray();
            x.WriteStartObject("items");
            x.WriteString("type", "string");
            x.WriteEndObject();
        });
        Property(w, "seal", "加盖印章", "true: sealed by hand (the 成文日期 stands four characters from the right); or an image file beside the report (电子印章, PNG/JPEG/WebP/SVG) printed over 署名 and 成文日期", x =>
        {
            x.WriteStartArray("type");
            x.WriteStringValue("boolean");
            x.WriteStringValue("string");
            x.WriteEndArray();
        });
        w.WriteEndObject();
    });

    private static void Metrics(Utf8JsonWriter json, ReportKind kind) => Property(json, "metrics", "指标", "one metric a line: id: value [unit]", w =>
    {
        // An empty metrics: (as new --kind and init write it) is null in YAML.
        Strings(w, "type", ["object", "null"]);
        w.WriteStartObject("propertyNames");
        w.WriteString("pattern", "^[A-Za-z][A-Za-z0-9_]*$");
        w.WriteEndObject();
        w.WriteStartObject("properties");
        foreach (var metric in kind.Metrics.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            Property(w, metric.Id, metric.Label, $"单位：{metric.Unit}", x => RefAll(x, "#/definitions/catalogueMetric"));
        }

        w.WriteEndObject();
        w.WriteStartObject("additionalProperties");
        Ref(w, "#/definitions/ownMetric");
        w.WriteEndObject();
        var required = kind.Metrics.Values.Where(m => m.Required).Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        if (required.Count > 0)
        {
            Strings(w, "required", required);
        }
    });

    private static void Tables(Utf8JsonWriter json, ReportKind kind)
    {
        if (kind.Tables.Count == 0)
        {
            return;
        }

        Property(json, "tables", "表格", "one row a line, the numbers in the table's column order; totals may be left out", w =>
        {
            w.WriteString("type", "object");
            Strings(w, "required", [.. kind.Tables.Select(t => t.Id)]);
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            foreach (var table in kind.Tables)
            {
                Property(w, table.Id, table.Caption, $"section {table.Section}", t =>
                {
                    t.WriteString("type", "object");
                    t.WriteBoolean("additionalProperties", false);
                    t.WriteStartObject("properties");
                    foreach (var row in table.Rows.Where(r => !r.IsGroup))
                    {
                        var columns = table.ColumnsOf(row);
                        var typed = columns.Count(c => !table.IsComputedColumn(c.Id));
                        Property(t, row.Id!, row.Label, string.Join("、", columns.Select(c => c.Label)), r =>
                        {
                            r.WriteString("type", "array");
                            r.WriteNumber("minItems", typed);
                            r.WriteNumber("maxItems", columns.Count);
                            r.WriteStartObject("items");
                            // A number, ~ (not known yet) or "" (a cell left blank, as published).
                            Strings(r, "type", ["number", "null", "string"]);
                            r.WriteNumber("maxLength", 0);
                            r.WriteEndObject();
                        });
                    }

                    t.WriteEndObject();
                });
            }

            w.WriteEndObject();
        });
    }

    private static void Sections(Utf8JsonWriter json, ReportKind kind) => Property(json, "sections", "章节", "keyed by the kind's section ids; numbering comes from the order", w =>
    {
        w.WriteString("type", "object");
        Strings(w, "required", [.. kind.Sections.Where(s => s.Required).Select(s => s.Id)]);
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        for (var i = 0; i < kind.Sections.Count; i++)
        {
            var section = kind.Sections[i];
            var heading = ChineseNumerals.Heading(1, i + 1) + section.Heading.Replace("{year}", "××××", StringComparison.Ordinal).Replace("{next_year}", "××××", StringComparison.Ordinal);
            var about = (section.Required ? "必需" : "可选") + (section.About.Length > 0 ? "：" + section.About : "");
            Property(w, section.Id, heading, about, x =>
            {
                x.WriteStartArray("anyOf");
                x.WriteStartObject();
                x.WriteString("type", "string");
                x.WriteEndObject();
                x.WriteStartObject();
                Ref(x, "#/definitions/section");
                x.WriteEndObject();
                x.WriteEndArray();
            });
        }

        w.WriteEndObject();
    });

    private static void Definitions(Utf8JsonWriter json)
    {
        json.WriteStartObject("definitions");
        json.WriteStartObject("metricValue");
        Strings(json, "type", ["string", "number", "null"]);
        json.WriteString("pattern", MetricPattern);
        json.WriteString("description", "19 次 · 750余 人次 · 11.88 万元 · 100% · ~ (not known yet: build refuses it without --draft)");
        json.WriteEndObject();

        json.WriteStartObject("catalogueMetric");
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        Ref(json, "#/definitions/metricValue");
        json.WriteEndObject();
        MetricObject(json, requireLabel: false);
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("ownMetric");
        json.WriteString("description", "a metric of your own: { value: …, unit: …, label: … }");
        json.WriteStartArray("anyOf");
        MetricObject(json, requireLabel: true);
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("points");
        json.WriteString("title", "要点（一是、二是……）");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        Text(json, "title", "要点标题", "rendered 一是……。");
        Text(json, "text", "正文", "Markdown");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("leads");
        json.WriteString("title", "引领段（不编号的加粗标题）");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        Strings(json, "required", ["title"]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        Text(json, "title", "引领段标题", "rendered in bold, closed with 。, no number");
        Text(json, "text", "正文", "Markdown");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        Body(json, "section", isSubsection: false);
        Body(json, "subsection", isSubsection: true);
        json.WriteEndObject();
    }

    private static void Body(Utf8JsonWriter json, string name, bool isSubsection)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        if (isSubsection)
        {
            Strings(json, "required", ["title"]);
        }

        json.WriteStartObject("properties");
        if (isSubsection)
        {
            Text(json, "title", "小节标题", "rendered （一）……");
            Property(json, "runin", "标题接排", "false: the title is a heading line of its own", w => w.WriteString("type", "boolean"));
        }
        else
        {
            Text(json, "heading", "标题（替换默认标题）", "replaces the kind's heading");
        }

        Text(json, "text", "正文", "Markdown paragraphs");
        Property(json, "leads", "引领段", "paragraphs led by a bold title without a number: **健全领导机制。**……", w => RefAll(w, "#/definitions/leads"));
        Property(json, "points", "要点", "run-in points: 一是……二是……", w => RefAll(w, "#/definitions/points"));
        Property(json, "subsections", "小节", "numbered （一）（二）…", w =>
        {
            w.WriteString("type", "array");
            w.WriteStartObject("items");
            Ref(w, "#/definitions/subsection");
            w.WriteEndObject();
        });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void MetricObject(Utf8JsonWriter json, bool requireLabel)
    {
        json.WriteStartObject();
        json.WriteString("type", "object");
        Strings(json, "required", requireLabel ? ["value", "unit", "label"] : ["value"]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        Property(json, "value", "数值", "a number; 余 after it marks an approximate value", w => RefAll(w, "#/definitions/metricValue"));
        Text(json, "unit", "单位", "次, 人次, 件, 万元, %…");
        Text(json, "label", "名称", "what the metric counts");
        Property(json, "approx", "约数（余）", "true: rendered 750余人次", w => w.WriteString("type", "boolean"));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter json, string name, string title, string description, Action<Utf8JsonWriter> body)
    {
        json.WriteStartObject(name);
        json.WriteString("title", title);
        json.WriteString("description", description);
        // The YAML language server shows markdownDescription (else description, never title) in completion
        // and on hover: the Chinese heading or label first.
        json.WriteString("markdownDescription", $"**{title}**（{description}）");
        body(json);
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string title, string description) =>
        Property(json, name, title, description, w => w.WriteString("type", "string"));

    private static void TextOrList(Utf8JsonWriter json, string name, string title, string description) =>
        Property(json, name, title, description, w =>
        {
            Strings(w, "type", ["string", "array"]);
            w.WriteStartObject("items");
            w.WriteString("type", "string");
            w.WriteEndObject();
        });

    private static void Date(Utf8JsonWriter json, string name, string title, string description) =>
        Property(json, name, title, description, w =>
        {
            w.WriteString("type", "string");
            w.WriteString("pattern", Reportc.Text.OfficialDate.Pattern);
        });

    private static void Ref(Utf8JsonWriter json, string target) => json.WriteString("$ref", target);

    // Beside a title and description, a reference goes inside allOf: draft-07 ignores keywords next to $ref.
    private static void RefAll(Utf8JsonWriter json, string target)
    {
        json.WriteStartArray("allOf");
        json.WriteStartObject();
        Ref(json, target);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
