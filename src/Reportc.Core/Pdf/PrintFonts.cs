using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reportc.Pdf;

/// <summary>
/// Gives the browser, for printing, the installed fonts a document uses cut down to the document's own
/// characters, as <c>@font-face</c> rules under the same family names.
/// </summary>
/// <remarks>
/// Why: Chromium hands every font a printed page uses to its print compositor whole, for every document.
/// The free CJK fonts on Linux are collections of 20–27 MB each (Noto CJK), and a report uses four of
/// them, so most of the time of a PDF went into fonts of which the document needs a few hundred glyphs.
/// With the cut fonts a batch of PDFs prints in a little over half the time, and each PDF is smaller.
/// What the browser draws does not change: the same outlines, metrics and layout features, under the
/// family name the stylesheet already chose (only a family the stylesheet would find installed is given,
/// and only its first name in each font stack, as the browser would choose it). Where fontconfig or
/// HarfBuzz is missing, or <c>REPORTC_PRINT_FONTS=system</c> is set, documents print with the installed
/// fonts as they are.
/// </remarks>
public sealed partial class PrintFonts
{
    /// <summary>Set to <c>system</c> to print with the installed fonts as they are.</summary>
    public const string EnvironmentVariable = "REPORTC_PRINT_FONTS";

    private static readonly Lazy<FontSubsetter?> s_subsetter = new(FontSubsetter.Load);
    private static readonly Lazy<ILookup<string, SystemFace>> s_installed = new(() =>
        FontConfig.List().SelectMany(f => f.Families.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (Name: n, Face: f)))
            .ToLookup(x => x.Name, x => x.Face, StringComparer.OrdinalIgnoreCase));

    private readonly FontSubsetter _subsetter;
    private readonly ILookup<string, SystemFace> _installed;
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Family, SystemFace Face)>> _resolved = new(StringComparer.Ordinal);

    // The cut fonts of the last few character sets: a batch of copies or of near-identical reports cuts
    // each font once. Bounded, since every document of a county has its own characters.
    private readonly ConcurrentDictionary<(string File, int Index, string Characters), byte[]?> _cut = new();
    private const int CutsKept = 32;

    private PrintFonts(FontSubsetter subsetter, ILookup<string, SystemFace> installed)
    {
        _subsetter = subsetter;
        _installed = installed;
    }

    /// <summary>The family names of the installed fonts (fontconfig), empty where fontconfig cannot say.</summary>
    public static IReadOnlySet<string> InstalledFamilies => s_families.Value;

    private static readonly Lazy<IReadOnlySet<string>> s_families = new(() => s_installed.Value.Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The print fonts of this machine, or null where documents print with the installed fonts as they are.</summary>
    public static PrintFonts? Create()
    {
        if (string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "system", StringComparison.OrdinalIgnoreCase)
            || s_subsetter.Value is not { } subsetter || s_installed.Value.Count == 0)
        {
            return null;
        }

        return new PrintFonts(subsetter, s_installed.Value);
    }

    /// <summary>
    /// The installed faces <paramref name="html"/> prints with, each under the family name its stylesheet
    /// reaches them by: per font stack (a <c>font-family</c> or a custom property's value) the first name that
    /// is installed and not already given by the document's own <c>@font-face</c> rules, with all its faces.
    /// </summary>
    public IReadOnlyList<(string Family, SystemFace Face)> Faces(string html)
    {
        var stacks = new StringBuilder();
        foreach (Match m in Declaration().Matches(html))
        {
            stacks.Append(m.Groups["value"].ValueSpan).Append('\n');
        }

        return _resolved.GetOrAdd(stacks.ToString(), text =>
        {
            var ownFaces = new HashSet<string>(OwnFace().Matches(html).Select(m => m.Groups["family"].Value), StringComparer.OrdinalIgnoreCase);
            var chosen = new List<(string, SystemFace)>();
            var families = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var stack in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var name in stack.Split(',').Select(n => n.Trim().Trim('"', '\'').Trim()))
                {
                    if (ownFaces.Contains(name))
                    {
                        break; // the document brings this family itself
                    }

                    if (!_installed.Contains(name))
                    {
                        continue;
                    }

                    if (families.Add(name))
                    {
                        // One face a weight and style: fontconfig may list a family's bold twice (a collection and a file).
                        chosen.AddRange(_installed[name].DistinctBy(f => (f.Weight, f.Style)).Select(f => (name, f)));
                    }

                    break;
                }
            }

            return chosen;
        });
    }

    /// <summary>What the print of <paramref name="html"/> depends on besides the HTML: the font files it is given.</summary>
    public string Identity(string html) =>
        string.Join("|", Faces(html).Select(f => new FileInfo(f.Face.File) is { Exists: true } file
            ? string.Create(CultureInfo.InvariantCulture, $"{f.Family}:{f.Face.File}#{f.Face.Index}:{file.Length}:{file.LastWriteTimeUtc.Ticks}")
            : f.Face.File));

    /// <summary>
    /// <paramref name="html"/> with a <c>style</c> element at the end of its head that gives each installed
    /// face it uses, cut to its characters. A face that cannot be cut is left to the browser as before.
    /// </summary>
    public string Embed(string html)
    {
        var faces = Faces(html);
        if (faces.Count == 0)
        {
            return html;
        }

        // Every character of the file, markup and stylesheet included, and what the page counters print.
        var characters = new SortedSet<int>();
        foreach (var rune in html.EnumerateRunes())
        {
            if (rune.Value >= 0x20)
            {
                characters.Add(rune.Value);
            }
        }

        foreach (var c in "0123456789— ")
        {
            characters.Add(c);
        }

        var key = string.Concat(characters.Select(char.ConvertFromUtf32));
        var rules = new StringBuilder("<style>/* reportc: the installed fonts this document uses, cut to its characters */\n");
        foreach (var (family, face) in faces)
        {
            if (_cut.Count > CutsKept)
            {
                _cut.Clear();
            }

            if (_cut.GetOrAdd((face.File, face.Index, key), _ => _subsetter.Subset(face, characters)) is not { } font)
            {
                continue;
            }

            rules.Append("@font-face { font-family: \"").Append(family.Replace("\"", "\\\"", StringComparison.Ordinal))
                .Append("\"; font-style: ").Append(face.Style)
                .Append("; font-weight: ").Append(face.Weight.ToString(CultureInfo.InvariantCulture))
                .Append("; src: url(data:").Append(face.Cff ? "font/otf" : "font/ttf").Append(";base64,")
                .Append(Convert.ToBase64String(font)).Append("); }\n");
        }

        rules.Append("</style>\n");
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head, rules.ToString()) : rules + html;
    }

    // A font-family declaration or a custom property (the stylesheets keep their font stacks in variables).
    [GeneratedRegex(@"(?:font-family|--[A-Za-z0-9_-]+)\s*:\s*(?<value>[^;{}<]+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"@font-face\s*\{[^}]*?font-family\s*:\s*[""']?(?<family>[^""';}]+)")]
    private static partial Regex OwnFace();
}
