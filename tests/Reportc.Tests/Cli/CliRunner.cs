using Reportc.Cli;

namespace Reportc.Tests.Cli;

/// <summary>
/// Runs the real command line and captures what it prints: in-process, or, when REPORTC_EXE names a
/// published executable (the Native AOT binary), as that process.
/// </summary>
internal static class CliRunner
{
    public static readonly string? Executable = Environment.GetEnvironmentVariable("REPORTC_EXE") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    public static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        Executable is null ? RunInProcess(args) : RunExecutable(Executable, args);

    /// <summary>In this process always: for tests that inject faults or replace the browser search.</summary>
    public static (int ExitCode, string Output, string Error) RunInProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ReportcApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>As its own process, in <paramref name="folder"/>: for what depends on the working folder.</summary>
    public static (int ExitCode, string Output, string Error) RunIn(string folder, params string[] args) =>
        RunExecutable(Executable ?? Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "reportc.exe" : "reportc"), args, folder);

    private static (int, string, string) RunExecutable(string executable, string[] args, string? folder = null) =>
        Processes.Run(executable, args, folder, new Dictionary<string, string?> { ["DOTNET_CLI_UI_LANGUAGE"] = "en" });
}
