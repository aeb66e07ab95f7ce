using System.Globalization;
using System.Text;
using Reportc.Loading;

namespace Reportc.Rendering;

/// <summary>A font file that was not embedded, and why (<see cref="Refusal"/>, or null when its bytes are not a font).</summary>
public sealed record RefusedFont(FontSource Font, Refusal? Refusal);

/// <summary>The <c>@font-face</c> rules of a report's fonts, and the font files refused.</summary>
public sealed record FontRules(string Css, IReadOnlyList<RefusedFont> Refused);

/// <summary>
/// User fonts: every font file in a <c>fonts/</c> folder next to the report (or in the kind's folder) is
/// embedded in the HTML with <c>@font-face</c> under its file name. A file named <c>仿宋_GB2312.ttf</c>
/// therefore takes the place the stylesheet's font stacks already give 仿宋_GB2312. Only regular files
/// inside the folder are read (<see cref="ConfinedFile"/>), at most <see cref="Limit"/> bytes each, and
/// only when their bytes begin as a font of their kind does; the name is escaped as a CSS string.
/// </summary>
public static class FontFolder
{
    /// <summary>The largest font file embedded (the standard's Windows fonts are 4–18 MB).</summary>
    public const long Limit = 32L * 1024 * 1024;

    private static readonly Dictionary<string, (string Mime, string Format)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".ttf"] = ("font/ttf", "truetype"),
        [".otf"] = ("font/otf", "opentype"),
        [".woff"] = ("font/woff", "woff"),
        [".woff2"] = ("font/woff2", "woff2"),
    };

    /// <summary>The <c>@font-face</c> rules for <paramref name="files"/>, in a stable order, and the files refused.</summary>
    public static FontRules FaceRules(IEnumerable<FontSource> files)
    {
        var css = new StringBuilder();
        var refused = new List<RefusedFont>();
        foreach (var font in files.DistinctBy(f => (f.Root, f.Name)).OrderBy(f => Path.GetFileName(f.Name), StringComparer.Ordinal).ThenBy(f => f.Root, StringComparer.Ordinal))
        {
            if (!Kinds.TryGetValue(Path.GetExtension(font.Name), out var kind))
            {
                refused.Add(new RefusedFont(font, Refusal.MissingOrNotAllowed));
                continue;
            }

            var read = ConfinedFile.Read(font.Root, font.Name, Limit);
            if (!read.Ok)
            {
                refused.Add(new RefusedFont(font, read.Refusal));
                continue;
            }

            if (!IsFont(read.Bytes, kind.Format))
            {
                refused.Add(new RefusedFont(font, null));
                continue;
            }

            css.Append("@font-face { font-family: \"").Append(CssString(Path.GetFileNameWithoutExtension(font.Name))).Append("\"; src: url(data:")
                .Append(kind.Mime).Append(";base64,").Append(Convert.ToBase64String(read.Bytes)).Append(") format(\"").Append(kind.Format).Append("\"); }\n");
        }

        return new FontRules(css.ToString(), refused);
    }

    /// <summary>Whether the bytes begin as a font of this format does: an sfnt version tag, or the WOFF signature.</summary>
    public static bool IsFont(ReadOnlySpan<byte> bytes, string format) => bytes.Length >= 12 && format switch
    {
        "truetype" or "opentype" => bytes.StartsWith((byte[])[0, 1, 0, 0]) || bytes.StartsWith("OTTO"u8) || bytes.StartsWith("true"u8),
        "woff" => bytes.StartsWith("wOFF"u8),
        "woff2" => bytes.StartsWith("wOF2"u8),
        _ => false,
    };

    /// <summary>
    /// A file name as the text of a CSS string: quotes, backslashes, line breaks and every other control
    /// character, and &lt; (which could end the style element), written as escapes.
    /// </summary>
    public static string CssString(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                escaped.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
