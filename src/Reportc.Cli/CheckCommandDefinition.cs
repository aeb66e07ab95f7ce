using System.CommandLine;
using Reportc.Batch;

namespace Reportc.Cli;

/// <summary><c>reportc check FILE...</c>: every check of <c>build</c>, templates included, without writing anything.</summary>
internal sealed class CheckCommandDefinition : Command
{
    private readonly CommonOptions _common = new();

    public CheckCommandDefinition()
        : base("check", "Check report files without writing outputs; exit code 1 when any has errors")
    {
        _common.AddTo(this);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var project = _common.ReadProject(parse, error, out var projectFailed);
        var inputs = projectFailed ? null : _common.ResolveInputs(parse, project, error);
        var compiler = inputs is null ? null : _common.CreateCompiler(parse, ReportCompiler.AllFormats, error, project: project);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var writer = new DiagnosticWriter(parse.GetValue(_common.Diagnostics)!, compiler.Options.Text, output, error) { Quiet = parse.GetValue(_common.Quiet) };
        var results = BuildBatch.CheckAll(compiler, inputs!);
        foreach (var compilation in results)
        {
            writer.Write(compilation.Diagnostics);
        }

        // The files with errors are named under the summary, as build names the files that failed.
        var failed = results.Where(r => r.HasErrors).Select(r => r.InputPath).ToList();
        writer.Finish(results.Count);
        writer.ListFilesWithErrors(failed);
        return failed.Count > 0 || results.Count == 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }
}
