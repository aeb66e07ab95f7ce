using System.Text.RegularExpressions;

namespace Reportc.Pdf;

/// <summary>
/// The fonts GB/T 9704 names (方正小标宋 for the title, 仿宋_GB2312 for the text, 楷体_GB2312 and 黑体 for headings):
/// which of them neither the machine (fontconfig) nor the reports (a <c>fonts/</c> folder) supply. Without them the
/// PDF is printed with free fonts in their place, the title, headings and text alike in one face.
/// </summary>
public static partial class StandardFonts
{
    // Each standard font by the names the stylesheet asks for it (the first is the one messages name).
    private static readonly string[][] Fonts =
    [
        ["方正小标宋_GBK", "方正小标宋简体", "FZXiaoBiaoSong-B05S"],
        ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"],
        ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"],
        ["黑体", "SimHei"],
    ];

    /// <summary>
    /// The standard fonts missing for printing <paramref name="htmls"/> on this machine: not installed, and not
    /// given by an <c>@font-face</c> of every report. Empty where fontconfig cannot say (Windows, no fontconfig).
    /// </summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> htmls)
    {
        var installed = PrintFonts.InstalledFamilies;
        if (installed.Count == 0)
        {
            return [];
        }

        var embedded = htmls.Select(h => FontFace().Matches(h).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase)).ToList();
        return [.. Fonts
            .Where(names => !names.Any(installed.Contains) && (embedded.Count == 0 || embedded.Any(e => !names.Any(e.Contains))))
            .Select(names => names[0])];
    }

    [GeneratedRegex("@font-face \\{ font-family: \"([^\"]+)\"")]
    private static partial Regex FontFace();
}
