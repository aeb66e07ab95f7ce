using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Rendering;

namespace Reportc.Checks;

/// <summary>
/// Links and images in the narrative that are not published (Rendering.MarkdownSafety): a link to anything
/// but http(s), mailto or a place in the document (javascript:, file:, a relative path) is printed as its
/// text (RC0417); an image is not printed (RC0418): whoever opened or printed the report would load it.
/// </summary>
internal static class LinkChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        foreach (var narrative in Narratives.All(report))
        {
            foreach (var refused in MarkdownSafety.Find(narrative.Text))
            {
                var url = refused.Url.Length > 80 ? refused.Url[..80] + "…" : refused.Url;
                diagnostics.Report(refused.Image ? Descriptors.ImageNotPrinted : Descriptors.LinkNotPublished, narrative.SpanOf(refused.Start, refused.Length), url);
            }
        }
    }
}
