using System.Text;
using static Reportc.Rendering.Docx.DocxLayout;
using static Reportc.Rendering.Docx.DocxXml;

namespace Reportc.Rendering.Docx;

/// <summary>The fixed parts of the package: styles, fonts, settings, footers, content types, relationships.</summary>
internal static class DocxParts
{
    private const string Ns = $"xmlns:w=\"{W}\" xmlns:r=\"{R}\"";

    public static string ContentTypes(IEnumerable<(string Extension, string Type)> images) =>
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + string.Concat(images.Select(i => $"<Default Extension=\"{i.Extension}\" ContentType=\"{i.Type}\"/>"))
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "</Types>";

    public const string PackageRels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>";

    public static string DocumentRels(string? image, IEnumerable<(string Id, string Part)> pictures)
    {
        const string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"{type}styles\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{type}settings\" Target=\"settings.xml\"/>"
            + $"<Relationship Id=\"rId3\" Type=\"{type}fontTable\" Target=\"fontTable.xml\"/>"
            + $"<Relationship Id=\"rId4\" Type=\"{type}footer\" Target=\"footer1.xml\"/>"
            + $"<Relationship Id=\"rId5\" Type=\"{type}footer\" Target=\"footer2.xml\"/>"
            + (image is null ? "" : $"<Relationship Id=\"rId6\" Type=\"{type}image\" Target=\"media/{image}\"/>")
            + string.Concat(pictures.Select(p => $"<Relationship Id=\"{p.Id}\" Type=\"{type}image\" Target=\"media/{p.Part}\"/>"))
            + "</Relationships>";
    }

    /// <summary>Title, issuers as author, and the 成文日期 as the dates: the same report gives the same properties.</summary>
    public static string Core(string title, string author, DateOnly date)
    {
        var stamp = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";
        return "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + $"<dc:title>{Escape(title)}</dc:title><dc:creator>{Escape(author)}</dc:creator><cp:lastModifiedBy>{Escape(author)}</cp:lastModifiedBy>"
            + $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
            + "</cp:coreProperties>";
    }

    public const string App =
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>reportc</Application></Properties>";

    /// <summary>
    /// Odd and even page footers apart (evenAndOddHeaders); no Word auto-numbering anywhere; punctuation
    /// not compressed, so a line holds its 28 full-width characters.
    /// </summary>
    public const string Settings =
        $"<w:settings {Ns}>"
        + "<w:defaultTabStop w:val=\"420\"/>"
        + "<w:evenAndOddHeaders/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>";

    /// <summary>The fonts, each with the substitute Word and WPS should take when it is not installed.</summary>
    public static string FontTable()
    {
        var sb = new StringBuilder($"<w:fonts {Ns}>");
        foreach (var (name, alt, charset, family) in new[]
        {
            ("Times New Roman", "", "00", "roman"),
            (FangSong, "仿宋", "86", "modern"),
            (KaiTi, "楷体", "86", "modern"),
            (HeiTi, "SimHei", "86", "modern"),
            (XiaoBiaoSong, "宋体", "86", "script"),
            (SongTi, "SimSun", "86", "auto"),
            ("仿宋", "FangSong", "86", "modern"),
            ("楷体", "KaiTi", "86", "modern"),
        })
        {
            sb.Append($"<w:font w:name=\"{Escape(name)}\">")
                .Append(alt.Length > 0 ? $"<w:altName w:val=\"{Escape(alt)}\"/>" : "")
                .Append($"<w:charset w:val=\"{charset}\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/></w:font>");
        }

        return sb.Append("</w:fonts>").ToString();
    }

    /// <summary>The page number "— N —" in 4号 宋体: right and one character in on odd pages, left on even pages.</summary>
    public static string Footer(bool odd)
    {
        var ind = odd ? "<w:ind w:right=\"280\"/><w:jc w:val=\"right\"/>" : "<w:ind w:left=\"280\"/><w:jc w:val=\"left\"/>";
        var rPr = "<w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:cs=\"宋体\"/>";
        return $"<w:ftr {Ns}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>{ind}</w:pPr>"
            + Run("— ", rPr)
            + $"<w:r><w:rPr>{rPr}</w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + $"<w:r><w:rPr>{rPr}</w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + $"<w:r><w:rPr>{rPr}</w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + Run("1", rPr)
            + $"<w:r><w:rPr>{rPr}</w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + Run(" —", rPr)
            + "</w:p></w:ftr>";
    }

    /// <summary>The styles a clerk sees in Word and WPS, named for what they are.</summary>
    public static string Styles()
    {
        var exact = $"<w:spacing w:line=\"{Line}\" w:lineRule=\"exact\"/>";
        var noIndent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
        var sb = new StringBuilder($"<w:styles {Ns}>");
        sb.Append("<w:docDefaults><w:rPrDefault><w:rPr>").Append(Fonts(FangSong))
            .Append($"<w:kern w:val=\"0\"/><w:sz w:val=\"{BodySize}\"/><w:szCs w:val=\"{BodySize}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>")
            .Append("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>").Append(exact).Append("</w:pPr></w:pPrDefault></w:docDefaults>");

        void Paragraph(string id, string name, string pPr, string rPr, bool basedOnNormal = true, bool isDefault = false, string next = "Normal")
        {
            sb.Append($"<w:style w:type=\"paragraph\"{(isDefault ? " w:default=\"1\"" : "")} w:styleId=\"{id}\"><w:name w:val=\"{Escape(name)}\"/>")
                .Append(basedOnNormal ? "<w:basedOn w:val=\"Normal\"/>" : "")
                .Append($"<w:next w:val=\"{next}\"/><w:qFormat/>")
                .Append(pPr.Length > 0 ? $"<w:pPr>{pPr}</w:pPr>" : "")
                .Append(rPr.Length > 0 ? $"<w:rPr>{rPr}</w:rPr>" : "")
                .Append("</w:style>");
        }

        // Normal is Word's 正文 (its name in Chinese Word and WPS). overflowPunct is written as Word's default (on):
        // LibreOffice 7.4 reads it inverted, and only "on" keeps it from hanging a 29th mark into the margin.
        Paragraph("Normal", "Normal", $"<w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"1\"/>{exact}<w:ind w:firstLineChars=\"200\" w:firstLine=\"{2 * CharPitch}\"/><w:jc w:val=\"both\"/>",
            $"{Fonts(FangSong)}<w:w w:val=\"{BodyScale}\"/><w:sz w:val=\"{BodySize}\"/><w:szCs w:val=\"{BodySize}\"/>", basedOnNormal: false, isDefault: true);
        Paragraph("IssuerMark", "发文机关标志", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"750\" w:lineRule=\"exact\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
            $"{Fonts(XiaoBiaoSong)}<w:color w:val=\"{Red}\"/><w:spacing w:val=\"40\"/><w:w w:val=\"100\"/><w:sz w:val=\"60\"/><w:szCs w:val=\"60\"/>");
        Paragraph("DocNumber", "发文字号", "<w:snapToGrid w:val=\"0\"/>" + noIndent + "<w:jc w:val=\"center\"/>", "");
        Paragraph("Title", "Title", "<w:keepNext/><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"638\" w:lineRule=\"exact\"/>" + noIndent + "<w:jc w:val=\"center\"/>",
            $"{Fonts(XiaoBiaoSong)}<w:w w:val=\"100\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
        Paragraph("Addressee", "主送机关", noIndent, "");
        Paragraph("Level1", "一级标题", "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", Fonts(HeiTi));
        Paragraph("Level2", "二级标题", "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", Fonts(KaiTi));
        Paragraph("Level3", "三级标题", "<w:keepNext/><w:outlineLvl w:val=\"2\"/>", "");
        Paragraph("Level4", "四级标题", "<w:keepNext/><w:outlineLvl w:val=\"3\"/>", "");
        Paragraph("Signature", "署名", "<w:keepNext/><w:keepLines/><w:snapToGrid w:val=\"0\"/>" + noIndent + "<w:jc w:val=\"left\"/>", "", next: "SignatureDate");
        Paragraph("SignatureDate", "成文日期", "<w:keepLines/><w:snapToGrid w:val=\"0\"/>" + noIndent + "<w:jc w:val=\"left\"/>", "");
        Paragraph("Colophon", "版记", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"448\" w:lineRule=\"exact\"/>" + noIndent + "<w:jc w:val=\"left\"/>",
            "<w:w w:val=\"100\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
        Paragraph("TableText", "表格文字", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"284\" w:lineRule=\"exact\"/>" + noIndent + "<w:jc w:val=\"left\"/>",
            "<w:w w:val=\"100\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>");
        Paragraph("DraftBanner", "草稿标记", noIndent + "<w:jc w:val=\"center\"/>", $"{Fonts(HeiTi)}<w:color w:val=\"{Red}\"/>");
        Paragraph("Footer", "footer", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"280\" w:lineRule=\"exact\"/>" + noIndent,
            "<w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" w:cs=\"宋体\"/><w:w w:val=\"100\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
        sb.Append("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>")
            .Append("<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
        return sb.Append("</w:styles>").ToString();
    }
}
