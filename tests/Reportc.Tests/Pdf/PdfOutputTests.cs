using System.Diagnostics;
using System.Text.RegularExpressions;
using Reportc.Pdf;
using Reportc.Rendering;
using Reportc.Tests.Cli;
using Reportc.Text;
using Xunit.Abstractions;

namespace Reportc.Tests.Pdf;

/// <summary>Tests that print with the browser run one at a time: they count its launches.</summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection;

/// <summary>
/// The sample printed to PDF with Chromium and measured with poppler (pdftotext -bbox-layout, pdffonts):
/// GB/T 9704 geometry checked by numbers, not by eye. Needs chromium, fonts-noto-cjk and poppler-utils
/// (.ci/run installs them).
/// </summary>
[Collection("browser")]
public sealed partial class PdfOutputTests(ITestOutputHelper log)
{
    private const double Tolerance = 1.5 * PdfText.Mm;

    private static readonly Lazy<(string Folder, PdfText Text)> Sample = new(() =>
    {
        var folder = TestPaths.NewTempFolder();
        var (code, _, stderr) = CliRunner.Run("build", TestPaths.Sample, "-o", folder, "--format", "pdf");
        Assert.True(code == 0, stderr);
        return (folder, PdfText.Read(Path.Combine(folder, "beiliu-2024.pdf")));
    });

    private static string SamplePdf => Path.Combine(Sample.Value.Folder, "beiliu-2024.pdf");

    [Fact]
    public void The_sample_prints_to_a4_pages_with_embedded_fonts_and_extractable_text()
    {
        var pdf = Sample.Value.Text;
        Assert.True(pdf.Pages.Count >= 5, $"{pdf.Pages.Count} pages");
        Assert.All(pdf.Pages, p =>
        {
            Assert.InRange(p.Width, 594, 596);
            Assert.InRange(p.Height, 841, 843);
        });

        var fonts = PdfText.Run("pdffonts", SamplePdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", f));

        var text = Regex.Replace(PdfText.Run("pdftotext", SamplePdf, "-"), @"\s+", "");
        Assert.Contains("2024年法治政府建设工作情况的报告", text);
        Assert.Contains("北发〔2025〕4号", text);
        var seed = File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Fidelity", "seed-beiliu-2024.txt"));
        foreach (var number in Number().Matches(seed).Select(m => m.Value).Distinct())
        {
            Assert.Matches($@"(?<![0-9.]){Regex.Escape(number)}(?![0-9]|\.[0-9])", text);
        }
    }

    [Fact]
    public void The_pdf_carries_title_and_author()
    {
        var info = PdfText.Run("pdfinfo", SamplePdf);
        Assert.Matches(@"Title:\s+中共北留镇委员会北留镇人民政府2024年法治政府建设工作情况的报告", info);
        Assert.Matches(@"Author:\s+中共北留镇委员会、北留镇人民政府", info);
    }

    [Fact]
    public void Body_text_lies_inside_the_type_area()
    {
        foreach (var page in Sample.Value.Text.Pages)
        {
            foreach (var line in page.BodyLines)
            {
                Assert.True(line.XMin >= PdfText.Left - Tolerance && line.XMax <= PdfText.Right + Tolerance, $"page {page.Number}: '{line.Text}' x {line.XMin:F1}–{line.XMax:F1}");
                Assert.True(line.CentreY >= PdfText.Top - Tolerance && line.CentreY <= PdfText.Bottom + Tolerance, $"page {page.Number}: '{line.Text}' y {line.CentreY:F1}");
            }
        }
    }

    [Fact]
    public void Every_page_has_its_number_7mm_under_the_type_area_right_on_odd_pages_and_left_on_even_pages()
    {
        var em = 14.0;
        foreach (var page in Sample.Value.Text.Pages)
        {
            var number = page.PageNumber;
            Assert.True(number is not null, $"page {page.Number} has no '— {page.Number} —'");
            var top = number.CentreY - (em / 2);
            Assert.InRange(top, PdfText.Bottom + (7 * PdfText.Mm) - Tolerance, PdfText.Bottom + (7 * PdfText.Mm) + Tolerance);
            if (page.Number % 2 == 1)
            {
                Assert.InRange(number.XMax, PdfText.Right - em - Tolerance, PdfText.Right - em + Tolerance);
            }
            else
            {
                Assert.InRange(number.XMin, PdfText.Left + em - Tolerance, PdfText.Left + em + Tolerance);
            }
        }
    }

    [Fact]
    public void A_full_line_holds_28_characters_and_a_full_page_22_lines()
    {
        var pdf = Sample.Value.Text;
        // Lines that span the type area at the natural glyph advance (justified lines that had to stretch
        // before a number that did not fit are left out): each holds 28 characters.
        var full = pdf.Pages.SelectMany(p => p.BodyLines)
            .Where(l => l.XMin <= PdfText.Left + 2 && l.XMax >= PdfText.Right - 4 && l.Compact.All(CjkText.IsWide))
            .Where(l => Math.Abs(((l.XMax - l.XMin) / l.Compact.Length) - 15.8) < 0.4)
            .ToList();
        Assert.True(full.Count >= 30, $"{full.Count} full lines");
        Assert.All(full, l => Assert.InRange(l.Compact.Length, 27, 29));

        // The pages between the first (title) and the last (signature) are full of text.
        foreach (var page in pdf.Pages.Skip(1).SkipLast(1))
        {
            Assert.InRange(page.BodyLines.Count(), 21, 23);
        }
    }

    [Fact]
    public void Title_glyphs_are_2hao_and_body_glyphs_3hao()
    {
        var pdf = Sample.Value.Text;
        var title = pdf.Pages[0].Lines.Single(l => l.Compact == "中共北留镇委员会");
        Assert.InRange((title.XMax - title.XMin) / title.Compact.Length, 21.5, 22.5);

        var body = pdf.Pages.SelectMany(p => p.BodyLines).First(l => l.Compact.Length == 28 && l.Compact.All(CjkText.IsWide));
        Assert.InRange((body.XMax - body.XMin) / 28, 15.5, 16.5);
    }

    [Fact]
    public void The_pdf_is_reproducible()
    {
        var again = TestPaths.NewTempFolder();
        Assert.Equal(0, CliRunner.Run("build", TestPaths.Sample, "-o", again, "--format", "pdf").ExitCode);
        Assert.Equal(File.ReadAllBytes(SamplePdf), File.ReadAllBytes(Path.Combine(again, "beiliu-2024.pdf")));
    }

    [Fact]
    public void Printing_with_the_fonts_cut_to_the_report_puts_every_word_where_the_whole_fonts_put_it()
    {
        var whole = TestPaths.NewTempFolder();
        Environment.SetEnvironmentVariable(PrintFonts.EnvironmentVariable, "system");
        try
        {
            Assert.Equal(0, CliRunner.Run("build", TestPaths.Sample, "-o", whole, "--format", "pdf").ExitCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PrintFonts.EnvironmentVariable, null);
        }

        var wholePdf = Path.Combine(whole, "beiliu-2024.pdf");
        Assert.Equal(PdfText.Run("pdftotext", "-bbox", wholePdf, "-"), PdfText.Run("pdftotext", "-bbox", SamplePdf, "-"));

        // And every page looks the same, pixel for pixel (poppler's rendering at 72 dpi, in grey).
        var pages = TestPaths.NewTempFolder();
        PdfText.Run("pdftoppm", "-r", "72", "-gray", wholePdf, Path.Combine(pages, "whole"));
        PdfText.Run("pdftoppm", "-r", "72", "-gray", SamplePdf, Path.Combine(pages, "cut"));
        var rendered = Directory.GetFiles(pages, "whole-*.pgm").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Sample.Value.Text.Pages.Count, rendered.Count);
        Assert.All(rendered, page => Assert.True(
            File.ReadAllBytes(page).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(pages, "cut-" + Path.GetFileName(page)["whole-".Length..]))),
            $"{Path.GetFileName(page)} differs"));
        var (cut, full) = (new FileInfo(SamplePdf).Length, new FileInfo(wholePdf).Length);
        log.WriteLine($"PDF with cut fonts {cut} bytes, with the whole fonts {full} bytes");
        Assert.True(cut < full, $"{cut} >= {full}");
    }

    [Fact]
    public void A_pdf_printed_from_the_same_html_is_not_printed_again_and_a_changed_report_is()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "town.yaml");
        File.Copy(TestPaths.Sample, input);
        var output = Path.Combine(folder, "out");
        var pdf = Path.Combine(output, "town.pdf");
        Assert.Equal(0, CliRunner.RunInProcess(["build", input, "-o", output, "--format", "pdf"]).ExitCode);
        var first = File.ReadAllBytes(pdf);
        var stamp = File.GetLastWriteTimeUtc(pdf);

        var before = ChromiumPdfPrinter.Launches;
        Assert.Equal(0, CliRunner.RunInProcess(["build", input, "-o", output, "--format", "pdf"]).ExitCode);
        Assert.Equal(before, ChromiumPdfPrinter.Launches);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(pdf));

        File.WriteAllText(input, File.ReadAllText(input).Replace("扎实推进", "深入推进", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.RunInProcess(["build", input, "-o", output, "--format", "pdf"]).ExitCode);
        Assert.Equal(before + 1, ChromiumPdfPrinter.Launches);
        Assert.NotEqual(first, File.ReadAllBytes(pdf));
    }

    [Fact]
    public void A_missing_browser_is_named_with_an_install_hint_and_md_and_html_still_build()
    {
        foreach (var args in new[] { new[] { "--browser", "/no/such/chromium" }, [] })
        {
            var folder = TestPaths.NewTempFolder();
            using var nowhere = BrowserLocator.LookOnlyIn([]);
            var (code, _, stderr) = CliRunner.RunInProcess(["build", TestPaths.Sample, "-o", folder, "--format", "md,html,pdf", .. args]);

            Assert.Equal(1, code);
            Assert.Contains("RC0801", stderr);
            Assert.Contains("apt install chromium", stderr);
            Assert.Contains("print-ready", stderr);
            Assert.False(File.Exists(Path.Combine(folder, "beiliu-2024.pdf")));
            Assert.True(File.Exists(Path.Combine(folder, "beiliu-2024.md")));
            Assert.True(File.Exists(Path.Combine(folder, "beiliu-2024.html")));
        }
    }

    [Fact]
    public void A_missing_or_broken_browser_is_the_tools_error_not_the_reports()
    {
        var folder = TestPaths.NewTempFolder();
        using (BrowserLocator.LookOnlyIn([]))
        {
            var missing = CliRunner.RunInProcess(["build", TestPaths.Sample, "-o", folder, "--format", "pdf"]);
            Assert.Matches(@"(?m)^reportc: error RC0801: ", missing.Error);
            Assert.DoesNotContain("beiliu-2024.yaml(1,1): error RC0801", missing.Error);
        }

        var broken = CliRunner.RunInProcess(["build", TestPaths.Sample, "-o", folder, "--format", "pdf", "--browser", "/bin/true", "--lang", "zh"]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("reportc: error RC0803: 浏览器“/bin/true”未能启动：它在就绪前就退出了。", broken.Error);

        var github = CliRunner.RunInProcess(["build", TestPaths.Sample, "-o", folder, "--format", "pdf", "--browser", "/bin/true", "--diagnostics", "github"]);
        Assert.Contains("::error title=RC0803::the browser '/bin/true' did not start", github.Output + github.Error);
    }

    [Fact]
    public void Twenty_reports_print_with_one_browser_launch_each_as_if_printed_alone()
    {
        // Two different reports in turn: the tabs are reused, so each PDF must not depend on what the tab printed before.
        var other = Path.Combine(TestPaths.Root, "samples", "shili-2023.yaml");
        var folder = TestPaths.NewTempFolder();
        var inputs = Enumerable.Range(1, 20).Select(i =>
        {
            var path = Path.Combine(folder, $"town-{i:D2}.yaml");
            File.Copy(i % 2 == 0 ? other : TestPaths.Sample, path);
            return path;
        }).ToList();
        var alone = TestPaths.NewTempFolder();
        Assert.Equal(0, CliRunner.Run("build", other, "-o", alone, "--format", "pdf").ExitCode);
        var before = ChromiumPdfPrinter.Launches;
        var clock = Stopwatch.StartNew();

        var (code, _, stderr) = CliRunner.RunInProcess(["build", .. inputs, "-o", Path.Combine(folder, "out"), "--format", "pdf"]);

        clock.Stop();
        Assert.True(code == 0, stderr);
        Assert.Equal(1, ChromiumPdfPrinter.Launches - before);
        Assert.Equal(20, Directory.GetFiles(Path.Combine(folder, "out"), "*.pdf").Length);
        for (var i = 1; i <= 20; i++)
        {
            var expected = i % 2 == 0 ? Path.Combine(alone, "shili-2023.pdf") : SamplePdf;
            Assert.True(
                File.ReadAllBytes(expected).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "out", $"town-{i:D2}.pdf"))),
                $"town-{i:D2}.pdf differs from the same report printed alone");
        }

        log.WriteLine($"20 PDFs in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalMilliseconds / 20:F0} ms per PDF");
    }

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?")]
    private static partial Regex Number();
}
