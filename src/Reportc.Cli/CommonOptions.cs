using System.CommandLine;
using Reportc.Batch;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Cli;

/// <summary>The options <c>build</c> and <c>check</c> share: kinds, language and diagnostics policy.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "Report files, folders or globs (reports/**/*.yaml); none: the inputs of reportc.yaml here",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Project { get; } = new("--project")
    {
        Description = "The project file (default: the reportc.yaml of the current folder or the nearest folder above it)",
        HelpName = "FILE",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only problems, and the summary when there are any",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also print the outputs that were unchanged",
    };

    public Option<string?> Templates { get; } = TemplatesOption();

    public Option<string> Diagnostics { get; } = new("--diagnostics")
    {
        Description = "How problems are printed: text (path(line,col): error RC…), json, github, sarif",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|github|sarif",
    };

    public Option<string?> Language { get; } = LanguageOption();

    public Option<bool> WarningsAsErrors { get; } = new("--warnaserror")
    {
        Description = "Treat warnings as errors",
    };

    public Option<string[]> NoWarn { get; } = new("--nowarn")
    {
        Description = "Do not report these warnings or infos (e.g. --nowarn RC0402,RC0405)",
        HelpName = "RC…",
    };

    /// <summary>--lang, the same for every command that prints words.</summary>
    public static Option<string?> LanguageOption()
    {
        var option = new Option<string?>("--lang")
        {
            Description = "Language of messages (and of the comments in files written): zh or en (default: from the system's UI language)",
            HelpName = "zh|en",
        };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    /// <summary>--templates, the same for every command that finds kinds.</summary>
    public static Option<string?> TemplatesOption()
    {
        var option = new Option<string?>("--templates")
        {
            Description = "A folder of report kinds, searched before the built-in kinds",
            HelpName = "DIR",
        };

        // A folder that is not there is a usage error for every command (kinds listed the built-in ones and said nothing).
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } folder && !Directory.Exists(folder))
            {
                result.AddError(MessageText.For(null).Format("NoTemplatesFolder", folder));
            }
        });
        return option;
    }

    public CommonOptions()
    {
        Diagnostics.AcceptOnlyFromAmong(DiagnosticWriter.Formats);

        // An option reportc does not know would otherwise be taken for a file name.
        Files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1 && !File.Exists(t.Value)))
            {
                // Parse errors are worded in the run's language (HelpLanguage sets the UI culture from --lang).
                result.AddError(MessageText.For(null).Format("UnknownOption", token.Value));
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
        command.Add(Project);
        command.Add(Quiet);
        command.Add(Verbose);
    }

    /// <summary>
    /// The project file in force: the one named, else the reportc.yaml of this folder or the nearest folder
    /// above it (as git finds its repository), whether or not files are named: its settings (output
    /// folder, formats, kinds, warnings as errors) hold for them too. Null without one; <paramref name="failed"/>
    /// when one was meant but could not be read.
    /// </summary>
    public ProjectFile? ReadProject(ParseResult parse, TextWriter error, out bool failed)
    {
        failed = false;
        var named = parse.GetValue(Project);
        var path = named ?? (InputFiles.FindProjectFolder(Environment.CurrentDirectory) is { } root
            ? Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, InputFiles.ProjectFileName))
            : null);
        if (path is null)
        {
            return null;
        }

        var project = ProjectFile.Read(path, error);
        failed = project is null;
        return project;
    }

    /// <summary>The report files to work on, or null with a message.</summary>
    public List<InputFiles.Input>? ResolveInputs(ParseResult parse, ProjectFile? project, TextWriter error)
    {
        var given = parse.GetValue(Files) ?? [];
        var patterns = given.Length > 0 ? given : project?.Inputs.ToArray() ?? [];
        if (patterns.Length == 0)
        {
            error.WriteLine($"reportc: name report files, folders or globs, or run in or below a folder with a {InputFiles.ProjectFileName} project file (reportc init writes one)");
            return null;
        }

        var (files, unmatched) = InputFiles.Expand(patterns);
        foreach (var pattern in unmatched)
        {
            error.WriteLine($"reportc: '{pattern}' matches no report file");
        }

        // Run without files in a sub-folder of the repository (one township's folder), the project's reports
        // under that folder are meant, not the whole repository's; each keeps its place in the output tree.
        if (given.Length == 0 && project is not null && InputFiles.Below(Environment.CurrentDirectory, project.Path) is { } here)
        {
            files = [.. files.Where(f => Path.GetFullPath(f.Path).StartsWith(here, StringComparison.Ordinal))];
            if (files.Count == 0)
            {
                error.WriteLine($"reportc: no report of the project's inputs ({string.Join(", ", project.Inputs)}) is in this folder or below it; name files, or run in the project's folder");
                return null;
            }
        }

        // A file named inside the project's inputs keeps its place in the output tree (out/<town>/2024.html
        // whether the whole project is built or that one file).
        return given.Length > 0 && project is not null ? InputFiles.Reroot(files, project.Inputs) : files;
    }

    /// <summary>
    /// The folders that hold the reports worked on: the project's (reportc.yaml's folder) and each folder or
    /// glob root given on the command line. A report in one may name its previous year anywhere inside it.
    /// </summary>
    private string[] ProjectFolders(ParseResult parse, ProjectFile? project)
    {
        var given = parse.GetValue(Files) ?? [];
        var folders = given.Select(InputFiles.RootOf).OfType<string>().Select(Path.GetFullPath);
        return [.. (project is null ? folders : folders.Append(Path.GetDirectoryName(Path.GetFullPath(project.Path))!)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The compiler the options describe, or null with a usage message.</summary>
    public ReportCompiler? CreateCompiler(ParseResult parse, IReadOnlyCollection<string> formats, TextWriter error, bool todosAreErrors = false, ProjectFile? project = null)
    {
        var templates = parse.GetValue(Templates) ?? project?.Templates;
        if (templates is not null && !Directory.Exists(templates))
        {
            error.WriteLine($"reportc: --templates: no folder '{templates}'");
            return null;
        }

        var codes = (parse.GetValue(NoWarn) ?? [])
            .SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var noWarn = codes.Select(v => v.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (codes.FirstOrDefault(code => code.Length != 6 || !code.StartsWith("RC", StringComparison.OrdinalIgnoreCase) || !code[2..].All(char.IsAsciiDigit)) is { } notACode)
        {
            error.WriteLine($"reportc: --nowarn: '{notACode}' is not a diagnostic code (RC and four digits, e.g. --nowarn RC0402,RC0405)");
            return null;
        }

        // A code reportc does not have is most likely a typo that would silence nothing.
        if (codes.FirstOrDefault(code => Descriptors.Find(code) is null) is { } unknown)
        {
            error.WriteLine($"reportc: --nowarn: reportc has no diagnostic {unknown.ToUpperInvariant()} (docs/diagnostics.md lists them)");
            return null;
        }

        return new ReportCompiler(new KindCatalog(templates), new CompilerOptions
        {
            Formats = formats,
            Text = MessageText.For(parse.GetValue(Language) ?? project?.Language),
            NoWarn = noWarn,
            WarningsAsErrors = parse.GetValue(WarningsAsErrors) || project?.WarningsAsErrors == true,
            TodosAreErrors = todosAreErrors,
            ThrowInternalErrors = parse.GetValue<bool>("--stacktrace"),
            ProjectFolders = ProjectFolders(parse, project),
        });
    }
}
