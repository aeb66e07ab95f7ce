using Reportc.Cli;

namespace Reportc.Tests.Cli;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ReportcApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
