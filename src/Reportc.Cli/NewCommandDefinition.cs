using System.CommandLine;
using System.Globalization;
using Reportc.Authoring;
using Reportc.Batch;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Output;
using Reportc.Schema;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc new 2025 --from 2024.yaml</c>: next year's file from this year's; <c>reportc new --kind KIND</c>:
/// a fresh skeleton of a kind, beside its editor schema.
/// </summary>
internal sealed class NewCommandDefinition : Command
{
    private readonly Argument<int?> _year = new("YEAR")
    {
        Description = "The year the new report is about (default: the year after --from's, or last year)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _from = new("--from")
    {
        Description = "This year's report file, to start next year's from",
        HelpName = "FILE",
    };

    private readonly Option<string?> _kind = new("--kind")
    {
        Description = "Write a fresh skeleton of this report kind",
        HelpName = "KIND",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "The file to write (default: the --from file's name with the new year, or KIND-YEAR.yaml)",
        HelpName = "FILE",
    };

    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Overwrite the output file if it exists",
    };

    private readonly Option<string?> _language = CommonOptions.LanguageOption();

    private readonly Option<bool> _keepText = new("--keep-text")
    {
        Description = "With --from: keep last year's text, its years moved on, instead of TODO",
    };

    public NewCommandDefinition()
        : base("new", "Start a report file: next year's from this year's (--from), or a fresh one of a kind (--kind)")
    {
        Add(_year);
        Add(_from);
        Add(_kind);
        Add(_output);
        Add(_templates);
        Add(_force);
        Add(_keepText);
        Add(_language);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var from = parse.GetValue(_from);
        var kindId = parse.GetValue(_kind);
        var words = MessageText.For(parse.GetValue(_language));
        if ((from is null) == (kindId is null))
        {
            error.WriteLine("reportc: " + words.Get("NewNeedsFromOrKind"));
            return ExitCodes.Usage;
        }

        var catalog = new KindCatalog(parse.GetValue(_templates));
        string target;
        string text;
        if (from is not null)
        {
            var compiler = new ReportCompiler(catalog, new CompilerOptions { Text = words });
            var (last, diagnostics) = compiler.Load(from);
            if (last is null)
            {
                foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    error.WriteLine(d.ToString(words));
                }

                return ExitCodes.ReportErrors;
            }

            var year = parse.GetValue(_year) ?? last.Year + 1;
            target = parse.GetValue(_output) ?? Path.Combine(Path.GetDirectoryName(from) ?? ".", NameFor(Path.GetFileName(from), last.Year, year));
            var previous = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(target))!, Path.GetFullPath(from)).Replace('\\', '/');
            var firstLine = compiler.Source(from)!.Lines.FirstOrDefault(l => l.StartsWith("# yaml-language-server:", StringComparison.Ordinal));
            text = NextYear.Write(last, year, previous, firstLine, words, parse.GetValue(_keepText));
        }
        else
        {
            var diagnostics = new DiagnosticBag(words);
            var kind = catalog.Find(kindId!, diagnostics);
            if (kind is null && diagnostics.HasErrors)
            {
                // A kind that is there but broken: what is wrong with it, not "unknown kind".
                foreach (var d in diagnostics.ToSortedList())
                {
                    error.WriteLine(d.ToString(words));
                }

                return ExitCodes.ReportErrors;
            }

            if (kind is null)
            {
                error.WriteLine("reportc: " + words.Format("UnknownKindKnown", kindId, string.Join(", ", catalog.KnownIds())));
                return ExitCodes.Usage;
            }

            var year = parse.GetValue(_year) ?? DateTime.Now.Year - 1;
            target = parse.GetValue(_output) ?? $"{kind.Id}-{year.ToString(CultureInfo.InvariantCulture)}.yaml";
            var schema = $"{kind.Id}.schema.json";
            var schemaPath = Path.Combine(Path.GetDirectoryName(target) ?? "", schema);
            if (File.Exists(target) && !parse.GetValue(_force))
            {
                error.WriteLine("reportc: " + words.Format("ExistsUseForce", target));
                return ExitCodes.ReportErrors;
            }

            // A repository keeps one schema of a kind (reportc init writes it into reports/): a new report below
            // it refers to that one; elsewhere the schema is written beside the new report.
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (ExistingSchema(folder, schema) is { } existing)
            {
                text = Skeleton.Write(kind, year, Path.GetRelativePath(folder, existing).Replace('\\', '/'), words);
            }
            else
            {
                AtomicFile.Write(schemaPath, JsonSchemaWriter.Write(kind));
                output.WriteLine(words.Format("Wrote", schemaPath));
                text = Skeleton.Write(kind, year, schema, words);
            }
        }

        if (File.Exists(target) && !parse.GetValue(_force))
        {
            error.WriteLine("reportc: " + words.Format("ExistsUseForce", target));
            return ExitCodes.ReportErrors;
        }

        AtomicFile.Write(target, text);
        output.WriteLine(words.Format("Wrote", target));
        if (from is not null && OutsideProject(from, target) is { } outside)
        {
            error.WriteLine(words.Format("PreviousOutsideProject", outside.Previous, outside.Both));
        }

        return ExitCodes.Success;
    }

    // The previous year's path the new file names, and a folder holding both, when it leaves the new file's
    // folder and no project (reportc.yaml) holds both files: check and build read it only from a folder they
    // are given or the project's (docs/untrusted-reports.md).
    private static (string Previous, string Both)? OutsideProject(string from, string target)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var last = Path.GetFullPath(from);
        var previous = Path.GetRelativePath(folder, last).Replace('\\', '/');
        if (!previous.StartsWith("../", StringComparison.Ordinal)
            || (InputFiles.FindProjectFolder(folder) is { } root && last.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return null;
        }

        var both = folder;
        while (!last.StartsWith(both.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetDirectoryName(both) is { } up)
        {
            both = up;
        }

        var shown = Path.GetRelativePath(Environment.CurrentDirectory, both);
        return (previous, shown.StartsWith("..", StringComparison.Ordinal) ? both : shown);
    }

    // Inside a reports repository (a reportc.yaml in this folder or above), the kind's schema in this folder
    // or one above it up to the repository's root, or in the root's reports/ folder, where reportc init
    // puts it. Outside one, none: the schema is written beside the report.
    private static string? ExistingSchema(string folder, string schema)
    {
        if (InputFiles.FindProjectFolder(folder) is not { } root)
        {
            return null;
        }

        var candidates = new List<string>();
        for (var here = folder; here is not null && here.Length >= root.Length; here = Path.GetDirectoryName(here))
        {
            candidates.Add(Path.Combine(here, schema));
        }

        return candidates.Append(Path.Combine(root, "reports", schema)).FirstOrDefault(File.Exists);
    }

    // beiliu-2024.yaml → beiliu-2025.yaml; a name without the year gets it appended.
    private static string NameFor(string name, int lastYear, int year)
    {
        var last = lastYear.ToString(CultureInfo.InvariantCulture);
        var next = year.ToString(CultureInfo.InvariantCulture);
        return name.Contains(last, StringComparison.Ordinal)
            ? name.Replace(last, next, StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(name) + "-" + next + Path.GetExtension(name);
    }
}
