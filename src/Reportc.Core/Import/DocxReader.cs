using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>
/// A Word file (.docx): word/document.xml read as a stream, never whole, with every limit of a hostile file in
/// place: the zip's part count, the bytes actually unpacked (counted as they come, whatever the archive
/// declares), no DTD, no external resolution, and the time taken. Paragraphs with their bold runs and
/// heading styles; tables with gridSpan and vMerge.
/// </summary>
internal static class DocxReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static SourceDocument? Read(string path, byte[] bytes, ImportLimits limits, DiagnosticBag diagnostics)
    {
        var here = SourceSpan.WholeFile(path);
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
        {
            diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Get("ImportNotZip"));
            return null;
        }

        var clock = Stopwatch.StartNew();
        var paragraph = 0;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Format("ImportTooManyEntries", limits.MaxEntries));
                return null;
            }

            var entry = zip.GetEntry("word/document.xml");
            if (entry is null)
            {
                diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Get("ImportNoBody"));
                return null;
            }

            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersInDocument = limits.MaxUnpackedBytes,
            };

            // Word's automatic numbering (一、 as a list label, not typed): its definitions and the styles that use them.
            var numbering = new DocxNumbering();
            if (zip.GetEntry("word/numbering.xml") is { } numberingEntry)
            {
                using var part = XmlReader.Create(new CountingStream(numberingEntry.Open(), limits.MaxUnpackedBytes), settings);
                numbering.ReadNumbering(part);
                if (!numbering.IsEmpty && zip.GetEntry("word/styles.xml") is { } stylesEntry)
                {
                    using var styles = XmlReader.Create(new CountingStream(stylesEntry.Open(), limits.MaxUnpackedBytes), settings);
                    numbering.ReadStyles(styles);
                }
            }

            using var counted = new CountingStream(entry.Open(), limits.MaxUnpackedBytes);
            using var xml = XmlReader.Create(counted, settings);
            var blocks = new List<SourceBlock>();
            new Walker(xml, clock, limits.MaxTime, numbering).Body(blocks, ref paragraph);
            return new SourceDocument(path, blocks);
        }
        catch (UnpackLimitException)
        {
            diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Format("ImportZipBomb", limits.MaxUnpackedBytes));
        }
        catch (TimeoutException)
        {
            diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Format("ImportTimeout", (int)limits.MaxTime.TotalSeconds));
        }
        catch (XmlException e)
        {
            diagnostics.Report(Descriptors.ImportUnreadable, SourceSpan.At(path, Math.Max(1, paragraph), 1), path, diagnostics.Text.Format("ImportBadXml", e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Get("ImportNotZip") + ": " + e.Message);
        }

        return null;
    }

    private sealed class Walker(XmlReader xml, Stopwatch clock, TimeSpan limit, DocxNumbering numbering)
    {
        // The text of the cell above, by grid column, for vMerge continuations.
        public void Body(List<SourceBlock> blocks, ref int paragraph)
        {
            while (Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
                {
                    continue;
                }

                if (xml.LocalName == "p")
                {
                    paragraph++;
                    var (text, level) = Paragraph();
                    if (text.Length > 0)
                    {
                        blocks.Add(new SourceBlock(paragraph, text, level));
                    }
                }
                else if (xml.LocalName == "tbl")
                {
                    paragraph++;
                    blocks.Add(new SourceBlock(paragraph, "", 0, Table()));
                }
            }
        }

        private bool Read()
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException();
            }

            return xml.Read();
        }

        private (string Text, int Level) Paragraph()
        {
            var text = new StringBuilder();
            var level = 0;
            if (xml.IsEmptyElement)
            {
                return ("", 0);
            }

            var depth = xml.Depth;
            string? style = null, numId = null;
            int? ilvl = null;
            var bold = false;
            var runBold = false;
            var inRunProperties = false;
            var inText = false;
            while (Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName is "rPr" or "t")
                {
                    inRunProperties = false;
                    inText = false;
                }


                if (inText && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                {
                    var value = xml.Value;
                    if (runBold != bold && value.Trim().Length > 0)
                    {
                        text.Append("**");
                        bold = runBold;
                    }

                    text.Append(value);
                    continue;
                }

                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "pStyle":
                        style = xml.GetAttribute("val", W);
                        level = LevelOf(style);
                        break;
                    // w:p/w:pPr/w:numPr/w:numId: this paragraph's numbering (not that of a tracked change's w:pPrChange).
                    case "numId" when xml.Depth == depth + 3:
                        numId = xml.GetAttribute("val", W);
                        break;
                    case "ilvl" when xml.Depth == depth + 3 && int.TryParse(xml.GetAttribute("val", W), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n):
                        ilvl = n;
                        break;
                    case "r":
                        runBold = false;
                        break;
                    case "rPr":
                        inRunProperties = !xml.IsEmptyElement;
                        break;
                    case "b" when inRunProperties:
                        runBold = xml.GetAttribute("val", W) is null or "1" or "true" or "on";
                        break;
                    case "t":
                        inText = !xml.IsEmptyElement;
                        break;
                    case "tab":
                        text.Append(' ');
                        break;
                    case "br" or "cr":
                        text.Append('\n');
                        break;
                    case "tbl":
                        // A table inside a paragraph's content (rare): its text, cell by cell.
                        foreach (var row in Table())
                        {
                            text.Append('\n').Append(string.Join(" ", row));
                        }

                        break;
                }
            }

            if (bold)
            {
                text.Append("**");
            }

            var content = text.ToString().Replace("****", "", StringComparison.Ordinal).TrimStart(' ').TrimEnd();
            // Every numbered paragraph counts; a label goes before the text as if typed (the recogniser takes it off).
            var label = numbering.Next(style, numId, ilvl);
            return (label is not null && content.Length > 0 ? label + content : content, level);
        }

        private List<IReadOnlyList<string>> Table()
        {
            var rows = new List<IReadOnlyList<string>>();
            if (xml.IsEmptyElement)
            {
                return rows;
            }

            var depth = xml.Depth;
            var above = new Dictionary<int, string>();
            List<string>? row = null;
            var column = 0;
            while (Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "tr" && xml.Depth == depth + 1 && row is not null)
                {
                    rows.Add(row);
                    row = null;
                }

                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
                {
                    continue;
                }

                if (xml.LocalName == "tr" && xml.Depth == depth + 1)
                {
                    row = [];
                    column = 0;
                }
                else if (xml.LocalName == "tc" && row is not null && xml.Depth == depth + 2)
                {
                    var (text, span, merge) = Cell();
                    if (merge == "continue")
                    {
                        text = above.GetValueOrDefault(column, "");
                    }

                    above[column] = text;
                    row.Add(text);
                    for (var k = 1; k < span; k++)
                    {
                        row.Add("");
                    }

                    column += span;
                }
            }

            return rows;
        }

        private (string Text, int Span, string? Merge) Cell()
        {
            var parts = new List<string>();
            var span = 1;
            string? merge = null;
            if (xml.IsEmptyElement)
            {
                return ("", 1, null);
            }

            var depth = xml.Depth;
            while (Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "gridSpan" when int.TryParse(xml.GetAttribute("val", W), out var n):
                        span = Math.Clamp(n, 1, 64);
                        break;
                    case "vMerge":
                        merge = xml.GetAttribute("val", W) ?? "continue";
                        break;
                    case "p":
                        var (text, _) = Paragraph();
                        if (text.Length > 0)
                        {
                            parts.Add(text.Replace("**", "", StringComparison.Ordinal));
                        }

                        break;
                }
            }

            return (string.Join("\n", parts), span, merge);
        }

        private static int LevelOf(string? style) => style?.ToLowerInvariant() switch
        {
            null => 0,
            "title" => 1,
            var s when s.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(s["heading".Length..], out var n) => Math.Clamp(n + 1, 2, 6),
            var s when int.TryParse(s, out var n) && n is >= 1 and <= 6 => Math.Clamp(n + 1, 2, 6),
            _ => 0,
        };
    }

    private sealed class UnpackLimitException : Exception;

    /// <summary>Counts the bytes read through it and stops past the limit: the size an archive declares is never trusted.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit)
            {
                throw new UnpackLimitException();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
