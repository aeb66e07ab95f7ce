namespace Reportc.Tests.Cli;

public sealed class TemplatesOptionTests
{
    /// <summary>A copy of the built-in kind in a --templates folder, and a small report using it.</summary>
    internal static (string Kinds, string Input) CopyKind()
    {
        var folder = TestPaths.NewTempFolder();
        var kinds = Path.Combine(folder, "kinds");
        var kind = Path.Combine(kinds, "law-based-government");
        Directory.CreateDirectory(kind);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "templates", "law-based-government")))
        {
            File.Copy(file, Path.Combine(kind, Path.GetFileName(file)));
        }

        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, TestReports.WithDuty("    text: 正文。"));
        return (kinds, input);
    }

    [Fact]
    public void A_kind_in_the_templates_folder_is_used_before_the_built_in_one()
    {
        var (kinds, input) = CopyKind();
        var md = Path.Combine(kinds, "law-based-government", "report.sbn-md");
        File.WriteAllText(md, "自定义模板 {{ report.year }}\n");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", kinds, "--format", "md");

        Assert.Equal(0, code);
        Assert.Equal("built 1, failed 0; 0 error(s), 0 warning(s); 1 file(s) written, 0 unchanged", stderr.Trim());
        Assert.Equal("自定义模板 2024\n", File.ReadAllText(Path.ChangeExtension(input, ".md")));
    }

    [Fact]
    public void A_template_syntax_error_is_reported_at_its_place_in_the_template()
    {
        var (kinds, input) = CopyKind();
        var md = Path.Combine(kinds, "law-based-government", "report.sbn-md");
        File.WriteAllText(md, "第一行\n{{ for x in sections }}\n没有结束\n");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", kinds, "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains("report.sbn-md(2,", stderr);
        Assert.Contains("error RC0501", stderr);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".md")));
    }

    [Fact]
    public void An_undefined_variable_in_a_template_is_an_error_at_its_line_and_column()
    {
        var (kinds, input) = CopyKind();
        var md = Path.Combine(kinds, "law-based-government", "report.sbn-md");
        File.WriteAllText(md, "标题\n正文 {{ repot.year }}\n");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", kinds, "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains("report.sbn-md(2,7): error RC0501", stderr);
        Assert.Contains("repot", stderr);
    }

    [Fact]
    public void A_misspelt_member_of_the_template_model_is_an_error_at_its_line_and_column_with_the_member_meant()
    {
        var (kinds, input) = CopyKind();
        var md = Path.Combine(kinds, "law-based-government", "report.sbn-md");
        File.WriteAllText(md, "标题\n{{ doc.titel }}\n");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", kinds, "--format", "md", "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("report.sbn-md(2,8): error RC0501: template error: doc has no member 'titel'; did you mean 'title'?", stderr);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".md")));
    }

    [Theory]
    [InlineData("kinds")]
    [InlineData("schema", "law-based-government")]
    [InlineData("check", "x.yaml")]
    public void A_templates_folder_that_is_not_there_is_a_usage_error_for_every_command(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run([.. args, "--templates", "no-such-kinds-folder"]);
        Assert.Equal(2, code);
        Assert.Contains("--templates: no folder 'no-such-kinds-folder'", stderr);
    }

    [Fact]
    public void An_unknown_kind_is_a_usage_error_for_schema_as_for_new()
    {
        Assert.Equal(2, CliRunner.Run("schema", "no-such-kind").ExitCode);
        Assert.Equal(2, CliRunner.Run("new", "--kind", "no-such-kind", "-o", Path.Combine(TestPaths.NewTempFolder(), "x.yaml")).ExitCode);
    }
}
