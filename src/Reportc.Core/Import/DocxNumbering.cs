using System.Globalization;
using System.Text;
using System.Xml;
using Reportc.Text;

namespace Reportc.Import;

/// <summary>
/// Word's automatic numbering: a paragraph numbered by w:numPr (its own or its style's) shows a label that
/// numbering.xml defines (abstractNum levels: start, numFmt, lvlText such as "%1、" or "（%1）", lvlRestart;
/// num instances with lvlOverride/startOverride). The labels are counted here as Word counts them, paragraph by
/// paragraph, so 一、 reaches the recogniser as if typed.
/// </summary>
internal sealed class DocxNumbering
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const int Levels = 9;

    private readonly Dictionary<string, Level?[]> _abstracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StyleNumbering> _styles = new(StringComparer.Ordinal);

    // The counters of each list (an abstractNum: its num instances go on from one another), and the starts a
    // num instance's override sets for the next time a level begins.
    private readonly Dictionary<string, int?[]> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?[]> _pendingStarts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A file without numbering.xml: no paragraph has a label.</summary>
    public static DocxNumbering None { get; } = new();

    public bool IsEmpty => _instances.Count == 0;

    private sealed record Level(int Start, string Format, string Text, int? Restart, bool Legal, string? Style, string Suffix);

    private sealed record Instance(string Abstract, Dictionary<int, (int? Start, Level? Level)> Overrides);

    private sealed record StyleNumbering(string? NumId, int? Ilvl, string? BasedOn);

    /// <summary>numbering.xml read: abstract definitions and num instances.</summary>
    public void ReadNumbering(XmlReader xml)
    {
        string? abstractId = null;
        Level?[]? levels = null;
        string? numId = null;
        var overrideLevel = -1;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == W)
            {
                switch (xml.LocalName)
                {
                    case "abstractNum":
                        abstractId = null;
                        break;
                    case "num":
                        numId = null;
                        break;
                    case "lvlOverride":
                        overrideLevel = -1;
                        break;
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "abstractNum" when xml.GetAttribute("abstractNumId", W) is { } id:
                    abstractId = id;
                    _abstracts[id] = levels = new Level?[Levels];
                    if (xml.IsEmptyElement)
                    {
                        abstractId = null;
                    }

                    break;
                case "num" when xml.GetAttribute("numId", W) is { } id:
                    numId = xml.IsEmptyElement ? null : id;
                    _instances[id] = new Instance("", []);
                    break;
                case "abstractNumId" when numId is not null && xml.GetAttribute("val", W) is { } target:
                    _instances[numId] = _instances[numId] with { Abstract = target };
                    break;
                case "lvlOverride" when numId is not null:
                    overrideLevel = LevelIndex(xml.GetAttribute("ilvl", W));
                    if (xml.IsEmptyElement)
                    {
                        overrideLevel = -1;
                    }

                    break;
                case "startOverride" when numId is not null && overrideLevel >= 0:
                    var overrides = _instances[numId].Overrides;
                    overrides[overrideLevel] = (Int(xml.GetAttribute("val", W)), overrides.GetValueOrDefault(overrideLevel).Level);
                    break;
                case "lvl" when abstractId is not null && levels is not null:
                    if (LevelIndex(xml.GetAttribute("ilvl", W)) is var index and >= 0)
                    {
                        levels[index] = ReadLevel(xml);
                    }

                    break;
                case "lvl" when numId is not null && overrideLevel >= 0:
                    var own = _instances[numId].Overrides;
                    own[overrideLevel] = (own.GetValueOrDefault(overrideLevel).Start, ReadLevel(xml));
                    break;
            }
        }
    }

    /// <summary>styles.xml read: the numbering each paragraph style gives (w:numPr in its w:pPr), and what it is based on.</summary>
    public void ReadStyles(XmlReader xml)
    {
        string? styleId = null;
        var inParagraphProperties = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == W)
            {
                if (xml.LocalName == "style")
                {
                    styleId = null;
                }
                else if (xml.LocalName == "pPr")
                {
                    inParagraphProperties = false;
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "style":
                    styleId = xml.IsEmptyElement ? null : xml.GetAttribute("styleId", W);
                    if (styleId is not null)
                    {
                        _styles[styleId] = new StyleNumbering(null, null, null);
                    }

                    break;
                case "basedOn" when styleId is not null:
                    _styles[styleId] = _styles[styleId] with { BasedOn = xml.GetAttribute("val", W) };
                    break;
                case "pPr" when styleId is not null:
                    inParagraphProperties = !xml.IsEmptyElement;
                    break;
                case "numId" when styleId is not null && inParagraphProperties:
                    _styles[styleId] = _styles[styleId] with { NumId = xml.GetAttribute("val", W) };
                    break;
                case "ilvl" when styleId is not null && inParagraphProperties:
                    _styles[styleId] = _styles[styleId] with { Ilvl = Int(xml.GetAttribute("val", W)) };
                    break;
            }
        }
    }

    /// <summary>
    /// The label Word shows before the next paragraph (its style, and its own w:numId and w:ilvl when it has
    /// them), with what separates it from the text; null when it has none (not numbered, numId 0, a bullet, a
    /// level of format none). Every numbered paragraph counts, in document order, labelled or not.
    /// </summary>
    public string? Next(string? styleId, string? numId, int? ilvl)
    {
        if (IsEmpty)
        {
            return null;
        }

        var styleIlvl = (int?)null;
        var fromStyle = numId is null;
        for (var (style, depth) = (styleId, 0); style is not null && depth < 20 && _styles.TryGetValue(style, out var s); (style, depth) = (s.BasedOn, depth + 1))
        {
            numId ??= s.NumId;
            styleIlvl ??= s.Ilvl;
        }

        if (numId is null || !_instances.TryGetValue(numId, out var instance) || !_abstracts.TryGetValue(instance.Abstract, out var definitions))
        {
            return null;
        }

        // The level: the paragraph's own, its style's, the level the list links to the style (w:pStyle), or the first.
        var linked = fromStyle && styleId is not null ? Array.FindIndex(definitions, d => d?.Style == styleId) : -1;
        var level = ilvl ?? styleIlvl ?? (linked >= 0 ? linked : 0);
        level = Math.Clamp(level, 0, Levels - 1);
        var levels = new Level?[Levels];
        for (var k = 0; k < Levels; k++)
        {
            levels[k] = instance.Overrides.TryGetValue(k, out var o) && o.Level is not null ? o.Level : definitions[k];
        }

        if (!_counters.TryGetValue(instance.Abstract, out var counters))
        {
            _counters[instance.Abstract] = counters = new int?[Levels];
            _pendingStarts[instance.Abstract] = new int?[Levels];
        }

        var pending = _pendingStarts[instance.Abstract];
        if (_used.Add(numId))
        {
            // The first paragraph of a num instance with startOverride: those levels begin again from there.
            foreach (var (k, o) in instance.Overrides.Where(x => x.Value.Start is not null))
            {
                pending[k] = o.Start;
                counters[k] = null;
            }
        }

        counters[level] = counters[level] is { } n ? n + 1 : pending[level] ?? levels[level]?.Start ?? 1;
        pending[level] = null;
        for (var k = level + 1; k < Levels; k++)
        {
            // A deeper level begins again after this one, unless its lvlRestart says after a higher one (or never: 0).
            var restart = levels[k]?.Restart;
            if (restart is null || (restart > 0 && level < restart))
            {
                counters[k] = null;
            }
        }

        var definition = levels[level];
        if (definition is null || definition.Format is "bullet" or "none")
        {
            return null;
        }

        var label = new StringBuilder();
        var text = definition.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var k = text[i + 1] - '1';
                var value = counters[k] ?? levels[k]?.Start ?? 1;
                label.Append(Format(value, definition.Legal && k < level ? "decimal" : levels[k]?.Format ?? "decimal"));
                i++;
            }
            else
            {
                label.Append(text[i]);
            }
        }

        if (label.Length == 0)
        {
            return null;
        }

        var last = label[^1];
        return definition.Suffix == "nothing" || char.IsPunctuation(last) ? label.ToString() : label.Append(' ').ToString();
    }

    /// <summary>A counter in a level's number format, as Word and LibreOffice show it.</summary>
    internal static string Format(int n, string format)
    {
        switch (format)
        {
            // LibreOffice shows ideographDigital as it shows chineseCounting (十, 十一), not digit by digit.
            case "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "ideographDigital" when n is > 0 and <= 9999:
                return ChineseNumerals.Format(n);
            case "chineseLegalSimplified" when n is > 0 and <= 9999:
                // 壹拾, 壹拾壹 as LibreOffice shows them: the counting numerals in their financial forms.
                var counting = (n is >= 10 and < 20 ? "一" : "") + ChineseNumerals.Format(n);
                return string.Concat(counting.Select(c => "壹贰叁肆伍陆柒捌玖拾佰仟零"["一二三四五六七八九十百千零".IndexOf(c, StringComparison.Ordinal)]));
            case "ideographTraditional" when n is > 0 and <= 10:
                return "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString();
            case "ideographZodiac" when n is > 0 and <= 12:
                return "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString();
            case "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when n is > 0 and <= 20:
                return ((char)(0x2460 + n - 1)).ToString();
            case "decimalEnclosedParen" when n is > 0 and <= 20:
                return ((char)(0x2474 + n - 1)).ToString();
            case "decimalEnclosedFullstop" when n is > 0 and <= 20:
                return ((char)(0x2488 + n - 1)).ToString();
            case "decimalFullWidth" or "decimalFullWidth2":
                return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));
            case "decimalZero":
                return n.ToString("00", CultureInfo.InvariantCulture);
            case "lowerLetter" or "upperLetter" when n > 0:
                var letter = new string((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);
                return format == "upperLetter" ? letter.ToUpperInvariant() : letter;
            case "lowerRoman" or "upperRoman" when n is > 0 and < 4000:
                var roman = Roman(n);
                return format == "lowerRoman" ? roman.ToLowerInvariant() : roman;
            default:
                return n.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Roman(int n)
    {
        var text = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            for (; n >= value; n -= value)
            {
                text.Append(numeral);
            }
        }

        return text.ToString();
    }

    private static Level ReadLevel(XmlReader xml)
    {
        int start = 1;
        string format = "decimal", text = "", suffix = "tab";
        int? restart = null;
        string? style = null;
        var legal = false;
        if (xml.IsEmptyElement)
        {
            return new Level(start, format, text, restart, legal, style, suffix);
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            // Only the level's own settings, not those of its paragraph and run properties.
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W || xml.Depth != depth + 1)
            {
                continue;
            }

            var value = xml.GetAttribute("val", W);
            switch (xml.LocalName)
            {
                case "start":
                    start = Int(value) ?? 1;
                    break;
                case "numFmt":
                    format = value ?? "decimal";
                    break;
                case "lvlText":
                    text = value ?? "";
                    break;
                case "lvlRestart":
                    restart = Int(value);
                    break;
                case "isLgl":
                    legal = value is null or "1" or "true" or "on";
                    break;
                case "pStyle":
                    style = value;
                    break;
                case "suff":
                    suffix = value ?? "tab";
                    break;
            }
        }

        return new Level(start, format, text, restart, legal, style, suffix);
    }

    private static int LevelIndex(string? value) => Int(value) is { } n and >= 0 and < Levels ? n : -1;

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, -1, 1_000_000) : null;
}
