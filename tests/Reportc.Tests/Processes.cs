using System.Diagnostics;
using System.Text;

namespace Reportc.Tests;

/// <summary>
/// The tests' one way to run a program to its end: in a folder, with variables set (or, given null, removed),
/// what it prints on standard output and error captured as UTF-8, and a deadline after which it and its
/// children are killed and the test fails; given <c>input</c>, that is its standard input (UTF-8).
/// </summary>
internal static class Processes
{
    public static (int ExitCode, string Output, string Error) Run(
        string program,
        IEnumerable<string> args,
        string? folder = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? deadline = null,
        string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            RedirectStandardInput = input is not null,
            StandardInputEncoding = input is not null ? new UTF8Encoding(false) : null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var limit = deadline ?? TimeSpan.FromMinutes(10);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not end in {limit.TotalMinutes:0.#} minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
