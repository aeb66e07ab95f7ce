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
    public static bool ExplainSyntaxError(SourceText source, DiagnosticBag diagnostics)
    {
        var found = false;
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

    [GeneratedRegex(@"^[ ]*(?:-[ ]+)?(?<key>[A-Za-z_][A-Za-z0-9_]*)[ ]*(?<colon>：)")]
    private static partial Regex FullWidthColonKey();

    [GeneratedRegex(@"^[ ]*(?<space>\u3000)[ \u3000]*[A-Za-z_-]")]
    private static partial Regex LeadingFullWidthSpace();
}
