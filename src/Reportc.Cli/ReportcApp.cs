using System.CommandLine;

namespace Reportc.Cli;

/// <summary>The command line: parses, runs one command, turns a bug into one line and exit code 70.</summary>
internal static class ReportcApp
{
    // Built anew for each run, as every command is: help words its descriptions in the run's language, and
    // a symbol shared between runs (tests run several at once) would be worded in another run's.
    public static Option<bool> StackTraceOption() => new("--stacktrace")
    {
        Description = "Print the full stack trace of an internal error",
        Recursive = true,
    };


    /// <summary>Every command, built anew for a run.</summary>
    public static IEnumerable<Command> Commands() =>
    [
        new BuildCommandDefinition(),
        new CheckCommandDefinition(),
        new SchemaCommandDefinition(),
        new DiffCommandDefinition(),
        new NewCommandDefinition(),
        new InitCommandDefinition(),
        new KindsCommandDefinition(),
        new ImportCommandDefinition(),
    ];

    /// <summary>
    /// Runs one command line. With <paramref name="handleSignals"/> (the real process, not a test that runs
    /// several commands in one process), SIGINT, SIGTERM and SIGHUP stop the run with exit code 130 (SignalStop).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool handleSignals = false)
    {
        // reportc --help --lang zh: the top level takes the language too (each command has its own --lang).
        var stackTrace = StackTraceOption();
        var root = new RootCommand("reportc: compiles annual reports from YAML (metrics + narrative) to Markdown and HTML") { stackTrace, CommonOptions.LanguageOption() };
        foreach (var command in Commands())
        {
            root.Add(command);
        }

        // Help and usage errors follow --lang (or the system's language) like every other line.
        var text = Diagnostics.MessageText.For(Language(args));
        using var language = HelpLanguage.Apply(root, text);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"reportc: {e.Message}");
            }

            error.WriteLine(text.Get("TryHelp"));
            return ExitCodes.Usage;
        }

        var sayCancelled = () => error.WriteLine("reportc: " + Diagnostics.MessageText.For(Language(args)).Get("Cancelled"));
        using var signals = handleSignals ? SignalStop.Register(sayCancelled) : null;
        var stopped = signals?.Token ?? CancellationToken.None;
        try
        {
            // A signal cancels the command's token; the batch then closes its browser and removes its
            // temporary files, and the run ends with 130 (SignalStop ends it if that takes too long).
            var code = parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, stopped).GetAwaiter().GetResult();
            signals?.Ended();
            if (stopped.IsCancellationRequested)
            {
                sayCancelled();
                return ExitCodes.Cancelled;
            }

            return code;
        }
        catch (OperationCanceledException)
        {
            signals?.Ended();
            sayCancelled();
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"reportc: internal error: {e.GetType().Name}: {e.Message}. This is a bug in reportc; run again with --stacktrace and report it.");
            if (parse.GetValue(stackTrace))
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    // The --lang given, for the few lines printed outside a command.
    private static string? Language(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return args[i]["--lang=".Length..];
            }
        }

        return null;
    }
}
