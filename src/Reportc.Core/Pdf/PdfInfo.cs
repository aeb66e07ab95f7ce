using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reportc.Pdf;

/// <summary>
/// Gives a browser's PDF its document information, and makes it reproducible: the creation and
/// modification dates are set to the document's date (same length, in place), and an incremental
/// update appends an information dictionary with title, author and creator.
/// </summary>
public static partial class PdfInfo
{
    /// <summary>Sets title, author and dates; <paramref name="source"/>, when given, is kept as /ReportcSource (see <see cref="SourceOf"/>).</summary>
    public static byte[] Apply(byte[] pdf, string title, string author, DateOnly date, string? source = null)
    {
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(pdf);
        var stamp = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000";
        text = PdfDate().Replace(text, m => "D:" + stamp + m.Groups["zone"].Value);

        // A tagged table's cells are named after the browser's DOM nodes (/ID (node00000029), and /Headers
        // naming them), whose numbers go on from document to document in a tab that prints several: the
        // names are numbered again in the order they appear, at the same length, so a report's PDF is the
        // same whatever was printed before it.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        text = NodeName().Replace(text, m =>
        {
            if (!names.TryGetValue(m.Value, out var renamed))
            {
                renamed = string.Create(CultureInfo.InvariantCulture, $"(node{names.Count:D8})");
                names[m.Value] = renamed;
            }

            return renamed;
        });

        var trailer = Trailer().Matches(text).LastOrDefault()
            ?? throw new InvalidDataException("the browser's PDF has no trailer this program can update");
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = trailer.Groups["root"].Value;
        var previous = StartXref().Matches(text).Last().Groups[1].Value;

        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        var info = string.Create(CultureInfo.InvariantCulture, $"{size} 0 obj\n<</Title {Utf16(title)}\n/Author {Utf16(author)}\n/Creator (reportc)\n/Producer (reportc, Chromium)\n{(source is null ? "" : $"/ReportcSource ({source})\n")}/CreationDate (D:{stamp}Z)\n/ModDate (D:{stamp}Z)>>\nendobj\n");
        var infoOffset = latin1.GetByteCount(text);
        var xrefOffset = infoOffset + latin1.GetByteCount(info);
        var xref = string.Create(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{infoOffset:D10} 00000 n \ntrailer\n<</Size {size + 1}\n/Root {root}\n/Info {size} 0 R\n/Prev {previous}>>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return latin1.GetBytes(text + info + xref);
    }

    /// <summary>The /ReportcSource a PDF written by <see cref="Apply"/> carries, or null (no file, or none in it).</summary>
    public static string? SourceOf(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            var tail = new byte[(int)Math.Min(length, 4096)];
            var read = RandomAccess.Read(handle, tail, length - tail.Length);
            return Source().Match(Encoding.Latin1.GetString(tail, 0, read)) is { Success: true } m ? m.Groups[1].Value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Text strings in UTF-16BE with a byte-order mark, as hex: safe for any Chinese title.
    private static string Utf16(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"\(node[0-9]{8}\)")]
    private static partial Regex NodeName();

    [GeneratedRegex(@"D:\d{14}(?<zone>[^)]*)")]
    private static partial Regex PdfDate();

    [GeneratedRegex(@"trailer\s*<<(?=[^>]*?/Size\s+(?<size>\d+))(?=[^>]*?/Root\s+(?<root>\d+\s+\d+\s+R))", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/ReportcSource \(([0-9A-F]+)\)")]
    private static partial Regex Source();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();
}
