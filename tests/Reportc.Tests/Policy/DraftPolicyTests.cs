using Reportc.Tests.Cli;

namespace Reportc.Tests.Policy;

/// <summary>
/// <c>build</c> refuses a report with TODO markers or empty metrics unless <c>--draft</c>, however the warning
/// is silenced: the policy raises them to errors before --nowarn and reportc-ignore are applied, and whether
/// a build is a draft comes from the bound report, not from what diagnostics are left.
/// </summary>
public sealed class DraftPolicyTests
{
    private static string WriteReport(string duty)
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "r.yaml");
        File.WriteAllText(path, TestReports.WithDuty(duty));
        return path;
    }

    [Fact]
    public void Build_refuses_a_todo_even_when_its_warning_is_silenced_by_nowarn()
    {
        var input = WriteReport("    text: 全年办理TODO件。");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out");

        var (code, stdout, stderr) = CliRunner.Run("build", input, "-o", output, "--nowarn", "RC0409");

        Assert.Equal(1, code);
        Assert.Contains("error RC0409", stdout + stderr);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
    }

    [Fact]
    public void Build_refuses_a_todo_silenced_by_an_ignore_comment_and_says_errors_cannot_be_silenced()
    {
        var input = WriteReport("    text: 全年办理TODO件。   # reportc-ignore RC0409: 稍后补充");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out");

        var (code, stdout, stderr) = CliRunner.Run("build", input, "-o", output);

        Assert.Equal(1, code);
        Assert.Contains("error RC0409", stdout + stderr);
        Assert.Contains("warning RC0016", stdout + stderr);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
    }

    [Fact]
    public void A_draft_build_with_the_todo_warning_silenced_is_still_marked_as_a_draft()
    {
        var input = WriteReport("    text: 全年办理TODO件。");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out");

        var (code, stdout, stderr) = CliRunner.Run("build", input, "-o", output, "--draft", "--nowarn", "RC0409");

        Assert.Equal(0, code);
        Assert.DoesNotContain("RC0409", stdout + stderr);
        Assert.Contains("<p class=\"draft-banner\">", File.ReadAllText(Path.Combine(output, "r.html")));
    }

    [Fact]
    public void Check_still_lets_nowarn_silence_a_todo()
    {
        var input = WriteReport("    text: 全年办理TODO件。");

        var (code, stdout, stderr) = CliRunner.Run("check", input, "--nowarn", "RC0409");

        Assert.Equal(0, code);
        Assert.DoesNotContain("RC0409", stdout + stderr);
    }

    [Fact]
    public void A_descriptor_is_found_by_its_code_in_any_case_and_an_unknown_code_is_not()
    {
        Assert.Same(Reportc.Diagnostics.Descriptors.TodoInText, Reportc.Diagnostics.Descriptors.Find("rc0409"));
        Assert.Null(Reportc.Diagnostics.Descriptors.Find("RC9999"));
    }
}
