using System.Diagnostics;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Confinement;

/// <summary>
/// An image in the narrative is printed only from a PNG, JPEG, GIF or WebP file inside the report's own
/// folder, embedded in the outputs as data, so that opening or printing the report loads nothing; every
/// other image (an address, a file elsewhere or behind a link out, SVG, a file too large) is left out as its
/// text, with RC0418 saying why, and the report is built.
/// </summary>
[Collection("browser")]
public sealed class NarrativeImageTests
{
    private const string Secret = "SECRET_9c1e_不得外传";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private static string Report(string text) => TestReports.WithDuty("    text: |\n      " + text + "\n");

    private static (string Folder, string Input) Township(string text)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "2024.yaml");
        File.WriteAllText(input, Report(text));
        return (folder, input);
    }

    private static string Pandoc(string markdown)
    {
        var (code, html, error) = Processes.Run("pandoc", ["-f", "gfm", "-t", "html"], input: markdown);
        Assert.True(code == 0, error);
        return html;
    }

    [Fact]
    public void An_image_file_in_the_reports_folder_is_embedded_in_the_html_and_the_markdown()
    {
        var (folder, input) = Township("全年举办培训班12期。\n\n      ![图1 培训现场](图/培训.png)\n\n      ![图2 宣传海报](poster.gif \"海报\")");
        Directory.CreateDirectory(Path.Combine(folder, "图"));
        File.WriteAllBytes(Path.Combine(folder, "图", "培训.png"), Png);
        File.WriteAllBytes(Path.Combine(folder, "poster.gif"), Gif);

        var (code, _, error) = CliRunner.Run("build", input, "--format", "md,html", "--lang", "en");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("RC0418", error);
        var html = File.ReadAllText(Path.ChangeExtension(input, ".html"));
        Assert.Contains($"<img src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\" alt=\"图1 培训现场\"", html);
        Assert.Contains($"<img src=\"data:image/gif;base64,{Convert.ToBase64String(Gif)}\" alt=\"图2 宣传海报\" title=\"海报\"", html);
        Assert.DoesNotContain("培训.png", html);
        var md = File.ReadAllText(Path.ChangeExtension(input, ".md"));
        Assert.Contains($"![图1 培训现场](data:image/png;base64,{Convert.ToBase64String(Png)})", md);
        // pandoc reads the published .md with the image in it, from nowhere but itself.
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\"", Pandoc(md));
    }

    private static string PdfImages(string pdf)
    {
        var start = new ProcessStartInfo("pdfimages", ["-list", pdf]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var list = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return list;
    }

    [Fact]
    public void An_image_file_in_the_reports_folder_is_a_picture_in_the_docx_and_the_pdf_as_word_and_libreoffice_read_them()
    {
        // 40 × 30 pixels: the PDF and LibreOffice's print of the .docx both carry it at that size.
        var (folder, input) = Township("全年举办培训班12期。\n\n      ![图1 培训现场](现场.png)");
        File.WriteAllBytes(Path.Combine(folder, "现场.png"), Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR42u3NMQ0AAAgDsCmZfynIQgYcTfo3056IWCwWi8VisVgsFov/xgvk2cL9u/0SgAAAAABJRU5ErkJggg=="));

        var (code, _, error) = CliRunner.Run("build", input, "--format", "docx,pdf", "--lang", "en");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("RC0418", error);
        var docx = Path.ChangeExtension(input, ".docx");
        Assert.Empty(Reportc.Tests.Docx.Office.Validate(docx));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(docx))
        {
            using var media = new MemoryStream();
            zip.GetEntry("word/media/image1.png")!.Open().CopyTo(media);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "现场.png")), media.ToArray());
            var document = new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEnd();
            Assert.Contains("<wp:docPr id=\"101\" name=\"图1 培训现场\" descr=\"图1 培训现场\"/>", document);
            Assert.Contains("<wp:extent cx=\"381000\" cy=\"285750\"/>", document);
        }

        Assert.Matches(@"\n\s*\d+\s+0 image\s+40\s+30 ", PdfImages(Path.ChangeExtension(input, ".pdf")));
        File.Move(Path.ChangeExtension(input, ".pdf"), Path.Combine(folder, "chromium.pdf"));
        Assert.Matches(@"\n\s*\d+\s+0 image\s+40\s+30 ", PdfImages(Reportc.Tests.Docx.Office.ToPdf(docx)));
    }

    [Theory]
    [InlineData("link-out", "it is missing, or not a regular file inside the folder")]
    [InlineData("missing", "it is missing, or not a regular file inside the folder")]
    [InlineData("parent", "it is missing, or not a regular file inside the folder")]
    [InlineData("absolute", "it is missing, or not a regular file inside the folder")]
    [InlineData("device", "it is missing, or not a regular file inside the folder")]
    [InlineData("svg", "it is not a PNG, JPEG, GIF or WebP image")]
    [InlineData("named-png", "it is not a PNG, JPEG, GIF or WebP image")]
    [InlineData("large", "it is larger than 2 MB")]
    [InlineData("http", "an image on an address")]
    [InlineData("file-url", "an image on an address")]
    [InlineData("data-url", "an image on an address")]
    public void An_image_that_is_not_the_reports_own_image_file_is_not_printed_and_says_why(string what, string why)
    {
        var outside = Path.Combine(TestPaths.NewTempFolder(), "secret.png");
        File.WriteAllBytes(outside, [.. Png, .. System.Text.Encoding.UTF8.GetBytes(Secret)]);
        var (folder, input) = Township("");
        var url = what switch
        {
            "link-out" => "linked.png",
            "missing" => "nowhere.png",
            "parent" => Path.GetRelativePath(folder, outside),
            "absolute" => outside,
            "device" => "/dev/zero",
            "svg" => "logo.svg",
            "named-png" => "fake.png",
            "large" => "large.png",
            "http" => "http://127.0.0.1:9/pixel.png",
            "file-url" => "file://" + outside,
            _ => "data:image/png;base64," + Convert.ToBase64String(Png),
        };
        File.CreateSymbolicLink(Path.Combine(folder, "linked.png"), outside);
        File.WriteAllText(Path.Combine(folder, "logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        File.WriteAllText(Path.Combine(folder, "fake.png"), Secret);
        using (var large = File.Create(Path.Combine(folder, "large.png")))
        {
            large.Write(Png);
            large.SetLength(3 * 1024 * 1024);
        }

        File.WriteAllText(input, Report($"全年办结案件30件。![图1 现场]({url})"));

        var (code, _, error) = CliRunner.Run("build", input, "--format", "md,html", "--lang", "en");

        Assert.True(code == 0, error);
        var shown = url.Length > 80 ? url[..80] + "…" : url;
        Assert.Contains($"warning RC0418: the image '{shown}' is not printed: {why}", error);
        var html = File.ReadAllText(Path.ChangeExtension(input, ".html"));
        var md = File.ReadAllText(Path.ChangeExtension(input, ".md"));
        Assert.DoesNotContain("<img", html.Replace("<img class=\"seal\"", "", StringComparison.Ordinal));
        Assert.Contains("全年办结案件30件。图1 现场", md);
        Assert.DoesNotContain("](", md);
        Assert.DoesNotContain(Secret, html + md + error);
        Assert.DoesNotContain(Convert.ToBase64String(Png)[..20], html + md);
    }

    [Fact]
    public void An_image_in_a_heading_is_not_printed_even_from_the_reports_folder()
    {
        var (folder, input) = Township("全年办结案件30件。");
        File.WriteAllBytes(Path.Combine(folder, "a.png"), Png);
        File.WriteAllText(input, File.ReadAllText(input).Replace("  other: 无。", "  other:\n    heading: \"其他事项![图](a.png)说明\"\n    text: 无。", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("build", input, "--format", "md,html", "--lang", "en");

        Assert.True(code == 0, error);
        Assert.Contains("warning RC0418: the image 'a.png' is not printed: a title or a heading prints no image", error);
        Assert.DoesNotContain("<img", File.ReadAllText(Path.ChangeExtension(input, ".html")));
    }
}
