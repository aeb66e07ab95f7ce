using Reportc.Binding;
using Reportc.Model;
using Reportc.Text;

namespace Reportc.Diff;

/// <summary>How a metric or section stands between two years.</summary>
public enum ChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
    UnitChanged,

    /// <summary>In the new year's file, still to be filled in (<c>~</c>, as <c>reportc new</c> leaves it).</summary>
    Pending,
}

/// <summary>One metric across two years: values, and the change where the units agree.</summary>
public sealed record MetricChange(string Id, string Label, MetricValue? Old, MetricValue? New, bool NewPending = false)
{
    public ChangeKind Kind => (Old, New) switch
    {
        (_, null) when NewPending => ChangeKind.Pending,
        (null, _) => ChangeKind.Added,
        (_, null) => ChangeKind.Removed,
        _ when Old.Unit != New.Unit => ChangeKind.UnitChanged,
        _ when Old.Value == New.Value && Old.Approximate == New.Approximate => ChangeKind.Unchanged,
        _ => ChangeKind.Changed,
    };

    /// <summary>New minus old, when both exist in the same unit.</summary>
    public decimal? Delta => Kind is ChangeKind.Changed or ChangeKind.Unchanged ? New!.Value - Old!.Value : null;

    /// <summary>The change in percent of the old value (none for a zero old value, or for percentages).</summary>
    public decimal? Percent => Delta is null || New!.Kind == MetricKind.Percent ? null : ChangePhrase.Percent(New.Value, Old!.Value);
}

/// <summary>One section across two years; its paragraphs as typed, old and new.</summary>
public sealed record SectionChange(string Id, string Heading, ChangeKind Kind, IReadOnlyList<string> Old, IReadOnlyList<string> New);

/// <summary>The year-over-year difference of two reports: metric by metric, section by section.</summary>
public sealed record ReportDiff(Report? Old, Report? New, IReadOnlyList<MetricChange> Metrics, IReadOnlyList<SectionChange> Sections)
{
    /// <summary>Every cell of the kind's tables, old and new (<see cref="TableCellChange"/>).</summary>
    public IReadOnlyList<TableCellChange> Tables { get; init; } = [];

    public static ReportDiff Compare(Report? old, Report? @new)
    {
        var oldMetrics = old?.Metrics ?? [];
        var newMetrics = @new?.Metrics ?? [];
        var pending = new HashSet<string>(@new?.PendingMetrics.Select(p => p.Id) ?? [], StringComparer.Ordinal);
        var ids = oldMetrics.Select(m => m.Id).Concat(newMetrics.Select(m => m.Id)).Distinct(StringComparer.Ordinal);
        var metrics = ids.Select(id =>
        {
            var before = oldMetrics.FirstOrDefault(m => m.Id == id);
            var after = newMetrics.FirstOrDefault(m => m.Id == id);
            return new MetricChange(id, (after ?? before)!.Label, before, after);
        }).Select(m => m.New is null && pending.Contains(m.Id) ? m with { NewPending = true } : m).ToList();

        var kind = (@new ?? old)?.Kind;
        var sections = new List<SectionChange>();

        // The 公文 elements and the opening text are compared like sections, before them.
        Compare(sections, "document", "公文要素", DocumentLines(old), DocumentLines(@new), old is not null, @new is not null);
        Compare(sections, "preamble", "开头", Paragraphs(old?.Preamble), Paragraphs(@new?.Preamble), old?.Preamble is not null, @new?.Preamble is not null);
        foreach (var rule in kind?.Sections ?? [])
        {
            var before = old?.Sections.FirstOrDefault(s => s.Rule.Id == rule.Id);
            var after = @new?.Sections.FirstOrDefault(s => s.Rule.Id == rule.Id);
            if (before is null && after is null)
            {
                continue;
            }

            var oldText = Paragraphs(before);
            var newText = Paragraphs(after);
            var change = before is null ? ChangeKind.Added : after is null ? ChangeKind.Removed : oldText.SequenceEqual(newText) ? ChangeKind.Unchanged : ChangeKind.Changed;
            sections.Add(new SectionChange(rule.Id, rule.HeadingFor(@new?.Year ?? old!.Year), change, oldText, newText));
        }

        return new ReportDiff(old, @new, metrics, sections) { Tables = TableCellChange.Compare(old, @new) };
    }

    private static void Compare(List<SectionChange> changes, string id, string heading, List<string> before, List<string> after, bool hadIt, bool hasIt)
    {
        if (!hadIt && !hasIt)
        {
            return;
        }

        var change = !hadIt ? ChangeKind.Added : !hasIt ? ChangeKind.Removed : before.SequenceEqual(after) ? ChangeKind.Unchanged : ChangeKind.Changed;
        changes.Add(new SectionChange(id, heading, change, before, after));
    }

    // One line a 公文 element, as printed: a change of 发文字号 or 成文日期 shows as that line changed.
    private static List<string> DocumentLines(Report? report)
    {
        if (report is null)
        {
            return [];
        }

        var doc = report.Document;
        return
        [
            "发文机关：" + string.Join("、", doc.Issuers),
            "发文字号：" + doc.Number,
            "标题：" + string.Concat(doc.TitleLines),
            "成文日期：" + Text.OfficialDate.Chinese(doc.Date),
        ];
    }

    private static List<string> Paragraphs(Narrative? text) =>
        text is null ? [] : CjkText.Paragraphs(CjkText.JoinLines(text.Text));

    // A section's narrative as typed, paragraph by paragraph; references stay as written ({{id}}).
    private static List<string> Paragraphs(SectionContent? section)
    {
        if (section is null)
        {
            return [];
        }

        return [.. Narratives.OfSection(section).SelectMany(n => CjkText.Paragraphs(CjkText.JoinLines(n.Text)))];
    }
}
