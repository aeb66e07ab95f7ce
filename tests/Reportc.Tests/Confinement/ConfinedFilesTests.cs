using System.Diagnostics;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Confinement;

/// <summary>
/// A report or a kind submitted by someone else (a township's folder built by the county's CI) reads
/// nothing outside its own folder: links out of it, devices, FIFOs, huge files and files that are not what
/// their name says are refused with a diagnostic at the file or key that named them, in bounded time, and
/// the rest of the batch is built.
/// </summary>
public sealed class ConfinedFilesTests
{
    private const string Secret = "TOKEN_d41d8cd98f00b204e9800998ecf8427e";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    // The first bytes of a TrueType font: enough for the header check, not a usable font.
    private static readonly byte[] TrueTypeStart = [0, 1, 0, 0, 0, 4, 0, 64, 0, 2, 0, 0, 0, 0, 0, 0];

    private static string Report(string documentExtra = "", string top = "") =>
        TestReports.WithDuty("    text: 党政主要负责人认真履行第一责任人职责。").Replace("kind: law-based-government\n", "kind: law-based-government\n" + top, StringComparison.Ordinal)
            .Replace("  date: 2025-01-18\n", "  date: 2025-01-18\n" + documentExtra, StringComparison.Ordinal);

    /// <summary>A folder outside the report's, holding a secret the CI user can read.</summary>
    private static string SecretFile(string name = "secret.txt")
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), name);
        File.WriteAllText(path, Secret);
        return path;
    }

    private static (string Folder, string Report) Township(string yaml)
    {
        var folder = TestPaths.NewTempFolder();
        var report = Path.Combine(folder, "2024.yaml");
        File.WriteAllText(report, yaml);
        return (folder, report);
    }

    private static (int Code, string Error, TimeSpan Took) Build(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (code, _, error) = CliRunner.Run(["build", .. args, "--lang", "en"]);
        return (code, error, clock.Elapsed);
    }

    private static void Mkfifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void A_font_linked_to_a_file_outside_the_folder_is_not_embedded_and_the_report_is_built()
    {
        var (folder, report) = Township(Report());
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        File.CreateSymbolicLink(Path.Combine(folder, "fonts", "仿宋_GB2312.ttf"), SecretFile());

        var (code, error, _) = Build(report);

        Assert.Equal(0, code);
        Assert.Contains("仿宋_GB2312.ttf(1,1): warning RC0017: the font file '", error);
        Assert.Contains("is not embedded: it is missing, or not a regular file inside the folder", error);
        var html = File.ReadAllText(Path.ChangeExtension(report, ".html"));
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret))[..20], html);
        Assert.DoesNotContain("@font-face", html);
    }

    [Fact]
    public void A_font_linked_to_dev_zero_or_a_fifo_is_refused_at_once()
    {
        var (folder, report) = Township(Report());
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        File.CreateSymbolicLink(Path.Combine(folder, "fonts", "仿宋_GB2312.ttf"), "/dev/zero");
        Mkfifo(Path.Combine(folder, "fonts", "黑体.ttf"));

        var (code, error, took) = Build(report);

        Assert.Equal(0, code);
        Assert.Contains("仿宋_GB2312.ttf(1,1): warning RC0017", error);
        Assert.Contains("黑体.ttf(1,1): warning RC0017", error);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void A_font_of_two_hundred_megabytes_is_refused_by_its_size_without_being_read()
    {
        var (folder, report) = Township(Report());
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        using (var file = File.Create(Path.Combine(folder, "fonts", "仿宋_GB2312.ttf")))
        {
            file.Write(TrueTypeStart);
            file.SetLength(200L * 1024 * 1024);
        }

        var (code, error, _) = Build(report);

        Assert.Equal(0, code);
        Assert.Contains("warning RC0017: the font file '", error);
        Assert.Contains("is not embedded: it is larger than 32 MB", error);
        Assert.InRange(new FileInfo(Path.ChangeExtension(report, ".html")).Length, 1, 2 * 1024 * 1024);
    }

    [Fact]
    public void A_file_named_as_a_font_that_is_not_one_is_not_embedded()
    {
        var (folder, report) = Township(Report());
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        File.WriteAllText(Path.Combine(folder, "fonts", "黑体.ttf"), "PATH=/usr/bin\nGITHUB_TOKEN=" + Secret);

        var (code, error, _) = Build(report);

        Assert.Equal(0, code);
        Assert.Contains("is not embedded: it is not a TrueType, OpenType, WOFF or WOFF2 font", error);
        Assert.DoesNotContain("@font-face", File.ReadAllText(Path.ChangeExtension(report, ".html")));
    }

    [Fact]
    public void A_font_file_name_with_a_line_break_and_quotes_stays_inside_its_css_string()
    {
        var (folder, report) = Township(Report());
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        var name = "x\"; }\nbody::before { content: \"FORGED\" } <script>alert(1).ttf";
        File.WriteAllBytes(Path.Combine(folder, "fonts", name), TrueTypeStart);

        var (code, error, _) = Build(report);

        Assert.True(code == 0, error);
        var html = File.ReadAllText(Path.ChangeExtension(report, ".html"));
        var rule = html[html.IndexOf("@font-face", StringComparison.Ordinal)..];
        rule = rule[..rule.IndexOf('\n', StringComparison.Ordinal)];
        Assert.EndsWith("format(\"truetype\"); }", rule);
        Assert.Contains("font-family: \"x\\22 ; }\\A body::before { content: \\22 FORGED\\22  } \\3C script\\3E alert(1)\"; src:", rule);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Theory]
    [InlineData("outside")]
    [InlineData("absolute")]
    [InlineData("device")]
    [InlineData("link")]
    [InlineData("missing")]
    public void A_seal_outside_the_folder_or_on_a_device_is_refused_with_the_wording_of_a_missing_file(string where)
    {
        var outside = Path.Combine(TestPaths.NewTempFolder(), "seal.png");
        File.WriteAllBytes(outside, Png);
        var folder = Path.Combine(TestPaths.NewTempFolder(), "town");
        Directory.CreateDirectory(folder);
        var seal = where switch
        {
            "outside" => Path.GetRelativePath(folder, outside),
            "absolute" => outside,
            "device" => "/dev/zero",
            "link" => "印章.png",
            _ => "无此文件.png",
        };
        if (where == "link")
        {
            File.CreateSymbolicLink(Path.Combine(folder, "印章.png"), outside);
        }

        var report = Path.Combine(folder, "2024.yaml");
        File.WriteAllText(report, Report($"  seal: {seal}\n"));

        var (code, error, took) = Build(report, "--format", "html");

        Assert.Equal(1, code);
        Assert.Contains($"2024.yaml(8,9): error RC0210: the seal image '{seal}' cannot be used: it is missing, or not a regular file inside the folder (links out of the folder, devices and pipes are not read)", error);
        Assert.False(File.Exists(Path.ChangeExtension(report, ".html")));
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void A_seal_inside_the_folder_is_still_printed()
    {
        var (folder, report) = Township(Report("  seal: 印章/seal.png\n"));
        Directory.CreateDirectory(Path.Combine(folder, "印章"));
        File.WriteAllBytes(Path.Combine(folder, "印章", "seal.png"), Png);

        var (code, error, _) = Build(report, "--format", "html");

        Assert.True(code == 0, error);
        Assert.Contains("data:image/png;base64," + Convert.ToBase64String(Png), File.ReadAllText(Path.ChangeExtension(report, ".html")));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("device")]
    [InlineData("outside")]
    public void A_previous_year_on_a_fifo_a_device_or_outside_the_folder_is_refused_without_blocking(string where)
    {
        var (folder, report) = Township("");
        var previous = where switch
        {
            "fifo" => "2023.yaml",
            "device" => "/dev/stdin",
            _ => Path.GetRelativePath(folder, Township(Report().Replace("year: 2024", "year: 2023", StringComparison.Ordinal)).Report),
        };
        if (where == "fifo")
        {
            Mkfifo(Path.Combine(folder, "2023.yaml"));
        }

        File.WriteAllText(report, Report(top: $"previous: {previous}\n"));

        var (code, error, took) = Build(report, "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains($"2024.yaml(2,11): error RC0901: the previous year's report '{previous}' does not exist or is not a regular file inside this file's folder", error);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void A_kind_whose_files_link_out_of_its_folder_copies_nothing_of_them()
    {
        var secret = SecretFile();
        var root = TestPaths.NewTempFolder();
        var kind = Path.Combine(root, "kinds", "county");
        Directory.CreateDirectory(kind);
        File.WriteAllText(Path.Combine(kind, "kind.yaml"), "id: county\nextends: law-based-government\nname: 某县报告\ntemplates:\n  md: report.sbn-md\nstylesheet: style.css\n");
        File.WriteAllText(Path.Combine(kind, "report.sbn-md"), "{{ include 'leak.txt' }}\n");
        File.CreateSymbolicLink(Path.Combine(kind, "leak.txt"), secret);
        File.CreateSymbolicLink(Path.Combine(kind, "style.css"), secret);
        var (folder, report) = Township(Report().Replace("kind: law-based-government", "kind: county", StringComparison.Ordinal));

        var (code, error, _) = Build(report, "--templates", Path.Combine(root, "kinds"), "--format", "md,html");

        Assert.Equal(1, code);
        Assert.Contains("the kind has no file 'leak.txt'", error);
        Assert.DoesNotContain(Secret, error);
        Assert.DoesNotContain(Directory.GetFiles(folder), f => !f.EndsWith(".yaml", StringComparison.Ordinal));

        // Without the include, the report builds, and the stylesheet that links out is not the kind's.
        File.WriteAllText(Path.Combine(kind, "report.sbn-md"), "# {{ doc.title }}\n");
        (code, error, _) = Build(report, "--templates", Path.Combine(root, "kinds"), "--format", "md,html");
        Assert.True(code == 0, error);
        Assert.DoesNotContain(Secret, File.ReadAllText(Path.ChangeExtension(report, ".html")));
    }

    [Fact]
    public void A_kind_yaml_of_sixty_megabytes_is_refused_by_its_size_and_the_other_reports_are_built()
    {
        var kinds = Path.Combine(TestPaths.NewTempFolder(), "kinds");
        var kind = Path.Combine(kinds, "county");
        Directory.CreateDirectory(kind);
        using (var yaml = File.Create(Path.Combine(kind, "kind.yaml")))
        {
            yaml.Write("id: county\nextends: law-based-government\nname: 某县报告\n# "u8);
            yaml.SetLength(60L * 1024 * 1024);
        }

        var root = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(root, "county"));
        Directory.CreateDirectory(Path.Combine(root, "town"));
        File.WriteAllText(Path.Combine(root, "county", "2024.yaml"), Report().Replace("kind: law-based-government", "kind: county", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "town", "2024.yaml"), Report());

        var (code, error, took) = Build(root, "--templates", kinds, "--format", "md");

        Assert.Equal(1, code);
        Assert.True(error.Contains($"{Path.Combine(kind, "kind.yaml")}(1,1): error RC0002: the file is 62,914,560 bytes; a report file or a kind.yaml is read only up to 5,242,880 bytes", StringComparison.Ordinal), error);
        Assert.DoesNotContain("RC0201", error);
        Assert.True(File.Exists(Path.Combine(root, "town", "2024.md")));
        Assert.False(File.Exists(Path.Combine(root, "county", "2024.md")));
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void A_kind_folder_that_is_a_link_out_of_the_kinds_folder_is_not_a_kind()
    {
        var outside = Path.Combine(TestPaths.NewTempFolder(), "county");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "kind.yaml"), "id: county\nextends: law-based-government\nname: 某县报告\n");
        var kinds = Path.Combine(TestPaths.NewTempFolder(), "kinds");
        Directory.CreateDirectory(kinds);
        Directory.CreateSymbolicLink(Path.Combine(kinds, "county"), outside);
        var (_, report) = Township(Report().Replace("kind: law-based-government", "kind: county", StringComparison.Ordinal));

        var (code, error, _) = Build(report, "--templates", kinds, "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains("error RC0201: unknown report kind 'county'", error);
    }

    [Fact]
    public void Folder_links_that_loop_or_lead_out_of_the_tree_are_not_followed_and_the_rest_is_built()
    {
        var outside = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(outside, "elsewhere.yaml"), Report());
        var root = TestPaths.NewTempFolder();
        var town = Path.Combine(root, "reports", "town");
        Directory.CreateDirectory(town);
        File.WriteAllText(Path.Combine(town, "2024.yaml"), Report());
        Directory.CreateSymbolicLink(Path.Combine(town, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(town, "b"), "..");
        Directory.CreateSymbolicLink(Path.Combine(town, "out"), outside);
        File.CreateSymbolicLink(Path.Combine(town, "linked.yaml"), Path.Combine(outside, "elsewhere.yaml"));

        foreach (var input in new[] { Path.Combine(root, "reports"), Path.Combine(root, "reports", "**", "*.yaml") })
        {
            var clock = Stopwatch.StartNew();
            var (code, output, error) = CliRunner.Run("check", input, "--lang", "en");
            Assert.True(code == 0, error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
            Assert.Contains("1 file", output + error);
            Assert.DoesNotContain("elsewhere", output + error);
        }

        var (buildCode, buildError, _) = Build(Path.Combine(root, "reports"), "--format", "md");
        Assert.True(buildCode == 0, buildError);
        Assert.True(File.Exists(Path.Combine(town, "2024.md")));
        Assert.Empty(Directory.GetFiles(outside, "*.md"));
    }

    [Fact]
    public void A_batch_with_every_hostile_file_still_builds_its_good_reports()
    {
        var root = TestPaths.NewTempFolder();
        var good = Path.Combine(root, "good");
        var bad = Path.Combine(root, "bad");
        var worse = Path.Combine(root, "worse");
        Directory.CreateDirectory(good);
        Directory.CreateDirectory(bad);
        Directory.CreateDirectory(Path.Combine(worse, "fonts"));
        File.WriteAllText(Path.Combine(good, "2024.yaml"), Report());
        File.WriteAllText(Path.Combine(bad, "2024.yaml"), Report("  seal: /dev/zero\n"));
        File.CreateSymbolicLink(Path.Combine(worse, "fonts", "仿宋_GB2312.ttf"), "/dev/zero");
        Mkfifo(Path.Combine(worse, "2023.yaml"));
        File.WriteAllText(Path.Combine(worse, "2024.yaml"), Report(top: "previous: 2023.yaml\n"));

        var (code, error, took) = Build(root, "--format", "md,html");

        Assert.Equal(1, code);
        Assert.Contains("RC0210", error);
        Assert.Contains("RC0901", error);
        Assert.Contains("RC0017", error);
        Assert.True(File.Exists(Path.Combine(good, "2024.html")));
        Assert.False(File.Exists(Path.Combine(bad, "2024.html")));
        Assert.False(File.Exists(Path.Combine(worse, "2024.html")));
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }
}
