using System.Text;

namespace Reportc.Rendering;

/// <summary>
/// User fonts: every font file in a <c>fonts/</c> folder next to the report (or in the kind's folder) is
/// embedded in the HTML with <c>@font-face</c> under its file name. A file named <c>仿宋_GB2312.ttf</c>
/// therefore takes the place the stylesheet's font stacks already give 仿宋_GB2312.
/// </summary>
public static class FontFolder
{
    private static readonly Dictionary<string, (string Mime, string Format)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".ttf"] = ("font/ttf", "truetype"),
        [".otf"] = ("font/otf", "opentype"),
        [".woff"] = ("font/woff", "woff"),
        [".woff2"] = ("font/woff2", "woff2"),
    };

    public static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => Kinds.ContainsKey(Path.GetExtension(f))).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The <c>@font-face</c> rules for <paramref name="files"/>, in a stable order.</summary>
    public static string FaceRules(IEnumerable<string> files)
    {
        var css = new StringBuilder();
        foreach (var file in files.Distinct().OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            var (mime, format) = Kinds[Path.GetExtension(file)];
            var family = Path.GetFileNameWithoutExtension(file).Replace("\"", "", StringComparison.Ordinal);
            css.Append("@font-face { font-family: \"").Append(family).Append("\"; src: url(data:").Append(mime).Append(";base64,")
                .Append(Convert.ToBase64String(File.ReadAllBytes(file))).Append(") format(\"").Append(format).Append("\"); }\n");
        }

        return css.ToString();
    }
}
