using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Checks;

/// <summary>
/// Checks of the raw text, for mistakes YAML either lets through (tabs used for indentation) or reports
/// where the reader cannot find them (a full-width colon or space typed with a Chinese input method).
/// </summary>
internal static partial class SourceChecks
{
    public static void Run(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t' && line.Trim().Length > 0)
                {
                    diagnostics.Report(Descriptors.TabIndentation, SourceSpan.At(source.Path, i + 1, c + 1));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// After a YAML syntax error: finds the input-method slips that cause one and reports them where they
    /// are. Returns true when it found any, so the generic syntax error can give way to them.
    /// </summary>
    public static bool ExplainSyntaxError(SourceText source, DiagnosticBag diagnostics, SourceSpan? at = null)
    {
        var found = at is { } error && ExplainColon(source, diagnostics, error.Line, error.Column);
        var lines = source.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (FullWidthColonKey().Match(lines[i]) is { Success: true } key)
            {
                diagnostics.Report(Descriptors.FullWidthColon, SourceSpan.At(source.Path, i + 1, key.Groups["colon"].Index + 1), key.Groups["key"].Value);
                found = true;
            }

            if (LeadingFullWidthSpace().Match(lines[i]) is { Success: true } space)
            {
                diagnostics.Report(Descriptors.FullWidthSpace, SourceSpan.At(source.Path, i + 1, space.Groups["space"].Index + 1));
                found = true;
            }
        }

        return found;
    }

    // YamlDotNet stops at a ': ' it cannot place ("found invalid mapping"): either one inside a text value
    // ("problems: 主要原因: …"), or the key colon of a line indented deeper than a line that already has its
    // value (a key or an item one space too deep, which YAML reads as more of the text above).
    private static bool ExplainColon(SourceText source, DiagnosticBag diagnostics, int line, int column)
    {
        var lines = source.Lines;
        if (line < 1 || line > lines.Count || column < 1 || column > lines[line - 1].Length)
        {
            return false;
        }

        // At the dash of an item one or two spaces deeper ("did not find expected '-' indicator") or shallower
        // ("did not find expected key") than the item before it. (An item line starts with "- ", so neither
        // line can be indented with a tab or a full-width space.)
        if (lines[line - 1][column - 1] == '-')
        {
            var (descriptor, sibling) = ItemIndentedDeeper(lines, line) is { } deeper ? (Descriptors.IndentedDeeper, deeper)
                : ItemIndentedLess(lines, line) is { } shallower ? (Descriptors.ItemIndentedLess, shallower)
                : (null, 0);
            if (descriptor is not null)
            {
                var itemIndent = SourceText.Indentation(lines[line - 1]);
                diagnostics.Report(descriptor, SourceSpan.At(source.Path, line, itemIndent + 1), itemIndent, SourceText.Indentation(lines[sibling - 1]), sibling);
                return true;
            }
        }

        if (lines[line - 1][column - 1] != ':')
        {
            return false;
        }

        var text = lines[line - 1];
        if (KeyLine().Match(text) is { Success: true } key && key.Groups["colon"].Index != column - 1)
        {
            diagnostics.Report(Descriptors.ColonInText, SourceSpan.At(source.Path, line, column), key.Groups["key"].Value);
            return true;
        }

        // The line the colon's line was read into: the nearest line above with content.
        var indent = SourceText.Indentation(text);
        foreach (var (above, previous, previousIndent) in ContentLinesAbove(lines, line))
        {
            if (previousIndent >= indent || !HasValue(previous) || OddIndentation(previous) || OddIndentation(text))
            {
                return false;
            }

            // "- 三：" indented deeper than the items before it is the line to fix, not its child below.
            if (ItemIndentedDeeper(lines, above) is { } sibling)
            {
                diagnostics.Report(Descriptors.IndentedDeeper, SourceSpan.At(source.Path, above, previousIndent + 1), previousIndent, SourceText.Indentation(lines[sibling - 1]), sibling);
                return true;
            }

            // Below "- title: …" the item's next key lines up with "title", not with the dash.
            var keyIndent = SourceText.ItemIndentation(previous) is { } dash ? dash + 2 + SourceText.Indentation(previous[(dash + 2)..]) : previousIndent;
            if (indent <= keyIndent)
            {
                return false;
            }

            diagnostics.Report(Descriptors.IndentedDeeper, SourceSpan.At(source.Path, line, indent + 1), indent, keyIndent, above);
            return true;
        }

        return false;
    }

    // When line number <paramref name="line"/> is a "- " item one or two spaces deeper than the item before it
    // (lines deeper than it, the item's children, passed over), that item's line.
    private static int? ItemIndentedDeeper(IReadOnlyList<string> lines, int line)
    {
        if (SourceText.ItemIndentation(lines[line - 1]) is not { } indent)
        {
            return null;
        }

        foreach (var (above, previous, previousIndent) in ContentLinesAbove(lines, line))
        {
            if (previousIndent <= indent)
            {
                return previousIndent < indent && indent - previousIndent <= 2 && SourceText.ItemIndentation(previous) is not null ? above : null;
            }
        }

        return null;
    }

    // When line number <paramref name="line"/> is a "- " item one or two spaces shallower than the nearest item above it
    // (with nothing shallower between them), that item's line.
    private static int? ItemIndentedLess(IReadOnlyList<string> lines, int line)
    {
        if (SourceText.ItemIndentation(lines[line - 1]) is not { } indent)
        {
            return null;
        }

        foreach (var (above, previous, previousIndent) in ContentLinesAbove(lines, line))
        {
            if (previousIndent <= indent)
            {
                return null;
            }

            if (previousIndent - indent <= 2 && SourceText.ItemIndentation(previous) is not null)
            {
                return above;
            }
        }

        return null;
    }

    // The lines above line number <paramref name="line"/>, nearest first, without blank and comment lines.
    private static IEnumerable<(int Number, string Text, int Indent)> ContentLinesAbove(IReadOnlyList<string> lines, int line)
    {
        for (var above = line - 1; above >= 1; above--)
        {
            var text = lines[above - 1];
            if (text.AsSpan().Trim().Length > 0 && !text.TrimStart().StartsWith('#'))
            {
                yield return (above, text, SourceText.Indentation(text));
            }
        }
    }

    // "key: text" or "- text": a line whose value is written on it (not "key:", "key: |" or "- key:").
    private static bool HasValue(string line)
    {
        var rest = line.TrimStart(' ');
        if (rest.StartsWith("- ", StringComparison.Ordinal))
        {
            rest = rest[2..].TrimStart(' ');
        }

        if (KeyLine().Match(rest) is { Success: true } key)
        {
            rest = rest[(key.Groups["colon"].Index + 1)..].Trim();
        }

        return rest.Length > 0 && rest[0] is not ('|' or '>' or '#');
    }

    // Indented with a tab or a full-width space: RC0007 and RC0010 say so, and the spaces cannot be counted.
    private static bool OddIndentation(string line) => line.TrimStart(' ') is [ '\t' or '\u3000', .. ];

    [GeneratedRegex(@"^[ ]*(?:-[ ]+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)[ ]*(?<colon>:)(?:[ ]|$)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^[ ]*(?:-[ ]+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)[ ]*(?<colon>：)")]
    private static partial Regex FullWidthColonKey();

    [GeneratedRegex(@"^[ ]*(?<space>\u3000)[ \u3000]*[A-Za-z_-]")]
    private static partial Regex LeadingFullWidthSpace();
}
