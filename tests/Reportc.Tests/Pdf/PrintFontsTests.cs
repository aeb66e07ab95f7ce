using Reportc.Pdf;

namespace Reportc.Tests.Pdf;

/// <summary>
/// The installed fonts a document prints with, found through fontconfig and cut to its characters with
/// HarfBuzz. Needs fontconfig, libharfbuzz-subset0 and fonts-noto-cjk, which Debian's chromium and
/// .ci/run bring.
/// </summary>
public sealed class PrintFontsTests
{
    private static PrintFonts Fonts => PrintFonts.Create() ?? throw new InvalidOperationException("fontconfig or libharfbuzz-subset is missing");

    private static string Html(string css, string body = "北留镇2024年") =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>{css}</style></head><body>{body}</body></html>";

    [Fact]
    public void Fontconfig_lists_the_noto_cjk_faces_with_css_weights()
    {
        var serif = FontConfig.List().Where(f => f.Families.Contains("Noto Serif CJK SC")).ToList();

        Assert.Contains(serif, f => f.Weight == 400 && f.Style == "normal" && f.Cff && f.File.EndsWith(".ttc", StringComparison.Ordinal));
        Assert.Contains(serif, f => f.Weight == 700 && f.Style == "normal");
    }

    [Theory]
    [InlineData(80, 400)]
    [InlineData(200, 700)]
    [InlineData(0, 100)]
    [InlineData(180, 600)]
    [InlineData(210, 900)]
    [InlineData(90, 450)]
    public void Fontconfig_weights_map_to_css_weights(int fontconfig, int css) => Assert.Equal(css, FontConfig.CssWeight(fontconfig));

    [Fact]
    public void Each_stack_gives_its_first_installed_family_with_all_its_faces()
    {
        var faces = Fonts.Faces(Html("""
            :root { --heiti: "黑体", "No Such Font", "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; }
            p { font-family: 'Noto Serif CJK SC', serif; }
            """));

        Assert.Equal(
            ["Noto Sans CJK SC 400", "Noto Sans CJK SC 700", "Noto Serif CJK SC 400", "Noto Serif CJK SC 700"],
            faces.Select(f => $"{f.Family} {f.Face.Weight}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_family_the_document_brings_itself_is_left_to_it()
    {
        var html = Html("""
            @font-face { font-family: "仿宋_GB2312"; src: url(data:font/ttf;base64,AAAA); }
            body { font-family: "仿宋_GB2312", "Noto Serif CJK SC", serif; }
            """);

        Assert.Empty(Fonts.Faces(html));
        Assert.Equal(html, Fonts.Embed(html));
    }

    [Fact]
    public void A_document_gets_its_faces_cut_to_its_characters_at_the_end_of_its_head()
    {
        var html = Html("body { font-family: \"Noto Serif CJK SC\", serif; }", "北留镇法治政府建设");
        var embedded = Fonts.Embed(html);

        var style = embedded.IndexOf("<style>/* reportc: the installed fonts", StringComparison.Ordinal);
        Assert.True(style > html.IndexOf("</style>", StringComparison.Ordinal) && style < embedded.IndexOf("</head>", StringComparison.Ordinal));
        var rules = System.Text.RegularExpressions.Regex.Matches(embedded, @"@font-face \{ font-family: ""Noto Serif CJK SC""; font-style: normal; font-weight: (\d+); src: url\(data:font/otf;base64,([A-Za-z0-9+/=]+)\); \}");
        Assert.Equal(["400", "700"], rules.Select(r => r.Groups[1].Value).Order(StringComparer.Ordinal));
        foreach (System.Text.RegularExpressions.Match rule in rules)
        {
            var font = Convert.FromBase64String(rule.Groups[2].Value);
            Assert.Equal("OTTO"u8.ToArray(), font[..4]); // an OpenType font with CFF outlines, not a collection
            Assert.InRange(font.Length, 1_000, 400_000); // the face in the collection is 20 MB and more
        }
    }

    [Fact]
    public void More_characters_make_a_larger_cut_and_the_same_characters_the_same_bytes()
    {
        var face = FontConfig.List().First(f => f.Families.Contains("Noto Serif CJK SC") && f.Weight == 400);
        var subsetter = FontSubsetter.Load()!;
        var few = subsetter.Subset(face, "北留镇".Select(c => (int)c))!;
        var many = subsetter.Subset(face, "中共北留镇委员会北留镇人民政府关于2024年法治政府建设工作情况的报告".Select(c => (int)c))!;

        Assert.True(many.Length > few.Length, $"{many.Length} <= {few.Length}");
        Assert.Equal(few, subsetter.Subset(face, "镇留北".Select(c => (int)c)));
    }
}
