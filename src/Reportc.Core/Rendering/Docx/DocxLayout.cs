namespace Reportc.Rendering.Docx;

/// <summary>GB/T 9704 in Word's units (twips: 1/20 pt; half-points for sizes; EMU for drawings).</summary>
internal static class DocxLayout
{
    // A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm: bottom 35 mm, right 26 mm.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 2098;
    public const int MarginLeft = 1588;
    public const int MarginRight = 1474;
    public const int MarginBottom = 1984;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight; // 8844 = 156 mm

    /// <summary>22 lines in 225 mm.</summary>
    public const int Line = 579;

    /// <summary>28 characters in 156 mm: 15.79 pt, the grid's character pitch.</summary>
    public const int CharPitch = 316;

    /// <summary>The page number's line: its top 7 mm under the 版心, measured from the page's bottom edge.</summary>
    public const int Footer = 1308;

    /// <summary>3号 (16 pt) body text, in half-points.</summary>
    public const int BodySize = 32;

    /// <summary>
    /// Body glyphs drawn 98 % wide (15.68 pt of a 16 pt face): LibreOffice gives a character wider than the grid's
    /// pitch (15.75 pt as it reads charSpace) two cells, which left 14 characters a line; Word puts every character
    /// on its pitch whatever its width. So both show 28 characters of 3号 a line.
    /// </summary>
    public const int BodyScale = 98;

    /// <summary>The grid's character pitch beyond the default font size, in 1/4096 pt (Word's docGrid charSpace).</summary>
    public const int CharSpace = -842;

    public const string Red = "E60012";

    public const string FangSong = "仿宋_GB2312";
    public const string KaiTi = "楷体_GB2312";
    public const string HeiTi = "黑体";
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string SongTi = "宋体";

    /// <summary>Millimetres to twips.</summary>
    public static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    /// <summary>Twips to EMU (drawing units).</summary>
    public static long Emu(int twips) => twips * 635L;
}
