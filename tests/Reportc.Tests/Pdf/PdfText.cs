using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace Reportc.Tests.Pdf;

/// <summary>A PDF read back with poppler's tools: pages with their lines and the lines' boxes, in points.</summary>
internal sealed class PdfText
{
    public const double Mm = 72 / 25.4;

    // GB/T 9704 版心 on A4, in points from the top-left corner of the page.
    public const double Left = 28 * Mm;
    public const double Right = (28 + 156) * Mm;
    public const double Top = 37 * Mm;
    public const double Bottom = (37 + 225) * Mm;

    private PdfText(IReadOnlyList<PdfPage> pages) => Pages = pages;

    public IReadOnlyList<PdfPage> Pages { get; }

    public static PdfText Read(string pdf)
    {
        var xml = XDocument.Parse(Run("pdftotext", "-bbox-layout", pdf, "-").Replace("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">", "", StringComparison.Ordinal));
        XNamespace ns = "http://www.w3.org/1999/xhtml";
        var pages = xml.Descendants(ns + "page").Select((page, i) => new PdfPage(
            i + 1,
            D(page, "width"),
            D(page, "height"),
            [.. page.Descendants(ns + "line").Select(line => new PdfLine(
                string.Join(" ", line.Elements(ns + "word").Select(w => w.Value)),
                D(line, "xMin"), D(line, "yMin"), D(line, "xMax"), D(line, "yMax")))])).ToList();
        return new PdfText(pages);
    }

    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    private static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
}

internal sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines)
{
    /// <summary>The "— N —" line under the 版心.</summary>
    public PdfLine? PageNumber => Lines.LastOrDefault(l => l.Text == $"— {Number} —" && l.CentreY > PdfText.Bottom);

    public IEnumerable<PdfLine> BodyLines => Lines.Where(l => l != PageNumber);
}

internal sealed record PdfLine(string Text, double XMin, double YMin, double XMax, double YMax)
{
    // A CJK glyph box is much taller than its line (ascent and descent): positions are taken at the centre.
    public double CentreY => (YMin + YMax) / 2;

    public string Compact => Text.Replace(" ", "", StringComparison.Ordinal);
}
