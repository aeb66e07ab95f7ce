using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Cli;

/// <summary>The options <c>build</c> and <c>check</c> share: kinds, language and diagnostics policy.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "Report files (YAML)",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Templates { get; } = new("--templates")
    {
        Description = "A folder of report kinds, searched before the built-in kinds",
        HelpName = "DIR",
    };

    public Option<string> Diagnostics { get; } = new("--diagnostics")
    {
        Description = "How problems are printed: text (path(line,col): error RC…), json, github, sarif",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|github|sarif",
    };

    public Option<string?> Language { get; } = new("--lang")
    {
        Description = "Language of messages: zh or en (default: from the system's UI language)",
        HelpName = "zh|en",
    };

    public Option<bool> WarningsAsErrors { get; } = new("--warnaserror")
    {
        Description = "Treat warnings as errors",
    };

    public Option<string[]> NoWarn { get; } = new("--nowarn")
    {
        Description = "Do not report these warnings or infos (e.g. --nowarn RC0402,RC0405)",
        HelpName = "RC…",
        AllowMultipleArgumentsPerToken = true,
    };

    public CommonOptions()
    {
        Diagnostics.AcceptOnlyFromAmong(DiagnosticWriter.Formats);
        Language.AcceptOnlyFromAmong("zh", "en");

        // An option reportc does not know would otherwise be taken for a file name.
        Files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1 && !File.Exists(t.Value)))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Add(Files);
        command.Add(Templates);
        command.Add(Diagnostics);
        command.Add(Language);
        command.Add(WarningsAsErrors);
        command.Add(NoWarn);
    }

    /// <summary>The compiler the options describe, or null with a usage message.</summary>
    public ReportCompiler? CreateCompiler(ParseResult parse, IReadOnlyCollection<string> formats, TextWriter error, bool todosAreErrors = false)
    {
        var templates = parse.GetValue(Templates);
        if (templates is not null && !Directory.Exists(templates))
        {
            error.WriteLine($"reportc: --templates: no folder '{templates}'");
            return null;
        }

        var noWarn = (parse.GetValue(NoWarn) ?? [])
            .SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return new ReportCompiler(new KindCatalog(templates), new CompilerOptions
        {
            Formats = formats,
            Text = MessageText.For(parse.GetValue(Language)),
            NoWarn = noWarn,
            WarningsAsErrors = parse.GetValue(WarningsAsErrors),
            TodosAreErrors = todosAreErrors,
        });
    }
}
