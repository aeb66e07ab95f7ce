using System.CommandLine;
using System.Globalization;
using Reportc.Authoring;
using Reportc.Batch;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Output;
using Reportc.Schema;

namespace Reportc.Cli;

/// <summary><c>reportc init [DIR]</c>: a starter reports repository: project file, one report, editor schema, git diff driver.</summary>
internal sealed class InitCommandDefinition : Command
{
    private readonly Argument<string?> _folder = new("DIR")
    {
        Description = "The folder to start the repository in (default: the current folder)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _kind = new("--kind")
    {
        Description = "The report kind of the first report",
        DefaultValueFactory = _ => "law-based-government",
        HelpName = "KIND",
    };

    private readonly Option<string?> _language = CommonOptions.LanguageOption();

    public InitCommandDefinition()
        : base("init", "Start a reports repository: reportc.yaml, a first report, its editor schema and a .gitattributes for reportc diff")
    {
        Add(_folder);
        Add(_kind);
        Add(_language);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var folder = parse.GetValue(_folder) ?? ".";
        var words = MessageText.For(parse.GetValue(_language));
        var project = Path.Combine(folder, InputFiles.ProjectFileName);
        if (File.Exists(project))
        {
            error.WriteLine("reportc: " + words.Format("ProjectExists", project));
            return ExitCodes.ReportErrors;
        }

        var kind = new KindCatalog().Find(parse.GetValue(_kind)!, new DiagnosticBag());
        if (kind is null)
        {
            error.WriteLine("reportc: " + words.Format("UnknownKindKnown", parse.GetValue(_kind), string.Join(", ", new KindCatalog().KnownIds())));
            return ExitCodes.Usage;
        }

        var version = typeof(InitCommandDefinition).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var year = DateTime.Now.Year - 1;
        var report = Path.Combine(folder, "reports", $"{kind.Id}-{year.ToString(CultureInfo.InvariantCulture)}.yaml");
        var files = new (string Path, string Text)[]
        {
            (project, $"""
                # reportc project: `reportc build` here builds every report below into out/.
                inputs: [reports/**/*.yaml]
                output: out
                formats: [md, html]
                # templates: kinds        # a folder of your own report kinds
                warnaserror: false
                """ + "\n"),
            (Path.Combine(folder, "reports", $"{kind.Id}.schema.json"), JsonSchemaWriter.Write(kind)),
            (report, Skeleton.Write(kind, year, $"{kind.Id}.schema.json", words)),
            (Path.Combine(folder, ".gitattributes"), "# git diff shows reportc's metric table for report files (git config diff.reportc.command \"reportc diff\")\nreports/**/*.yaml diff=reportc\n"),
            (Path.Combine(folder, ".gitignore"), "out/\n"),
            (Path.Combine(folder, ".config", "dotnet-tools.json"), ToolManifest(version)),
            (Path.Combine(folder, "nuget.config"), NugetConfig),
        };
        foreach (var (path, text) in files.Where(f => !File.Exists(f.Path)))
        {
            AtomicFile.Write(path, text);
            output.WriteLine(words.Format("Wrote", path));
        }

        // CI installs reportc from tools/ (nuget.config), at the version the manifest pins: this reportc's own
        // package when it runs from one (a dotnet tool keeps its .nupkg where it was installed).
        var package = Path.Combine(folder, "tools", PackageName(version));
        var own = OwnPackage(version);
        if (!File.Exists(package) && own is not null)
        {
            AtomicFile.Write(package, File.ReadAllBytes(own));
            output.WriteLine(words.Format("Wrote", package));
        }

        output.WriteLine();
        output.WriteLine(words.Format("InitNext", report));
        output.WriteLine(words.Get("InitDiffDriver"));
        if (!File.Exists(package))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(package)!);
            output.WriteLine(words.Format("InitPackage", PackageName(version), Path.Combine(folder, "tools")));
        }

        return ExitCodes.Success;
    }

    private static string PackageName(string version) => $"reportc.{version}.nupkg";

    /// <summary>
    /// The package this reportc was installed from: a dotnet tool runs from PACKAGE/VERSION/tools/TFM/any/,
    /// its .nupkg and .nuspec three folders up (global tools' store and the NuGet folder of local tools alike).
    /// </summary>
    internal static string? OwnPackage(string version)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));
        var candidate = Path.Combine(folder, PackageName(version));
        return File.Exists(candidate) && File.Exists(Path.Combine(folder, "reportc.nuspec")) ? candidate : null;
    }

    private static string ToolManifest(string version) => $$"""
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "reportc": {
              "version": "{{version}}",
              "commands": ["reportc"],
              "rollForward": false
            }
          }
        }
        """ + "\n";

    private const string NugetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- `dotnet tool restore` (the CI recipes of reportc's docs/ci) installs reportc from this repository's
             tools/ folder and from nowhere else, so a runner without internet installs it too. Put the
             reportc.VERSION.nupkg that .config/dotnet-tools.json names there, or add your organisation's
             package feed below. -->
        <configuration>
          <packageSources>
            <clear />
            <add key="reportc" value="tools" />
          </packageSources>
        </configuration>
        """ + "\n";
}
