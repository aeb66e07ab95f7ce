using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reportc.Checks;

/// <summary>
/// Silences a diagnostic in the YAML for a stated reason: <c># reportc-ignore RC0402: 原因</c> at the end of
/// the line it concerns, or alone on the line above it. A suppression without a reason is itself an error,
/// and errors cannot be silenced: a report that has one is not written. Inside a text block (after <c>|</c>
/// or <c>&gt;</c>) a <c>#</c> is text, not a comment: such a line is reported (it would be printed) and
/// silences nothing; a comment above the key of a text block speaks of the whole block.
/// </summary>
internal sealed partial class Suppressions
{
    private readonly Dictionary<int, HashSet<string>> _byLine = [];

    // Where each directive is written, for the text blocks found once the file is parsed.
    private readonly List<(int Line, int Column, int Target, string[] Codes)> _directives = [];

    // Directives found inside text blocks: text, reported once as such.
    private readonly HashSet<int> _inText = [];

    private Suppressions()
    {
    }

    public static Suppressions Read(SourceText source, DiagnosticBag diagnostics)
    {
        var result = new Suppressions();
        var lines = source.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var match = Directive().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var codes = match.Groups["codes"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (match.Groups["reason"].Value.Trim().Length == 0)
            {
                diagnostics.Report(Descriptors.SuppressionWithoutReason, SourceSpan.At(source.Path, i + 1, match.Index + 1), string.Join(",", codes));
                continue;
            }

            // Alone on its line, the comment speaks of the next line that is not a comment.
            var target = i;
            if (lines[i].TrimStart().StartsWith('#'))
            {
                target = i + 1;
                while (target < lines.Count && (lines[target].Trim().Length == 0 || lines[target].TrimStart().StartsWith('#')))
                {
                    target++;
                }
            }

            result._directives.Add((i + 1, match.Index + 1, target + 1, codes));
            result.Add(target + 1, codes);
        }

        return result;
    }

    /// <summary>
    /// Takes the text blocks of the parsed file into account: a directive written inside one is text (reported,
    /// and silencing nothing); a directive aimed at the key line of one covers every line of the block.
    /// </summary>
    public void ApplyTextBlocks(YamlNode root, string path, DiagnosticBag diagnostics)
    {
        if (_directives.Count == 0)
        {
            return;
        }

        foreach (var (first, last) in TextBlocks(root))
        {
            foreach (var directive in _directives.Where(d => d.Line >= first && d.Line <= last))
            {
                _byLine[directive.Target].ExceptWith(directive.Codes);
                _inText.Add(directive.Line);
                diagnostics.Report(Descriptors.IgnoreInText, SourceSpan.At(path, directive.Line, directive.Column));
            }

            foreach (var directive in _directives.Where(d => d.Target == first - 1 && (d.Line < first || d.Line > last)))
            {
                for (var line = first; line <= last; line++)
                {
                    Add(line, directive.Codes);
                }
            }
        }
    }

    private void Add(int line, IEnumerable<string> codes)
    {
        if (!_byLine.TryGetValue(line, out var set))
        {
            _byLine[line] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        set.UnionWith(codes);
    }

    // The content lines (first, last) of every block (| or >) and multi-line quoted scalar: lines where '#'
    // is text. A block's content starts on the line after its indicator, which is the key's line.
    private static IEnumerable<(int First, int Last)> TextBlocks(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded:
                var end = (int)scalar.End.Line - (scalar.End.Column == 1 ? 1 : 0);
                if (end > scalar.Start.Line)
                {
                    yield return ((int)scalar.Start.Line + 1, end);
                }

                break;
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted && scalar.End.Line > scalar.Start.Line:
                yield return ((int)scalar.Start.Line, (int)scalar.End.Line);
                break;
            case YamlMappingNode map:
                foreach (var value in map.Children.Values)
                {
                    foreach (var block in TextBlocks(value))
                    {
                        yield return block;
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    foreach (var block in TextBlocks(item))
                    {
                        yield return block;
                    }
                }

                break;
        }
    }

    /// <summary>A directive that names an error of its line (errors cannot be silenced) is reported at the directive.</summary>
    public void ReportSilencedErrors(DiagnosticBag diagnostics, IEnumerable<Diagnostic> found, string path)
    {
        foreach (var error in found.Where(d => d.Severity == DiagnosticSeverity.Error && d.Span.Path == path).ToList())
        {
            foreach (var directive in _directives.Where(d => d.Target == error.Span.Line && !_inText.Contains(d.Line) && d.Codes.Contains(error.Code, StringComparer.OrdinalIgnoreCase)))
            {
                diagnostics.Report(Descriptors.IgnoreOfError, SourceSpan.At(path, directive.Line, directive.Column), error.Code);
            }
        }
    }

    public bool Silences(Diagnostic diagnostic, string path) =>
        diagnostic.Span.Path == path
        && diagnostic.Severity != DiagnosticSeverity.Error
        && _byLine.TryGetValue(diagnostic.Span.Line, out var codes)
        && codes.Contains(diagnostic.Code);

    [GeneratedRegex(@"#\s*reportc-ignore\s+(?<codes>RC[0-9]{4}(?:\s*,\s*RC[0-9]{4})*)\s*[:：]?(?<reason>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
