namespace Reportc.Cli;

internal static class Program
{
    private static int Main(string[] args) => ReportcApp.Run(args, Console.Out, Console.Error, handleSignals: true);
}
