using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Output;

namespace Reportc.Cli;

/// <summary><c>reportc build FILE... [-o DIR] [--format md,html]</c>: checks, then writes the outputs of each error-free file.</summary>
internal sealed class BuildCommandDefinition : Command
{
    private readonly CommonOptions _common = new();

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Folder for the outputs (default: beside each input)",
        HelpName = "DIR",
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Outputs to write, comma-separated: md, html",
        DefaultValueFactory = _ => "md,html",
        HelpName = "md,html",
    };

    public BuildCommandDefinition()
        : base("build", "Check report files and render them to Markdown and HTML")
    {
        _common.AddTo(this);
        Add(_output);
        Add(_format);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var formats = parse.GetValue(_format)!.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = formats.Where(f => !ReportCompiler.AllFormats.Contains(f)).ToList();
        if (formats.Length == 0 || unknown.Count > 0)
        {
            error.WriteLine($"reportc: unknown output format '{string.Join(",", unknown)}'; choose from: {string.Join(", ", ReportCompiler.AllFormats)}");
            return ExitCodes.Usage;
        }

        var compiler = _common.CreateCompiler(parse, formats, error);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var writer = new DiagnosticWriter(parse.GetValue(_common.Diagnostics)!, compiler.Options.Text, output, error);
        var outputFolder = parse.GetValue(_output);
        var files = parse.GetValue(_common.Files)!;
        var failed = 0;
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var compilation = compiler.Compile(file);
            writer.Write(compilation.Diagnostics);
            if (compilation.HasErrors || !Claim(compilation, outputFolder, claimed, compiler.Options.Text, writer)
                || !Write(compilation, outputFolder, compiler.Options.Text, writer))
            {
                failed++;
            }
        }

        writer.Finish(files.Length);
        return failed > 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }

    private static string OutputPath(string input, string? outputFolder, string format) =>
        Path.Combine(outputFolder ?? Path.GetDirectoryName(input) ?? ".", $"{Path.GetFileNameWithoutExtension(input)}.{format}");

    // Two inputs of the same name would overwrite each other's outputs: the second is refused.
    private static bool Claim(Compilation compilation, string? outputFolder, Dictionary<string, string> claimed, MessageText text, DiagnosticWriter writer)
    {
        foreach (var output in compilation.Outputs)
        {
            var path = Path.GetFullPath(OutputPath(compilation.InputPath, outputFolder, output.Format));
            if (claimed.TryGetValue(path, out var owner) && owner != Path.GetFullPath(compilation.InputPath))
            {
                writer.Write([Diagnostic.Create(Descriptors.SameOutput, SourceSpan.WholeFile(compilation.InputPath), text, OutputPath(compilation.InputPath, outputFolder, output.Format), owner)]);
                return false;
            }
        }

        foreach (var output in compilation.Outputs)
        {
            claimed[Path.GetFullPath(OutputPath(compilation.InputPath, outputFolder, output.Format))] = Path.GetFullPath(compilation.InputPath);
        }

        return true;
    }

    private static bool Write(Compilation compilation, string? outputFolder, MessageText text, DiagnosticWriter writer)
    {
        var files = compilation.Outputs.Select(o => (Path: OutputPath(compilation.InputPath, outputFolder, o.Format), o.Content)).ToList();
        try
        {
            foreach (var (path, written) in OutputSet.Write(files))
            {
                writer.Progress(written ? "Wrote" : "Unchanged", path);
            }

            return true;
        }
        catch (OutputException e)
        {
            writer.Write([Diagnostic.Create(Descriptors.CannotWrite, SourceSpan.WholeFile(compilation.InputPath), text, e.Path, e.InnerException?.Message ?? e.Message)]);
            return false;
        }
    }
}
