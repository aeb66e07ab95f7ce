using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Import;

/// <summary>
/// The body: section headings (一、) mapped to the kind's sections, subsections (（一）, 1., （1）) with their
/// titles, run-in points (一是) and paragraphs; the hand-typed numbering taken out.
/// </summary>
internal sealed partial class BodyRecogniser(ImportedReport report, string path, DiagnosticBag diagnostics, Habits habits)
{
    private const string Terminal = "。！？!?；;：:”’』」）)…";

    private readonly List<ImportedNode> _path = [];

    // The depth each style of numbering took in this section: 1、 directly under 一、 is a subsection, and
    // every 2、 after it too.
    private readonly Dictionary<int, int> _styleDepth = [];

    public void Run(IReadOnlyList<(int Line, string Text, int Level)> paragraphs)
    {
        foreach (var (line, text, level) in Paragraphs(paragraphs))
        {
            Add(line, text, level);
        }

        foreach (var rule in report.Kind.Sections.Where(r => r.Required && report.Sections.All(s => s.Id != r.Id)))
        {
            var missing = new ImportedSection(rule.Id, 0);
            missing.Paragraphs.Add("TODO");
            missing.Comments.Add(diagnostics.Text.Get("ImportTodoSection"));
            report.Sections.Add(missing);
            report.SectionsMissing++;
            diagnostics.Report(Descriptors.ImportSectionMissing, SourceSpan.WholeFile(path), rule.HeadingFor(report.Year), rule.Id);
        }
    }

    // Lines of a paragraph that end a sentence start a new one; a paragraph that stops mid-sentence (a page
    // break in a PDF copy: 高 / 质量发展) goes on in the next.
    private static IEnumerable<(int Line, string Text, int Level)> Paragraphs(IReadOnlyList<(int Line, string Text, int Level)> blocks)
    {
        var split = new List<(int Line, string Text, int Level)>();
        foreach (var (line, text, level) in blocks)
        {
            var current = "";
            foreach (var part in text.Split('\n'))
            {
                var piece = part.Trim();
                if (piece.Length == 0)
                {
                    continue;
                }

                // A heading goes on in the next line only while it stays a heading (一、…第一责任人 / 职责情况).
                if (current.Length > 0 && (EndsSentence(current) || StartsNumbered(piece)
                    || (IsHeadingLine(current) && !IsHeadingLine(current + piece))))
                {
                    split.Add((line, current, level));
                    current = "";
                }

                current += piece;
            }

            if (current.Length > 0)
            {
                split.Add((line, current, level));
            }
        }

        for (var i = 0; i < split.Count; i++)
        {
            var (line, text, level) = split[i];
            while (level == 0 && !IsHeadingLine(text) && !EndsSentence(text) && i + 1 < split.Count
                && text[0] != TableImport.Verbatim && split[i + 1].Text[0] != TableImport.Verbatim
                && split[i + 1].Level == 0 && !StartsNumbered(split[i + 1].Text) && !IsShortLine(split[i + 1].Text))
            {
                text += split[++i].Text;
            }

            yield return (line, text, level);
        }
    }

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd('*', ' ');
        return t.Length == 0 || Terminal.Contains(t[^1], StringComparison.Ordinal);
    }

    private static bool StartsNumbered(string text) => Heading.Numbered(DocumentParts.Plain(text)) is not null;

    private static bool IsShortLine(string text) => text.Length <= 2;

    // A numbered line that is only a heading (（一）加强领导) ends without punctuation but does not go on.
    private static bool IsHeadingLine(string text) =>
        StartsNumbered(text) && DocumentParts.Plain(text) is var plain && plain.Length <= 60 && !plain.Contains('。', StringComparison.Ordinal);

    private void Add(int line, string text, int level)
    {
        var plain = DocumentParts.Plain(text);
        var numbered = Heading.Numbered(plain);
        if (numbered is { Depth: 0 } section && !section.After.TrimEnd('。').Contains('。', StringComparison.Ordinal) && section.After.Length <= 80)
        {
            OpenSection(line, section.After);
            return;
        }

        if (numbered is null && level >= 2 && plain.Length <= 80 && !plain.TrimEnd('。').Contains('。', StringComparison.Ordinal))
        {
            OpenSection(line, plain);
            return;
        }

        if (numbered is { Depth: > 0 } sub && _path.Count > 0 && Subsection(line, text, sub.Depth, sub.WordStyle))
        {
            return;
        }

        AddText(_path.Count > 0 ? _path[^1] : null, text, line);
    }

    private void OpenSection(int line, string heading)
    {
        if (heading.EndsWith('。'))
        {
            habits.Saw("ImportHabitHeadingStop", line);
            heading = heading.TrimEnd('。');
        }

        heading = heading.Trim();
        var (rule, exact) = Map(heading);
        if (rule is null)
        {
            // No section of the kind: the heading and its text stay, under the section before (or the first).
            var host = _path.Count > 0 ? (ImportedSection)_path[0] : null;
            var where = host?.Id ?? "preamble";
            diagnostics.Report(Descriptors.ImportHeadingUnmapped, SourceSpan.At(path, line, 1), heading, report.Kind.Name, where);
            var note = diagnostics.Text.Format("ImportKeptText", heading, line);
            if (host is null)
            {
                report.Preamble.Add("**" + heading + "**");
                return;
            }

            host.Comments.Add(note);
            _path.RemoveRange(1, _path.Count - 1);
            host.Paragraphs.Add("**" + heading + "**");
            return;
        }

        var imported = new ImportedSection(rule.Id, line);
        if (heading != rule.HeadingFor(report.Year))
        {
            imported.Heading = heading;
        }

        if (exact)
        {
            report.SectionsExact++;
        }
        else
        {
            report.SectionsBySimilarity++;
            imported.Comments.Add(diagnostics.Text.Format("ImportSectionSimilar", heading));
        }

        report.Sections.Add(imported);
        _styleDepth.Clear();
        _path.Clear();
        _path.Add(imported);
    }

    private (SectionRule? Rule, bool Exact) Map(string heading)
    {
        var key = Normalise(heading);
        var free = report.Kind.Sections.Where(r => report.Sections.All(s => s.Id != r.Id)).ToList();
        if (free.FirstOrDefault(r => Normalise(r.HeadingFor(report.Year)) == key) is { } exact)
        {
            return (exact, true);
        }

        var best = free.Select(r => (Rule: r, Score: Math.Max(TextMatch.Ratio(key, Normalise(r.HeadingFor(report.Year))), TextMatch.Ratio(key, Normalise(r.About)))))
            .OrderByDescending(x => x.Score).FirstOrDefault();
        return best.Rule is not null && best.Score >= 0.6 ? (best.Rule, false) : (null, false);
    }

    // Years and their wording (2024年度, 上一年度, 本年) and punctuation do not decide which section a heading is.
    private static string Normalise(string heading) => Noise().Replace(heading, "");

    private bool Subsection(int line, string text, int depth, bool wordStyle)
    {
        if (!_styleDepth.TryGetValue(depth, out var taken) || taken > _path.Count)
        {
            taken = Math.Min(depth, _path.Count);
            _styleDepth[depth] = taken;
            foreach (var deeper in _styleDepth.Keys.Where(k => k > depth).ToList())
            {
                _styleDepth.Remove(deeper);
            }
        }

        depth = taken;
        var rest = Heading.StripNumber(text).Trim();
        string title;
        var body = "";
        var runIn = true;
        if (rest.StartsWith("**", StringComparison.Ordinal) && rest.IndexOf("**", 2, StringComparison.Ordinal) is var close and > 2)
        {
            var content = rest[2..close].Trim();
            var after = rest[(close + 2)..].TrimStart();
            if (content.EndsWith('。'))
            {
                (title, body) = (content[..^1], after);
            }
            else if (after.StartsWith('。'))
            {
                (title, body) = (content, after[1..]);
            }
            else
            {
                (title, body, runIn) = (content, after, after.Length > 0);
            }
        }
        else if (DocumentParts.Plain(rest) is var plain && !plain.TrimEnd('。').Contains('。', StringComparison.Ordinal) && plain.Length <= 60)
        {
            (title, runIn) = (plain.TrimEnd('。'), plain.EndsWith('。'));
        }
        else if (rest.IndexOf('。', StringComparison.Ordinal) is var stop and > 0 and <= 60)
        {
            (title, body) = (rest[..stop], rest[(stop + 1)..]);
        }
        else
        {
            return false;
        }

        if (title.Length == 0)
        {
            return false;
        }

        if (wordStyle)
        {
            habits.Saw("ImportHabitNumbering", line);
        }

        var node = new ImportedNode(line) { Title = title.Trim(), RunIn = runIn };
        _path[depth - 1].Subsections.Add(node);
        _path.RemoveRange(depth, _path.Count - depth);
        _path.Add(node);
        if (body.Trim().Length > 0)
        {
            AddText(node, body.Trim(), line);
        }

        return true;
    }

    private void AddText(ImportedNode? node, string text, int line)
    {
        if (node is null)
        {
            report.Preamble.Add(text);
            return;
        }

        // Text after the points stays after them: it goes on the last point as a paragraph of its own.
        if (node.Points.Count > 0 && node.Subsections.Count == 0)
        {
            node.Points[^1].Text += "\n\n" + text;
            return;
        }

        if (text.StartsWith(TableImport.Verbatim))
        {
            node.Paragraphs.Add(text);
            return;
        }

        if (Points.Split(text, line) is { } split)
        {
            if (split.Intro.Length > 0)
            {
                node.Paragraphs.Add(split.Intro);
            }

            node.Points.AddRange(split.Points);
            return;
        }

        node.Paragraphs.Add(text);
    }

    [GeneratedRegex(@"[0-9]{4}\s*年度?|[上下本]一?年度?|[\s\p{P}\p{S}]")]
    private static partial Regex Noise();
}
