using System.Text;
using Reportc.Diagnostics;

namespace Reportc.Loading;

/// <summary>A user's file decoded to text: strict UTF-8 (BOM allowed), GB18030 recognised, binaries refused.</summary>
public sealed class SourceText
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SourceText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as the user named it; diagnostics show it.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The text's lines (split once, for the checks that read the raw source).</summary>
    public IReadOnlyList<string> Lines => _lines ??= Text.Split('\n');

    private string[]? _lines;

    public static SourceText FromString(string path, string text) => new(path, text);

    /// <summary>The number of spaces a line starts with (YAML indents with spaces only).</summary>
    public static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The indentation of a list item line ("- …" after spaces); null for any other line.</summary>
    public static int? ItemIndentation(string line) =>
        Indentation(line) is var indent && line.AsSpan(indent).StartsWith("- ", StringComparison.Ordinal) ? indent : null;

    // What a test watches: every file read (in this run, on this async flow), to see that each is read once.
    private static readonly AsyncLocal<Action<string>?> Reading = new();

    /// <summary>Calls <paramref name="read"/> with the path of every file <see cref="Read"/> reads until disposed (tests).</summary>
    internal static IDisposable ObserveReads(Action<string> read)
    {
        var before = Reading.Value;
        Reading.Value = read;
        return new Restore(() => Reading.Value = before);
    }

    public static SourceText? Read(string path, DiagnosticBag diagnostics)
    {
        Reading.Value?.Invoke(path);
        var here = SourceSpan.WholeFile(path);
        byte[] bytes;
        try
        {
            // One open: its length, then its bytes (a batch reads thousands of files). A pipe or device
            // tells no length: it is read as it comes, no further than one byte past the limit.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (stream.CanSeek)
            {
                if (stream.Length > MaxBytes)
                {
                    diagnostics.Report(Descriptors.FileTooLarge, here, stream.Length, MaxBytes);
                    return null;
                }

                bytes = new byte[stream.Length];
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                if (read < bytes.Length)
                {
                    Array.Resize(ref bytes, read);
                }
            }
            else
            {
                using var copy = new MemoryStream();
                var chunk = new byte[81920];
                while (copy.Length <= MaxBytes && stream.Read(chunk, 0, chunk.Length) is var got and > 0)
                {
                    copy.Write(chunk, 0, got);
                }

                if (copy.Length > MaxBytes)
                {
                    diagnostics.Report(Descriptors.FileTooLarge, here, copy.Length, MaxBytes);
                    return null;
                }

                bytes = copy.ToArray();
            }
        }
        catch (Exception) when (Directory.Exists(path))
        {
            diagnostics.Report(Descriptors.FileNotFound, here, path, diagnostics.Text.Get("IsFolder"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Report(Descriptors.FileNotFound, here, path, e is FileNotFoundException or DirectoryNotFoundException ? diagnostics.Text.Get("NoSuchFile") : e.Message);
            return null;
        }

        return Decode(path, bytes, diagnostics);
    }

    public static SourceText? Decode(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var here = SourceSpan.WholeFile(path);
        if (Utf16(bytes) is var (bigEndian, bom))
        {
            // Notepad's "Unicode" (UTF-16, with a byte order mark) is read, with a warning to save as UTF-8.
            try
            {
                var text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, bom ? 2 : 0, bytes.Length - (bom ? 2 : 0));
                if (!text.Contains('\0', StringComparison.Ordinal))
                {
                    diagnostics.Report(Descriptors.ReadAsUtf16, here, bigEndian ? "UTF-16BE" : "UTF-16LE");
                    return new SourceText(path, Normalize(text));
                }
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-16 after all: refused below.
            }
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            diagnostics.Report(Descriptors.BinaryFile, here);
            return null;
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new SourceText(path, Normalize(StrictUtf8.GetString(bytes, start, bytes.Length - start)));
        }
        catch (DecoderFallbackException e)
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                var text = gb.GetString(bytes);
                diagnostics.Report(Descriptors.ReadAsGb18030, here);
                return new SourceText(path, Normalize(text));
            }
            catch (DecoderFallbackException)
            {
                diagnostics.Report(Descriptors.NotUtf8, here, start + (e.Index < 0 ? 0 : e.Index));
                return null;
            }
        }
    }

    // UTF-16 by its byte order mark, or without one by its zero bytes: the ASCII of a report (YAML keys,
    // digits, spaces, line breaks) has a zero byte in every other place, nearly all on one side. A binary
    // file that looks so is still refused when it does not decode as UTF-16 or decodes to NUL characters.
    private static (bool BigEndian, bool Bom)? Utf16(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (false, true);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (true, true);
        }

        // Without a zero byte it is no UTF-16 this can tell (the usual case: one vectorised search).
        if (bytes.Length < 16 || bytes.Length % 2 != 0 || Array.IndexOf(bytes, (byte)0) < 0)
        {
            return null;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        // (A CJK character whose low byte is zero, such as 一 U+4E00, puts a few on the other side.)
        var enough = bytes.Length / 20;
        return odd >= enough && odd >= 8 * even ? (false, false) : even >= enough && even >= 8 * odd ? (true, false) : null;
    }

    // CRLF and lone CR become LF so that positions and outputs do not depend on the editor.
    private static string Normalize(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}

file sealed class Restore(Action restore) : IDisposable
{
    public void Dispose() => restore();
}
