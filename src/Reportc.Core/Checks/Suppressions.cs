using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Checks;

/// <summary>
/// Silences a diagnostic in the YAML for a stated reason: <c># reportc-ignore RC0402: 原因</c> at the end of
/// the line it concerns, or alone on the line above it. A suppression without a reason is itself an error,
/// and errors cannot be silenced: a report that has one is not written.
/// </summary>
internal sealed partial class Suppressions
{
    private readonly Dictionary<int, HashSet<string>> _byLine = [];

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

            if (!result._byLine.TryGetValue(target + 1, out var set))
            {
                result._byLine[target + 1] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            set.UnionWith(codes);
        }

        return result;
    }

    public bool Silences(Diagnostic diagnostic, string path) =>
        diagnostic.Span.Path == path
        && diagnostic.Severity != DiagnosticSeverity.Error
        && _byLine.TryGetValue(diagnostic.Span.Line, out var codes)
        && codes.Contains(diagnostic.Code);

    [GeneratedRegex(@"#\s*reportc-ignore\s+(?<codes>RC[0-9]{4}(?:\s*,\s*RC[0-9]{4})*)\s*[:：]?(?<reason>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
