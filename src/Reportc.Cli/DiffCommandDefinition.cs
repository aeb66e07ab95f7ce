using System.CommandLine;
using Reportc.Diff;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc diff OLD NEW</c>: metric by metric and section by section. Also a git external diff driver:
/// git calls it with seven arguments (path, old file, hex, mode, new file, hex, mode).
/// </summary>
internal sealed class DiffCommandDefinition : Command
{
    private readonly CommonOptions _common = new();

    private readonly Argument<string[]> _files = new("OLD NEW")
    {
        Description = "The two report files, older first (or the seven arguments git passes to an external diff driver)",
        Arity = new ArgumentArity(2, 7),
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "text (a table; colour on a terminal), md (a table to paste into a review) or json",
        DefaultValueFactory = _ => "text",
        HelpName = "text|md|json",
    };

    private readonly Option<bool> _words = new("--words")
    {
        Description = "Show the changed paragraphs word by word ([-removed-]{+added+})",
    };

    private readonly Option<string> _color = new("--color")
    {
        Description = "Colour in the text table: auto (on a terminal only), always, never",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|always|never",
    };

    public DiffCommandDefinition()
        : base("diff", "Compare two years of a report: metrics with their change, and sections added, removed or changed")
    {
        _format.AcceptOnlyFromAmong("text", "md", "json");
        _color.AcceptOnlyFromAmong("auto", "always", "never");
        Add(_files);
        Add(_format);
        Add(_words);
        Add(_color);
        Add(_common.Templates);
        Add(_common.Language);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var files = parse.GetValue(_files)!;
        var git = files.Length == 7;
        if (files.Length is not (2 or 7))
        {
            error.WriteLine("reportc: diff takes two files (OLD NEW), or the seven arguments of a git external diff");
            return ExitCodes.Usage;
        }

        var (oldPath, newPath) = git ? (files[1], files[4]) : (files[0], files[1]);
        var compiler = _common.CreateCompiler(parse, ReportCompiler.AllFormats, error);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var failed = false;
        Model.Report? Read(string path)
        {
            if (git && path == "/dev/null")
            {
                return null;
            }

            var (report, diagnostics) = compiler.Load(path);
            foreach (var d in diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
            {
                error.WriteLine(d.ToString());
            }

            failed |= report is null;
            return report;
        }

        var old = Read(oldPath);
        var @new = Read(newPath);
        if (failed)
        {
            // git stops its whole diff when a driver fails: say so and let git go on.
            return git ? ExitCodes.Success : ExitCodes.ReportErrors;
        }

        // Two reports that do not follow one another are still compared, with a word on what is odd (not
        // as git's driver, which compares two versions of one file).
        var text = compiler.Options.Text;
        if (old is not null && @new is not null && !git)
        {
            if (old.Kind.Id != @new.Kind.Id)
            {
                error.WriteLine("reportc: " + text.Format("DiffOtherKinds", old.Kind.Name, @new.Kind.Name));
            }

            if (old.Year >= @new.Year)
            {
                error.WriteLine("reportc: " + text.Format("DiffNotLater", old.Year, @new.Year));
            }

            if (!old.Document.Issuers.SequenceEqual(@new.Document.Issuers))
            {
                error.WriteLine("reportc: " + text.Format("DiffOtherIssuers", string.Join("、", old.Document.Issuers), string.Join("、", @new.Document.Issuers)));
            }
        }

        var diff = ReportDiff.Compare(old, @new);
        var words = parse.GetValue(_words);
        if (git)
        {
            output.WriteLine($"reportc diff a/{files[0]} b/{files[0]}");
        }

        output.Write(parse.GetValue(_format) switch
        {
            "md" => DiffFormatter.Markdown(diff, words, compiler.Options.Text),
            "json" => DiffFormatter.Json(diff),
            _ => DiffFormatter.Text(diff, UseColour(parse.GetValue(_color)!, output), words, compiler.Options.Text),
        });
        return ExitCodes.Success;
    }

    private static bool UseColour(string choice, TextWriter output) => choice switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };
}
