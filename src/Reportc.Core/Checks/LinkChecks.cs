using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Text;

using Reportc.Loading;

namespace Reportc.Checks;

/// <summary>
/// Links and images in the narrative that are not published (Text.MarkdownSafety): a link to anything
/// but http(s), mailto or a place in the document (javascript:, file:, a relative path) is printed as its
/// text (RC0417); an image is printed only from a PNG, JPEG, GIF or WebP file inside the report's folder,
/// embedded (Loading.NarrativeImages), and never in a title or heading: any other is not printed (RC0418),
/// since whoever opened or printed the report would load it. A link defined by name on a line of its own
/// ([name]: address) is an error (RC0421): the text is printed a paragraph at a time, so nothing would use it.
/// </summary>
internal static class LinkChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        var images = NarrativeImages.For(report.Path);
        var headings = report.Sections.Select(s => s.Heading).Append(report.Document.TitleSource).OfType<Narrative>().ToHashSet();
        foreach (var narrative in Narratives.All(report))
        {
            var (refusedLinks, definitions) = MarkdownSafety.Find(narrative.Text);
            foreach (var definition in definitions)
            {
                diagnostics.Report(Descriptors.LinkDefinition, narrative.SpanOf(definition.Start, definition.Length), definition.Label);
            }

            foreach (var refused in refusedLinks)
            {
                var url = refused.Url.Length > 80 ? refused.Url[..80] + "…" : refused.Url;
                var here = narrative.SpanOf(refused.Start, refused.Length);
                if (!refused.Image)
                {
                    diagnostics.Report(Descriptors.LinkNotPublished, here, url);
                    continue;
                }

                var why = headings.Contains(narrative) ? "ImageInHeading" : images.Read(refused.Url).Why switch
                {
                    ImageRefusal.None => null,
                    ImageRefusal.Address => "ImageAddress",
                    ImageRefusal.TooLarge => "TooLarge",
                    ImageRefusal.NotAnImage => "ImageNotAnImage",
                    _ => "NotAllowedFile",
                };
                if (why is not null)
                {
                    diagnostics.Report(Descriptors.ImageNotPrinted, here, url, new MessagePart(why, NarrativeImages.Limit / (1024 * 1024)));
                }
            }
        }
    }
}
