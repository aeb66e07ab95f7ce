using System.IO.Compression;
using System.Text;

namespace Reportc.Rendering.Docx;

/// <summary>
/// Writes the parts of a .docx as a zip: entries in the order given, every one dated the same, so the same
/// parts always give the same bytes.
/// </summary>
internal static class DocxPackage
{
    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8))
        {
            foreach (var (name, content) in parts)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var target = entry.Open();
                target.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Xml(string xml) => Utf8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
}
