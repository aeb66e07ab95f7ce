using System.Buffers.Binary;
using System.Text;
using Reportc.Model;
using Reportc.Text;
using Scriban.Runtime;
using static Reportc.Rendering.Docx.DocxLayout;
using static Reportc.Rendering.Docx.DocxXml;

using Reportc.Loading;

namespace Reportc.Rendering.Docx;

/// <summary>
/// The report as a Word document laid out as the PDF is (GB/T 9704): page, grid, styles, the 版头, title,
/// body with its numbering as text, signature, 版记 and page numbers; the same blocks the templates print.
/// </summary>
internal static class DocxRenderer
{
    public static byte[] Render(Report report, ScriptObject model, MarkdownFormatter markdown)
    {
        var doc = report.Document;
        var image = SealImage(doc.SealImage);
        var inline = new DocxInline(markdown);
        var body = new DocxBody(report, model, inline, image is not null, image is { } i ? PngSize(i.Bytes) : null).Render();
        var types = (image is { } s ? new[] { (s.Extension, s.Type) } : []).Concat(inline.Images.Select(m => (m.Extension, m.Type))).Distinct().ToList();
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", DocxPackage.Xml(DocxParts.ContentTypes(types))),
            ("_rels/.rels", DocxPackage.Xml(DocxParts.PackageRels)),
            ("docProps/core.xml", DocxPackage.Xml(DocxParts.Core(string.Concat(doc.TitleLines), string.Join("、", doc.Issuers), doc.Date))),
            ("docProps/app.xml", DocxPackage.Xml(DocxParts.App)),
            ("word/document.xml", DocxPackage.Xml(body)),
            ("word/_rels/document.xml.rels", DocxPackage.Xml(DocxParts.DocumentRels(image is null ? null : "seal." + image.Value.Extension, inline.Images.Select(m => (m.RelationshipId, m.PartName))))),
            ("word/styles.xml", DocxPackage.Xml(DocxParts.Styles())),
            ("word/settings.xml", DocxPackage.Xml(DocxParts.Settings)),
            ("word/fontTable.xml", DocxPackage.Xml(DocxParts.FontTable())),
            ("word/footer1.xml", DocxPackage.Xml(DocxParts.Footer(odd: true))),
            ("word/footer2.xml", DocxPackage.Xml(DocxParts.Footer(odd: false))),
        };
        if (image is { } seal)
        {
            parts.Add(("word/media/seal." + seal.Extension, seal.Bytes));
        }

        // The narrative's images (the report's own files, embedded: NarrativeImages).
        parts.AddRange(inline.Images.Select(m => ("word/media/" + m.PartName, m.Bytes)));

        return DocxPackage.Write(parts);
    }

    // The seal's data: URL (as the HTML embeds it) back to its bytes and type.
    private static (byte[] Bytes, string Extension, string Type)? SealImage(string dataUrl)
    {
        var comma = dataUrl.IndexOf(";base64,", StringComparison.Ordinal);
        if (!dataUrl.StartsWith("data:", StringComparison.Ordinal) || comma < 0)
        {
            return null;
        }

        var type = dataUrl[5..comma];
        var extension = type switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpeg",
            "image/webp" => "webp",
            "image/svg+xml" => "svg",
            _ => null,
        };
        return extension is null ? null : (Convert.FromBase64String(dataUrl[(comma + 8)..]), extension, type);
    }

    private static (int, int)? PngSize(byte[] bytes) =>
        bytes.Length >= 24 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)))
            : null;
}

/// <summary>document.xml: the 版头, title, 主送机关, body blocks, signature and 版记, then the page setup.</summary>
internal sealed class DocxBody(Report report, ScriptObject model, DocxInline inline, bool hasImage, (int, int)? imageSize)
{
    private readonly StringBuilder _xml = new();
    private int _before;

    public string Render()
    {
        var doc = report.Document;
        _xml.Append($"<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>");
        if (Get<ScriptObject>(model, "report")["draft"] is true)
        {
            _xml.Append(Paragraph("DraftBanner", $"<w:pBdr>{Border("top", 12)}{Border("left", 12)}{Border("bottom", 12)}{Border("right", 12)}</w:pBdr><w:spacing w:after=\"{Line}\"/>",
                Run("草稿：本报告尚有待填写的内容（TODO 或空缺的指标），不得印发。")));
        }

        Header(doc);
        foreach (var block in Get<ScriptArray>(model, "preamble").OfType<ScriptObject>())
        {
            Block(block, null);
        }

        var sections = Get<ScriptArray>(model, "sections").OfType<ScriptObject>().ToList();
        foreach (var section in sections)
        {
            Add("Level1", "", Run(Text(section, "heading")));
            var tables = new Queue<TableData>(report.Tables.Values.Where(t => t.Definition.Section == Text(section, "id")));
            var blocks = Get<ScriptArray>(section, "blocks").OfType<ScriptObject>().ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                // The lead-in before a table stays on the table's page (as the heading does, by its style).
                _keepNext = i + 1 < blocks.Count && Text(blocks[i + 1], "type") == "table";
                Block(blocks[i], tables);
                _keepNext = false;
            }
        }

        _xml.Append(DocxSignature.Render(doc, OfficialDate.Chinese(doc.Date), hasImage, imageSize));
        Colophon(doc);
        _xml.Append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"even\" r:id=\"rId5\"/>")
            .Append($"<w:pgSz w:w=\"{PageWidth}\" w:h=\"{PageHeight}\"/>")
            .Append($"<w:pgMar w:top=\"{MarginTop}\" w:right=\"{MarginRight}\" w:bottom=\"{MarginBottom}\" w:left=\"{MarginLeft}\" w:header=\"851\" w:footer=\"{Footer}\" w:gutter=\"0\"/>")
            .Append($"<w:cols w:space=\"425\"/><w:docGrid w:type=\"linesAndChars\" w:linePitch=\"{Line}\" w:charSpace=\"{CharSpace}\"/></w:sectPr>")
            .Append("</w:body></w:document>");
        return _xml.ToString();
    }

    private static T Get<T>(ScriptObject o, string key) => (T)o[key]!;

    private static string Text(ScriptObject o, string key) => o[key] as string ?? "";

    private void Header(DocumentInfo doc)
    {
        var masthead = doc.Masthead.Count > 0;
        if (masthead)
        {
            Masthead(doc);
        }

        var redRule = masthead ? $"<w:pBdr>{Border("bottom", 8, DocxLayout.Red, space: 11)}</w:pBdr>" : "";
        if (doc.Number.Length > 0 || masthead)
        {
            var before = masthead ? 2 * Line : 0;
            var spacing = $"<w:spacing w:before=\"{before}\" w:after=\"{(masthead ? 0 : Line)}\"/>";
            if (doc.Signer is { Length: > 0 } signer && doc.Number.Length > 0)
            {
                // An upward document: 发文字号 one character in from the left, 签发人 one character in from the right.
                var tabs = $"<w:tabs><w:tab w:val=\"left\" w:pos=\"{CharPitch}\"/><w:tab w:val=\"right\" w:pos=\"{TextWidth - CharPitch}\"/></w:tabs>";
                _xml.Append(Paragraph("DocNumber", redRule + tabs + spacing + "<w:jc w:val=\"left\"/>",
                    Run("\t" + doc.Number + "\t签发人：") + Run(signer, Fonts(KaiTi))));
            }
            else
            {
                _xml.Append(Paragraph("DocNumber", redRule + spacing, doc.Number.Length > 0 ? Run(doc.Number) : ""));
            }
        }

        var title = new StringBuilder();
        var titleLines = TitleLayout.Lines(doc.TitleLines, doc.Issuers);
        for (var i = 0; i < titleLines.Count; i++)
        {
            title.Append(i > 0 ? "<w:r><w:br/></w:r>" : "").Append(Run(titleLines[i]));
        }

        _before = masthead ? 2 * Line : 0;
        Add("Title", "", title.ToString());
        _before = Line;
        if (doc.To is { Length: > 0 } to)
        {
            Add("Addressee", "", Run(to + "："));
        }
    }

    // The red 发文机关标志, 35 mm under the top of the 版心: the names stacked, lead organ first; "文件" after a
    // single name, or beside joint names (each spread to one width) and centred on them.
    private void Masthead(DocumentInfo doc)
    {
        var first = Mm(35);
        if (doc.MastheadSuffix.Length > 0 && doc.Masthead.Count > 1)
        {
            var names = doc.Masthead.Max(DocxSignature.Width);
            var nameWidth = (int)Math.Round(names * 640) + 120;
            var suffixWidth = (int)Math.Round(DocxSignature.Width(doc.MastheadSuffix) * 640) + 400;
            _xml.Append(Paragraph("IssuerMark", $"<w:spacing w:before=\"{first}\" w:line=\"240\" w:lineRule=\"exact\"/>", ""));
            _xml.Append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>")
                .Append($"<w:tblGrid><w:gridCol w:w=\"{nameWidth}\"/><w:gridCol w:w=\"{suffixWidth}\"/></w:tblGrid><w:tr>")
                .Append($"<w:tc><w:tcPr><w:tcW w:w=\"{nameWidth}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                .Append(string.Concat(doc.Masthead.Select(name => Paragraph("IssuerMark", "<w:jc w:val=\"distribute\"/>", Run(name)))))
                .Append($"</w:tc><w:tc><w:tcPr><w:tcW w:w=\"{suffixWidth}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>")
                .Append(Paragraph("IssuerMark", "<w:jc w:val=\"right\"/>", Run(doc.MastheadSuffix)))
                .Append("</w:tc></w:tr></w:tbl>");
            return;
        }

        for (var i = 0; i < doc.Masthead.Count; i++)
        {
            var text = doc.Masthead[i] + (i == doc.Masthead.Count - 1 ? doc.MastheadSuffix : "");
            _xml.Append(Paragraph("IssuerMark", i == 0 ? $"<w:spacing w:before=\"{first}\"/>" : "", Run(text)));
        }
    }

    private void Block(ScriptObject block, Queue<TableData>? tables)
    {
        var md = Text(block, "md");
        switch (Text(block, "type"))
        {
            case "heading":
                var level = Math.Clamp(block["level"] is int l ? l : 2, 2, 4);
                Add($"Level{level}", "", inline.Runs(md.TrimStart('#').TrimStart(), Text(block, "html")));
                break;
            case "table" when tables is not null && tables.Count > 0:
                if (_before > 0)
                {
                    Add("TableText", "", "");
                }

                _xml.Append(DocxTables.Render(tables.Dequeue()));
                _xml.Append(Paragraph("TableText", "<w:spacing w:line=\"160\" w:lineRule=\"exact\"/>", ""));
                break;
            case "block":
                foreach (var runs in inline.BlockParagraphs(md))
                {
                    Add("Normal", "", runs);
                }

                break;
            default:
                var text = inline.Runs(md, Text(block, "html"));
                // A paragraph with a picture takes the picture's height (the grid's exact line would cut it off).
                Add("Normal", text.Contains("<w:drawing>", StringComparison.Ordinal) ? "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>" : "", text);
                break;
        }
    }

    // The 版记 on the bottom edge of the 版心 of the last page: a text box anchored to the last paragraph and
    // aligned to the bottom of the margin box, holding 抄送 and 印发 between rules across the 版心 (first and
    // last 0.35 mm, the one between 0.25 mm), the text one character in; the body's text keeps clear of it.
    private void Colophon(DocumentInfo doc)
    {
        var rows = new List<string>();
        var tabs = $"<w:tabs><w:tab w:val=\"left\" w:pos=\"280\"/><w:tab w:val=\"right\" w:pos=\"{TextWidth - 280}\"/></w:tabs>";
        if (doc.Cc is { Length: > 0 } cc)
        {
            rows.Add(Paragraph("Colophon", tabs, Run("\t抄送：" + (cc.EndsWith('。') ? cc : cc + "。"))));
        }

        if (doc.Printer is { Length: > 0 } printer && doc.PrintDate is { } printDate)
        {
            rows.Add(Paragraph("Colophon", tabs, Run("\t" + printer + "\t" + OfficialDate.Chinese(printDate) + "印发")));
        }

        if (rows.Count == 0)
        {
            return;
        }

        var table = new StringBuilder("<w:tbl><w:tblPr>")
            .Append($"<w:tblW w:w=\"{TextWidth}\" w:type=\"dxa\"/>")
            .Append($"<w:tblBorders>{Border("top", 8)}{Border("bottom", 8)}{Border("insideH", 6)}</w:tblBorders>")
            .Append("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>")
            .Append("<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>")
            .Append($"<w:tblGrid><w:gridCol w:w=\"{TextWidth}\"/></w:tblGrid>");
        foreach (var row in rows)
        {
            table.Append($"<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{TextWidth}\" w:type=\"dxa\"/></w:tcPr>{row}</w:tc></w:tr>");
        }

        table.Append("</w:tbl>").Append(Paragraph("Colophon", "<w:spacing w:line=\"20\" w:lineRule=\"exact\"/>", ""));
        var cx = Emu(TextWidth);
        var cy = Emu((rows.Count * 448) + 40);
        var box = "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"2\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"0\">"
            + "<wp:simplePos x=\"0\" y=\"0\"/>"
            + "<wp:positionH relativeFrom=\"margin\"><wp:align>center</wp:align></wp:positionH>"
            + "<wp:positionV relativeFrom=\"margin\"><wp:align>bottom</wp:align></wp:positionV>"
            + $"<wp:extent cx=\"{N(cx)}\" cy=\"{N(cy)}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapTopAndBottom/>"
            + "<wp:docPr id=\"2\" name=\"版记\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + "<wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:cNvSpPr txBox=\"1\"/>"
            + $"<wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{N(cx)}\" cy=\"{N(cy)}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"
            + $"<wps:txbx><w:txbxContent>{table}</w:txbxContent></wps:txbx>"
            + "<wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\" anchorCtr=\"0\"><a:noAutofit/></wps:bodyPr></wps:wsp>"
            + "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>";
        _xml.Append(Paragraph("Colophon", "<w:spacing w:line=\"20\" w:lineRule=\"exact\"/>", box));
    }

    // A paragraph, with the space before it the layout asked for (the line under the title, under the 主送机关).
    private bool _keepNext;

    private void Add(string style, string pPr, string runs)
    {
        var spacing = _before > 0 ? $"<w:spacing w:before=\"{_before}\"/>" : "";
        if (spacing.Length > 0 && pPr.StartsWith("<w:spacing ", StringComparison.Ordinal))
        {
            // One spacing element: the space before and the paragraph's own line.
            pPr = $"<w:spacing w:before=\"{_before}\" " + pPr["<w:spacing ".Length..];
            spacing = "";
        }

        _before = 0;
        _xml.Append(Paragraph(style, (_keepNext && style == "Normal" ? "<w:keepNext/><w:keepLines/>" : "") + spacing + pPr, runs));
    }

    private static string Border(string side, int size, string color = "000000", int space = 0) =>
        $"<w:{side} w:val=\"single\" w:sz=\"{size}\" w:space=\"{space}\" w:color=\"{color}\"/>";
}
