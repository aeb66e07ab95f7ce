using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Reportc.Rendering.Docx;

/// <summary>
/// Writes the parts of a .docx as a zip: entries in the order given, every one dated the same, so the same
/// parts always give the same bytes, on every system: the zip writer records the system it ran on in each
/// central directory entry ("made by" Unix with its file mode, or FAT), so those are set as Word sets them
/// (FAT, no attributes) and a .docx built on Windows is byte for byte the one CI builds on Linux.
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

        var bytes = stream.ToArray();
        MadeByFat(bytes);
        return bytes;
    }

    // Each central directory entry: "version made by" (offset 4; its high byte is the system) and the external
    // attributes (offset 38, four bytes). The end record (the last 22 bytes: no comment is written) gives the
    // directory's entry count (offset 10) and start (offset 16).
    private static void MadeByFat(byte[] zip)
    {
        var end = zip.AsSpan(zip.Length - 22);
        if (BinaryPrimitives.ReadUInt32LittleEndian(end) != 0x06054b50)
        {
            throw new InvalidOperationException("the .docx's zip has no end record where it was written");
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        for (var i = 0; i < count; i++)
        {
            var entry = zip.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry) != 0x02014b50)
            {
                throw new InvalidOperationException("the .docx's zip directory is not where its end record says");
            }

            entry[5] = 0;
            entry.Slice(38, 4).Clear();
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(entry[28..])
                + BinaryPrimitives.ReadUInt16LittleEndian(entry[30..])
                + BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
        }
    }

    public static byte[] Xml(string xml) => Utf8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
}
