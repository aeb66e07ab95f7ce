using System.CommandLine;
using Reportc.Diff;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc diff OLD NEW</c>: metric by metric and section by section. Also a git external diff driver:
/// git calls it with seven arguments (path, old file, hex, mode, new file, hex, mode), nine for a rename
/// or copy (then the new path and the header: similarity index, rename from, rename to) and one for an
/// unmerged path. A side that is not a readable report is shown as a plain line diff, never hidden.
/// </summary>
internal sealed class DiffCommandDefinition : Command
{
    private readonly CommonOptions _common = new();

    private readonly Argument<string[]> _files = new("OLD NEW")
    {
        Description = "The two report files, older first (or the arguments git passes to an external diff driver: 7, 9 for a rename or copy, 1 for an unmerged path)",
        Arity = new ArgumentArity(1, 9),
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
        var git = files.Length is 1 or 7 or 9;
        if (files.Length is not (1 or 2 or 7 or 9))
        {
            error.WriteLine("reportc: diff takes two files (OLD NEW), or the arguments of a git external diff (7, or 9 for a rename)");
            return ExitCodes.Usage;
        }

        if (files.Length == 1)
        {
            // git asks about an unmerged path with its name only: there is nothing to compare yet.
            output.WriteLine($"* Unmerged path {files[0]}");
            return ExitCodes.Success;
        }

        var (oldPath, newPath) = git ? (files[1], files[4]) : (files[0], files[1]);
        var (oldName, newName) = git ? (files[0], files.Length == 9 ? files[7] : files[0]) : (oldPath, newPath);
        var compiler = _common.CreateCompiler(parse, ReportCompiler.AllFormats, error);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var failed = false;
        Model.Report? Read(string path, string name)
        {
            if (git && path == "/dev/null")
            {
                return null;
            }

            var (report, diagnostics) = compiler.Load(path);
            foreach (var d in diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
            {
                // As git's driver, a side is a temporary copy: name it by its path in the repository.
                error.WriteLine(git ? d.ToString().Replace(path, name, StringComparison.Ordinal) : d.ToString());
            }

            failed |= report is null;
            return report;
        }

        var old = Read(oldPath, oldName);
        var @new = Read(newPath, newName);
        if (failed)
        {
            if (git)
            {
                // git stops its whole diff when a driver fails: show the lines that changed and let git go on.
                WriteLineDiff(output, files, compiler);
                return ExitCodes.Success;
            }

            return ExitCodes.ReportErrors;
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
        // As git's driver, changed text shows word by word: a paragraph is one long line in a report file.
        var words = parse.GetValue(_words) || git;
        if (git)
        {
            output.WriteLine($"reportc diff a/{oldName} b/{newName}");
            WriteGitHeader(output, files);
        }

        output.Write(parse.GetValue(_format) switch
        {
            "md" => DiffFormatter.Markdown(diff, words, compiler.Options.Text),
            "json" => DiffFormatter.Json(diff),
            _ => DiffFormatter.Text(diff, UseColour(parse.GetValue(_color)!, output), words, compiler.Options.Text),
        });
        return ExitCodes.Success;
    }

    // A rename or copy: git's own header lines (similarity index, rename from/to), as git prints them.
    private static void WriteGitHeader(TextWriter output, string[] files)
    {
        if (files.Length == 9 && files[8].Length > 0)
        {
            output.Write(files[8].EndsWith('\n') ? files[8] : files[8] + "\n");
        }
    }

    // The fallback when a side is not a readable report: a unified diff of the lines, as git shows it, of the
    // text the run read (ReportFiles: a file is not read again). A side that could not be read as text at all
    // (binary, not UTF-8 or GB18030, over the size limit) is shown as git shows a binary file.
    private static void WriteLineDiff(TextWriter output, string[] files, ReportCompiler compiler)
    {
        string? Content(string path) => path == "/dev/null" ? "" : compiler.Source(path)?.Text;
        var (oldName, newName) = (files[0], files.Length == 9 ? files[7] : files[0]);
        var (oldSide, newSide) = (files[1] == "/dev/null" ? "/dev/null" : $"a/{oldName}", files[4] == "/dev/null" ? "/dev/null" : $"b/{newName}");
        output.WriteLine($"diff --git a/{oldName} b/{newName}");
        WriteGitHeader(output, files);
        output.WriteLine("reportc: " + compiler.Options.Text.Format("DiffNotReadable"));
        if ((Content(files[1]), Content(files[4])) is not ({ } before, { } after))
        {
            output.WriteLine($"Binary files {oldSide} and {newSide} differ");
            return;
        }

        output.WriteLine($"--- {oldSide}");
        output.WriteLine($"+++ {newSide}");
        output.Write(LineDiff.Hunks(before, after));
    }

    private static bool UseColour(string choice, TextWriter output) => choice switch
    {
        "always" => true,
        "never" => false,
        _ => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };
}
