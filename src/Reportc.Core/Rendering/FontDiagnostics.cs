using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Rendering;

/// <summary>Reports each font file that was not embedded (RC0017) at the file, for every report that would have used it.</summary>
internal static class FontDiagnostics
{
    public static void Report(FontRules rules, DiagnosticBag diagnostics)
    {
        foreach (var refused in rules.Refused)
        {
            var why = refused.Refusal switch
            {
                Refusal.TooLarge => diagnostics.Text.Format("TooLarge", FontFolder.Limit / (1024 * 1024)),
                Refusal.MissingOrNotAllowed => diagnostics.Text.Get("NotAllowedFile"),
                _ => diagnostics.Text.Get("NotAFont"),
            };
            diagnostics.Report(Descriptors.FontNotEmbedded, SourceSpan.WholeFile(refused.Font.DisplayPath), refused.Font.DisplayPath, why);
        }
    }
}
