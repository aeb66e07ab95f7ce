namespace Reportc.Model;

/// <summary>Every piece of narrative of a report, in document order, for checks that read all text.</summary>
public static class Narratives
{
    public static IEnumerable<Narrative> All(Report report)
    {
        if (report.Document.TitleSource is not null)
        {
            yield return report.Document.TitleSource;
        }

        if (report.Preamble is not null)
        {
            yield return report.Preamble;
        }

        foreach (var heading in report.Sections.Select(s => s.Heading).OfType<Narrative>())
        {
            yield return heading;
        }

        foreach (var narrative in report.Sections.SelectMany(s => Of(s.Body)))
        {
            yield return narrative;
        }
    }

    /// <summary>The narrative of one section: its heading override, then its body in order.</summary>
    public static IEnumerable<Narrative> OfSection(SectionContent section) =>
        (section.Heading is null ? [] : new[] { section.Heading }).Concat(Of(section.Body));

    private static IEnumerable<Narrative> Of(Body body)
    {
        if (body.Text is not null)
        {
            yield return body.Text;
        }

        foreach (var lead in body.Leads)
        {
            yield return lead.Title;
            if (lead.Text is not null)
            {
                yield return lead.Text;
            }
        }

        foreach (var point in body.Points)
        {
            if (point.Title is not null)
            {
                yield return point.Title;
            }

            if (point.Text is not null)
            {
                yield return point.Text;
            }
        }

        foreach (var sub in body.Subsections)
        {
            yield return sub.Title;
            foreach (var narrative in Of(sub.Body))
            {
                yield return narrative;
            }
        }
    }
}
