namespace Reportc.Kinds;

/// <summary>A report kind: sections, metric catalogue, settings and templates, read from a kind folder.</summary>
public sealed class ReportKind
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    /// <summary>The title used when a report gives none; may hold <c>{year}</c>.</summary>
    public string? DefaultTitle { get; init; }

    /// <summary>Month and day of the year after the report year by which the report is published.</summary>
    public (int Month, int Day)? Deadline { get; init; }

    /// <summary>
    /// The deadline of a government's own report (issued by a 人民政府), where it differs from a department's
    /// (《政府信息公开条例》第四十九条: 3月31日 against 1月31日); null: <see cref="Deadline"/> for every issuer.
    /// </summary>
    public (int Month, int Day)? GovernmentDeadline { get; init; }

    /// <summary>The deadline for a report whose lead issuing organ is <paramref name="issuer"/>.</summary>
    public (int Month, int Day)? DeadlineFor(string? issuer) =>
        GovernmentDeadline is { } government && IsGovernment(issuer) ? government : Deadline;

    /// <summary>Whether an organ is a government itself (示例区人民政府), not one of its departments or offices.</summary>
    public static bool IsGovernment(string? issuer) => issuer?.Trim().EndsWith("人民政府", StringComparison.Ordinal) == true;

    public required IReadOnlyList<SectionRule> Sections { get; init; }

    public required IReadOnlyDictionary<string, MetricDefinition> Metrics { get; init; }

    /// <summary>Template file by output format (<c>md</c>, <c>html</c>).</summary>
    public required IReadOnlyDictionary<string, string> Templates { get; init; }

    public string? Stylesheet { get; init; }

    public required KindFiles Files { get; init; }

    /// <summary>The tables the kind mandates, each in one of its sections.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; init; } = [];

    /// <summary>A fee that looks like yuan in a table counted in 万元 gets a warning above this.</summary>
    public decimal? FeeWarningAbove { get; init; }

    /// <summary>The kind this one extends, if any.</summary>
    public string? Extends { get; init; }

    public SectionRule? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);
}
