namespace Reportc.Diagnostics;

/// <summary>The table of every diagnostic reportc reports. Codes are stable: never reuse or renumber one.</summary>
public static class Descriptors
{
    // RC00xx: reading the file.
    public static readonly DiagnosticDescriptor FileNotFound = E(1, "cannot read '{0}': {1}");
    public static readonly DiagnosticDescriptor FileTooLarge = E(2, "the file is {0:N0} bytes; report files are limited to {1:N0} bytes");
    public static readonly DiagnosticDescriptor NotUtf8 = E(3, "the file is not valid UTF-8 (first bad byte at offset {0}); save it as UTF-8");
    public static readonly DiagnosticDescriptor ReadAsGb18030 = W(4, "the file is not UTF-8 but reads as GB18030/GBK; it was read that way: save it as UTF-8 to silence this");
    public static readonly DiagnosticDescriptor BinaryFile = E(5, "the file looks binary (it holds NUL bytes), not a YAML text file");
    public static readonly DiagnosticDescriptor EmptyFile = E(6, "the file is empty; a report needs at least 'kind', 'year', 'document' and 'sections'");

    // RC01xx: YAML syntax.
    public static readonly DiagnosticDescriptor YamlSyntax = E(101, "YAML syntax error: {0}");
    public static readonly DiagnosticDescriptor DuplicateKey = E(102, "duplicate key '{0}': each key may appear once in a mapping");
    public static readonly DiagnosticDescriptor TooDeep = E(103, "nesting deeper than {0} levels; a report file is never this deep");
    public static readonly DiagnosticDescriptor AliasNotAllowed = E(104, "YAML anchors and aliases (*{0}) are not supported in report files: write the value out");
    public static readonly DiagnosticDescriptor MultipleDocuments = E(105, "the file holds more than one YAML document ('---'); one file is one report");

    // RC02xx: structure of the report.
    public static readonly DiagnosticDescriptor UnknownKind = E(201, "unknown report kind '{0}'{1}; known kinds: {2}");
    public static readonly DiagnosticDescriptor MissingKey = E(202, "missing required key '{0}' ({1})");
    public static readonly DiagnosticDescriptor MissingSection = E(203, "missing required section {0} ({1})");
    public static readonly DiagnosticDescriptor UnknownKey = E(204, "unknown key '{0}' in {1}{2}");
    public static readonly DiagnosticDescriptor WrongNodeType = E(205, "{0} must be {1}, not {2}");
    public static readonly DiagnosticDescriptor InvalidValue = E(206, "invalid {0} '{1}': {2}");
    public static readonly DiagnosticDescriptor EmptyText = E(207, "{0} is empty; write the text, or '无。' where there is nothing to report");

    // RC03xx: metrics.
    public static readonly DiagnosticDescriptor MetricNotNumber = E(301, "metric '{0}': '{1}' is not a number (write e.g. '19 次', '750余 人次', '11.88 万元', '100%')");
    public static readonly DiagnosticDescriptor MetricNoUnit = E(302, "metric '{0}' has no unit and is not in the kind's catalogue; write its unit after the value");
    public static readonly DiagnosticDescriptor MetricNoLabel = E(303, "metric '{0}' is not in the kind's catalogue, so it needs a label: {{ value: …, unit: …, label: … }}");
    public static readonly DiagnosticDescriptor MetricBadId = E(304, "metric id '{0}' is not valid: use a letter, then letters, digits or '_'{1}");
    public static readonly DiagnosticDescriptor MetricUnitMismatch = E(305, "metric '{0}' ({1}) is counted in {2} in the kind's catalogue, not in {3}");
    public static readonly DiagnosticDescriptor MetricNegative = E(306, "metric '{0}' is negative ({1}); counts and amounts cannot be below zero");
    public static readonly DiagnosticDescriptor MetricPercentOver = W(307, "metric '{0}' is {1}%, more than 100%");

    // RC04xx: narrative.
    public static readonly DiagnosticDescriptor UndefinedMetric = E(401, "'{{{{{0}}}}}' refers to no metric{1}");
    public static readonly DiagnosticDescriptor UnusedMetric = W(402, "metric '{0}' ({1}) is defined but no text refers to it");
    public static readonly DiagnosticDescriptor BadReference = E(403, "'{0}' is not a metric reference: write '{{{{id}}}}' with a metric id");

    // RC05xx: templates and kinds.
    public static readonly DiagnosticDescriptor TemplateError = E(501, "template error: {0}");
    public static readonly DiagnosticDescriptor KindError = E(502, "report kind '{0}' is broken: {1}");

    // RC06xx: writing outputs.
    public static readonly DiagnosticDescriptor CannotWrite = E(601, "cannot write '{0}': {1}");

    private static DiagnosticDescriptor E(int number, string format) => new(number, DiagnosticSeverity.Error, format);

    private static DiagnosticDescriptor W(int number, string format) => new(number, DiagnosticSeverity.Warning, format);
}
