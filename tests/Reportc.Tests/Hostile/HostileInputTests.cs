using System.Text;
using Reportc.Cli;
using Reportc.Kinds;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Hostile;

/// <summary>Odd and hostile files get a located diagnostic and a non-zero exit, never a crash or a hang.</summary>
public sealed class HostileInputTests
{
    private static readonly ReportCompiler Compiler = new(new KindCatalog());

    private static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static void AssertRejectedWith(string path, string code)
    {
        var result = Compiler.Compile(path);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.True(result.HasErrors);
        Assert.Empty(result.Outputs);
        var (exit, _, stderr) = CliRunner.Run("check", path);
        Assert.Equal(ExitCodes.ReportErrors, exit);
        Assert.Contains(code, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    public static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_its_first_alias() => AssertRejectedWith(Write("bomb.yaml", AliasBomb()), "RC0104");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ten_thousand_levels_of_nesting_are_refused_before_they_are_built(bool flow)
    {
        var yaml = flow
            ? new string('[', 10_000) + new string(']', 10_000)
            : string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        AssertRejectedWith(Write("deep.yaml", yaml), "RC0103");
    }

    [Fact]
    public void A_fifty_megabyte_file_is_refused_by_its_size()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        AssertRejectedWith(path, "RC0002");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_report_read_from_a_pipe_builds_and_an_endless_pipe_is_cut_at_the_size_limit(bool endless)
    {
        // A pipe has no length to ask for (reportc check <(…), a named pipe): the bytes are read as they come.
        var fifo = Path.Combine(TestPaths.NewTempFolder(), "report.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var writer = Task.Run(() =>
        {
            try
            {
                using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                var sample = File.ReadAllBytes(TestPaths.Sample);
                for (var i = 0; i < (endless ? 1_000 : 1); i++)
                {
                    pipe.Write(sample);
                }
            }
            catch (IOException)
            {
                // The reader stopped at the limit and closed its end.
            }
        });

        var result = Compiler.Compile(fifo);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        if (endless)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == "RC0002");
        }
        else
        {
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            Assert.Equal(2, result.Outputs.Count);
        }
    }

    [Fact]
    public void Invalid_utf8_that_is_not_gb18030_either_is_named_as_such() =>
        AssertRejectedWith(Write("latin1.yaml", [.. Encoding.ASCII.GetBytes("kind: caf"), 0xE9, 0x0A, 0x80, 0xFF]), "RC0003");

    [Fact]
    public void A_binary_file_is_refused() => AssertRejectedWith(Write("image.yaml", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]), "RC0005");

    [Fact]
    public void A_folder_is_not_a_report_and_a_folder_without_reports_is_said_to_be_empty()
    {
        var folder = TestPaths.NewTempFolder();
        Assert.Contains(Compiler.Compile(folder).Diagnostics, d => d.Code == "RC0001");

        var (exit, _, stderr) = CliRunner.Run("check", folder);
        Assert.Equal(ExitCodes.ReportErrors, exit);
        Assert.Contains("matches no report file", stderr);
    }

    [Fact]
    public void An_empty_file_is_refused() => AssertRejectedWith(Write("empty.yaml", ""), "RC0006");

    [Fact]
    public void A_gb18030_copy_of_the_sample_builds_the_same_output_with_a_warning_naming_the_encoding()
    {
        var text = File.ReadAllText(TestPaths.Sample);
        var gb = Encoding.GetEncoding("GB18030");
        var path = Write("beiliu-2024.yaml", gb.GetBytes(text));

        var copy = Compiler.Compile(path);
        var original = Compiler.Compile(TestPaths.Sample);

        var warning = Assert.Single(copy.Diagnostics);
        Assert.Equal("RC0004", warning.Code);
        Assert.Contains("GB18030", warning.Message);
        Assert.Equal(original.Outputs, copy.Outputs);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16LE")]     // Notepad's "Unicode": with a byte order mark
    [InlineData("utf-16le", "UTF-16LE")]   // without one
    [InlineData("utf-16be", "UTF-16BE")]
    public void A_utf16_copy_of_the_sample_builds_the_same_output_with_a_warning_naming_the_encoding(string encoding, string named)
    {
        var text = File.ReadAllText(TestPaths.Sample);
        var bytes = encoding switch
        {
            "utf-16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            _ => Encoding.BigEndianUnicode.GetBytes(text),
        };
        var path = Write("beiliu-2024.yaml", bytes);

        var copy = Compiler.Compile(path);

        var warning = Assert.Single(copy.Diagnostics);
        Assert.Equal("RC0014", warning.Code);
        Assert.Contains(named, warning.Message);
        Assert.Equal(Compiler.Compile(TestPaths.Sample).Outputs, copy.Outputs);
    }

    [Fact]
    public void Random_bytes_with_zeros_are_refused_as_binary_not_read_as_utf16()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        for (var i = 1; i < bytes.Length; i += 2)
        {
            bytes[i] = 0; // zeros on one side, like UTF-16 ASCII, but no text
        }

        bytes[0] = 0; // and a NUL character
        AssertRejectedWith(Write("noise.yaml", bytes), "RC0005");
    }

    [Fact]
    public void A_bom_and_crlf_line_endings_change_nothing_in_the_output()
    {
        var text = File.ReadAllText(TestPaths.Sample).Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = Write("beiliu-2024.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var copy = Compiler.Compile(path);

        Assert.Empty(copy.Diagnostics);
        Assert.Equal(Compiler.Compile(TestPaths.Sample).Outputs, copy.Outputs);
    }

    [Fact]
    public void An_internal_error_is_one_line_and_exit_code_70_with_the_trace_only_on_request()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, TestReports.WithDuty("    text: 正文。"));
        using var fault = Reportc.Output.OutputSet.InjectFault(() => throw new InvalidOperationException("injected bug"));

        var plain = CliRunner.RunInProcess("build", input);
        Assert.Equal(ExitCodes.InternalError, plain.ExitCode);
        Assert.Contains("internal error", plain.Error);
        Assert.Single(plain.Error.Trim().Split('\n'));

        var traced = CliRunner.RunInProcess("build", input, "--stacktrace");
        Assert.Equal(ExitCodes.InternalError, traced.ExitCode);
        Assert.Contains("   at ", traced.Error);
    }

    [Fact]
    public void A_failure_midway_through_writing_leaves_the_previous_outputs_intact()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, TestReports.WithDuty("    text: 第一版。"));
        Assert.Equal(0, CliRunner.Run("build", input).ExitCode);
        var before = Directory.GetFiles(folder).Order().Select(f => (f, File.ReadAllText(f))).ToList();

        File.WriteAllText(input, TestReports.WithDuty("    text: 第二版。"));
        using (Reportc.Output.OutputSet.InjectFault(() => throw new IOException("disk full (injected)")))
        {
            var (code, _, stderr) = CliRunner.RunInProcess("build", input);
            Assert.Equal(ExitCodes.ReportErrors, code);
            Assert.Contains("RC0601", stderr);
        }

        var after = Directory.GetFiles(folder).Order().Where(f => f != input).Select(f => (f, File.ReadAllText(f))).ToList();
        Assert.Equal(before.Where(x => x.f != input), after);
        Assert.Contains("第一版", File.ReadAllText(Path.ChangeExtension(input, ".md")));
    }
}
