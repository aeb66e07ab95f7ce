using Reportc.Tests.Cli;
using Reportc.Tests.Docx;
using Reportc.Tests.Pdf;

namespace Reportc.Tests.Outline;

/// <summary>A one-line joint title too wide for 2号 prints in two lines broken between words, in Chromium's PDF and in LibreOffice's print of the docx.</summary>
[Collection("browser")]
public sealed class PrintedTitleTests
{
    [Fact]
    public void The_pdf_and_the_docx_as_libreoffice_prints_it_break_a_long_title_after_the_issuers()
    {
        var folder = TestPaths.NewTempFolder();
        var yaml = Path.Combine(folder, "title.yaml");
        File.WriteAllText(yaml, TestReports.WithDuty("    text: 镇党委书记认真履行推进法治建设第一责任人职责。").Replace(
            "  title: 示例镇2024年法治政府建设工作情况的报告\n",
            "  title: 中共示例镇委员会 示例镇人民政府关于2024年度法治政府建设工作情况的报告\n",
            StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("build", yaml, "--format", "pdf,docx", "-o", folder);
        Assert.True(code == 0, error);
        var chromium = PdfText.Run("pdftotext", "-l", "1", Path.Combine(folder, "title.pdf"), "-");
        var office = Directory.CreateDirectory(Path.Combine(folder, "office")).FullName;
        File.Copy(Path.Combine(folder, "title.docx"), Path.Combine(office, "title.docx"));
        var libreoffice = PdfText.Run("pdftotext", "-l", "1", Office.ToPdf(Path.Combine(office, "title.docx")), "-");
        foreach (var text in new[] { chromium, libreoffice })
        {
            // pdftotext puts a space between Chinese and Latin runs of LibreOffice's print: compare without spaces.
            var lines = text.Split('\n').Select(l => l.Replace(" ", "", StringComparison.Ordinal)).ToList();
            Assert.Contains("中共示例镇委员会示例镇人民政府", lines);
            Assert.Contains("关于2024年度法治政府建设工作情况的报告", lines);
        }
    }
}
