using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Checks;

/// <summary>Checks of the raw text that YAML parsing would let through: tabs used for indentation.</summary>
internal static class SourceChecks
{
    public static void Run(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
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
}
