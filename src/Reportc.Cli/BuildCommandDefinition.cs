using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Output;

namespace Reportc.Cli;

/// <summary><c>reportc build FILE... [-o DIR] [--format md,html] [--templates DIR]</c>.</summary>
internal sealed class BuildCommandDefinition : Command
{
    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = "Report files (YAML) to build",
        Arity = ArgumentArity.OneOrMore,
    };

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

    private readonly Option<string?> _templates = new("--templates")
    {
        Description = "A folder of report kinds, searched before the built-in kinds",
        HelpName = "DIR",
    };

    public BuildCommandDefinition()
        : base("build", "Check report files and render them to Markdown and HTML")
    {
        // An option reportc does not know would otherwise be taken for a file name.
        _files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && !File.Exists(t.Value)))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        Add(_files);
        Add(_output);
        Add(_format);
        Add(_templates);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var formats = parse.GetValue(_format)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = formats.Where(f => !ReportCompiler.AllFormats.Contains(f)).ToList();
        if (formats.Length == 0 || unknown.Count > 0)
        {
            error.WriteLine($"reportc: unknown output format '{string.Join(",", unknown)}'; choose from: {string.Join(", ", ReportCompiler.AllFormats)}");
            return ExitCodes.Usage;
        }

        var templates = parse.GetValue(_templates);
        if (templates is not null && !Directory.Exists(templates))
        {
            error.WriteLine($"reportc: --templates: no folder '{templates}'");
            return ExitCodes.Usage;
        }

        var compiler = new ReportCompiler(new KindCatalog(templates));
        var outputFolder = parse.GetValue(_output);
        var failed = 0;
        foreach (var file in parse.GetValue(_files)!)
        {
            var compilation = compiler.Compile(file, formats);
            foreach (var diagnostic in compilation.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            if (compilation.HasErrors || !Write(compilation, outputFolder, output, error))
            {
                failed++;
            }
        }

        return failed > 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }

    private static bool Write(Compilation compilation, string? outputFolder, TextWriter output, TextWriter error)
    {
        var folder = outputFolder ?? Path.GetDirectoryName(compilation.InputPath) ?? ".";
        var name = Path.GetFileNameWithoutExtension(compilation.InputPath);
        foreach (var rendered in compilation.Outputs)
        {
            var path = Path.Combine(folder, $"{name}.{rendered.Format}");
            try
            {
                var written = AtomicFile.Write(path, rendered.Content);
                output.WriteLine(written ? $"wrote {path}" : $"unchanged {path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine(Diagnostic.Create(Descriptors.CannotWrite, SourceSpan.WholeFile(compilation.InputPath), path, e.Message));
                return false;
            }
        }

        return true;
    }
}
