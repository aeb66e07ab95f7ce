using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reportc.Tests.Import;

/// <summary>A Word file typed by hand, as clerks type them, and Word files built to hurt.</summary>
public sealed class DocxImportTests
{
    [Fact]
    public void A_hand_typed_word_file_imports_with_its_habits_cleaned_and_a_warning_for_each()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "示例镇2024年法治政府建设报告.docx");
        HandTyped(path);

        var result = ImportAssertions.Import(path);
        var (yaml, report, markdown, _) = ImportAssertions.Accepted(result, folder);

        var codes = result.Diagnostics.Select(d => (d.Code, d.Message)).ToList();
        Assert.Contains(codes, d => d.Code == "RC1106" && d.Message.Contains("1、", StringComparison.Ordinal));
        Assert.Contains(codes, d => d.Code == "RC1106" && d.Message.Contains("full-width spaces", StringComparison.Ordinal));
        Assert.Contains(codes, d => d.Code == "RC1106" && d.Message.Contains("heading ending", StringComparison.Ordinal));
        Assert.Contains(codes, d => d.Code == "RC1110");
        Assert.DoesNotContain("\u3000", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("1、", yaml, StringComparison.Ordinal);
        Assert.Equal(["示例镇人民政府"], report.Document.Issuers);
        Assert.Equal(new DateOnly(2025, 1, 10), report.Document.Date);
        Assert.Equal("示发〔2024〕9号", report.Document.Number);

        // The sections with their subsections, the bold lead a point's title, the numbers metrics.
        var duty = report.Sections.Single(s => s.Rule.Id == "duty");
        Assert.Equal(2, duty.Body.Subsections.Count);
        var measures = report.Sections.Single(s => s.Rule.Id == "measures");
        Assert.Equal(2, measures.Body.Points.Count);
        Assert.Contains(report.Metrics, m => m.Value == 12 && m.Unit == "次" && m.Id == "central_group_study");
        Assert.Contains(report.Metrics, m => m.Value == 3 && m.Unit == "万份" && m.Approximate);
        Assert.Contains("3万余份", markdown, StringComparison.Ordinal);
        Assert.Contains("法律咨询", markdown, StringComparison.Ordinal);

        // The table has no place in this kind: its cells are kept as text, nothing dropped.
        Assert.Contains("村（社区）", yaml, StringComparison.Ordinal);
        Assert.Contains("覆盖率", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_renamed_docx_is_refused_with_a_diagnostic()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "junk.docx");
        var random = new Random(7);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.Null(result.Yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("not a zip", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_file_or_is_cut_short_is_refused()
    {
        var folder = TestPaths.NewTempFolder();
        var good = Path.Combine(folder, "good.docx");
        HandTyped(good);
        var cut = Path.Combine(folder, "cut.docx");
        File.WriteAllBytes(cut, File.ReadAllBytes(good)[..600]);
        var other = Path.Combine(folder, "other.docx");
        using (var zip = ZipFile.Open(other, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a document");
        }

        Assert.Contains(ImportAssertions.Import(cut).Diagnostics, d => d.Code == "RC1101");
        Assert.Contains(ImportAssertions.Import(other).Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("word/document.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_the_bytes_unpacked_not_by_what_the_archive_declares()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var start = Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
            stream.Write(start);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 40; i++)
            {
                stream.Write(spaces);
            }
        }

        Assert.True(new FileInfo(path).Length < 1_000_000);
        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.Null(result.Yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("unpack", StringComparison.Ordinal));
    }

    [Fact]
    public void A_word_file_with_broken_xml_or_a_dtd_is_refused_with_a_diagnostic()
    {
        var folder = TestPaths.NewTempFolder();
        var broken = WithDocumentXml(folder, "broken.docx", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>一、总体情况</w:p></w:body>");
        var dtd = WithDocumentXml(folder, "dtd.docx", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>");

        var brokenResult = ImportAssertions.Import(broken, "law-based-government");
        var dtdResult = ImportAssertions.Import(dtd, "law-based-government");

        Assert.Contains(brokenResult.Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("XML", StringComparison.Ordinal));
        Assert.Contains(dtdResult.Diagnostics, d => d.Code == "RC1101" && d.Message.Contains("DTD", StringComparison.Ordinal));
    }

    [Fact]
    public void A_20_mb_word_file_of_text_is_refused_by_its_unpacked_size()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "large.docx");
        var random = new Random(11);
        const string characters = "法治政府建设年度报告依法行政决策执法监督普法宣传矛盾纠纷调解";
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            // A picture of random bytes (20 MB that do not compress) and a long text.
            using (var picture = zip.CreateEntry("word/media/image1.png", CompressionLevel.NoCompression).Open())
            {
                var noise = new byte[1 << 20];
                for (var i = 0; i < 20; i++)
                {
                    random.NextBytes(noise);
                    picture.Write(noise);
                }
            }

            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var line = new StringBuilder();
            for (var p = 0; p < 120_000; p++)
            {
                line.Clear();
                for (var c = 0; c < 60; c++)
                {
                    line.Append(characters[random.Next(characters.Length)]);
                }

                writer.Write($"<w:p><w:r><w:t>{line}{p}次。</w:t></w:r></w:p>");
            }

            writer.Write("</w:body></w:document>");
        }

        Assert.True(new FileInfo(path).Length > 20_000_000);
        var result = ImportAssertions.Import(path, "law-based-government");

        Assert.Null(result.Yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC1101");
    }

    private static string WithDocumentXml(string folder, string name, string xml)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
        writer.Write(xml);
        return path;
    }

    // A report as typed in Word: 　　 before paragraphs, 1、 numbering, a heading with 。, bold leads, a table.
    internal static void HandTyped(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        body.Append(
            Para("示发〔2024〕9号"),
            Para(Bold("示例镇2024年法治政府建设工作情况的报告")),
            Para("县委、县政府："),
            Para("\u3000\u30002024年，示例镇坚持依法行政，法治政府建设取得新进展。现报告如下："),
            Para("一、2024年党政主要负责人履行推进法治建设第一责任人职责情况。"),
            Para("\u3000\u30001、加强理论学习。党委理论学习中心组集中学法12次，带动干部学法用法。"),
            Para("\u3000\u30002、压实工作责任。层层签订责任书，明确分工。"),
            Para("二、2024年推进法治政府建设的主要举措和成效"),
            Para(Plain("\u3000\u3000"), Bold("一是规范行政执法。"), Plain("全年提供法律咨询300余人次；"), Bold("二是深化普法宣传。"), Plain("发放普法资料3万余份。")),
            Table(["村（社区）", "法律顾问覆盖率"], ["12个", "100%"]),
            Para("三、2024年推进法治政府建设存在问题短板及原因"),
            Para("\u3000\u3000基层执法力量仍然不足。"),
            Para("四、2025年度推进法治政府建设的主要安排"),
            Para("\u3000\u3000继续加强法治宣传教育。"),
            Para("五、其他需要报告的重要事项"),
            Para("\u3000\u3000无。"),
            Para("示例镇人民政府"),
            Para("2025年1月10日"));
    }

    private static Paragraph Para(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Para(params Run[] runs) => new(runs);

    private static Run Plain(string text) => new(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Bold(string text) => new(new RunProperties(new Bold()), new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Table Table(params string[][] rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => new TableCell(Para(c)))));
        }

        return table;
    }
}
