using System.CommandLine;

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
        var compiler = _common.CreateCompiler(parse, ReportCompiler.AllFormats, error);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var writer = new DiagnosticWriter(parse.GetValue(_common.Diagnostics)!, compiler.Options.Text, output, error);
        var files = parse.GetValue(_common.Files)!;
        var failed = 0;
        foreach (var file in files)
        {
            var compilation = compiler.Compile(file);
            writer.Write(compilation.Diagnostics);
            failed += compilation.HasErrors ? 1 : 0;
        }

        writer.Finish(files.Length);
        return failed > 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }
}
