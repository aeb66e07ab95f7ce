using System.Security.Cryptography;

namespace Reportc.Tests.Pdf;

/// <summary>
/// A report's PDF is the same bytes whatever else the batch prints before it, in whatever order, and under
/// whatever locale reportc runs: the disclosure sample (tagged tables) six times in one batch, and once alone
/// under another LANG.
/// </summary>
[Collection("browser")]
public sealed class PdfDeterminismTests
{
    [Fact]
    public void Six_copies_of_the_disclosure_sample_in_one_batch_print_six_identical_pdfs_also_under_another_lang()
    {
        var folder = TestPaths.NewTempFolder();
        var inputs = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
        var sample = Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml");
        for (var i = 1; i <= 6; i++)
        {
            File.Copy(sample, Path.Combine(inputs, $"copy-{i}.yaml"));
        }

        var batch = Path.Combine(folder, "batch");
        using (var run = RunProcess.WithEnvironment(new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" }, "build", inputs, "-o", batch, "--format", "pdf"))
        {
            Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)));
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var hashes = Enumerable.Range(1, 6).Select(i => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(batch, $"copy-{i}.pdf"))))).ToList();
        Assert.Single(hashes.Distinct());

        // Alone, under a Chinese locale.
        var alone = Path.Combine(folder, "alone");
        using (var run = RunProcess.WithEnvironment(new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8", ["LC_ALL"] = "zh_CN.UTF-8", ["LANGUAGE"] = "zh_CN:zh" }, "build", Path.Combine(inputs, "copy-4.yaml"), "-o", alone, "--format", "pdf"))
        {
            Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)));
            Assert.True(run.ExitCode == 0, run.Error);
        }

        Assert.Equal(hashes[0], Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(alone, "copy-4.pdf")))));
    }
}
