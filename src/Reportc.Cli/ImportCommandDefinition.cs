using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Import;
using Reportc.Kinds;
using Reportc.Output;

namespace Reportc.Cli;

/// <summary><c>reportc import FILE [--kind KIND] [-o OUT.yaml]</c>: last year's Word file, web page, PDF or text as a report file.</summary>
internal sealed class ImportCommandDefinition : Command
{
    private readonly Argument<string> _file = new("FILE")
    {
        Description = "Last year's report: .docx, .html, .txt, .md; .pdf (with pdftotext), .doc or .wps (with LibreOffice)",
    };

    private readonly Option<string?> _kind = new("--kind")
    {
        Description = "The report kind (default: told from the title)",
        HelpName = "KIND",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "The report file to write (default: FILE's name with .yaml, beside it)",
        HelpName = "OUT.yaml",
    };

    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Overwrite the output file if it exists",
    };

    private readonly Option<string?> _language = CommonOptions.LanguageOption();

    public ImportCommandDefinition()
        : base("import", "Turn last year's report (Word, web page, PDF or text) into a report file")
    {
        Add(_file);
        Add(_kind);
        Add(_output);
        Add(_templates);
        Add(_force);
        Add(_language);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var words = MessageText.For(parse.GetValue(_language));
        var file = parse.GetValue(_file)!;
        var target = parse.GetValue(_output) ?? Path.ChangeExtension(file, ".yaml");
        if (Path.GetFullPath(target) == Path.GetFullPath(file))
        {
            target = Path.ChangeExtension(file, ".imported.yaml");
        }

        if (File.Exists(target) && !parse.GetValue(_force))
        {
            error.WriteLine("reportc: " + words.Format("ExistsUseForce", target));
            return ExitCodes.ReportErrors;
        }

        var result = Importer.Import(file, new KindCatalog(parse.GetValue(_templates)), parse.GetValue(_kind), words);
        foreach (var d in result.Diagnostics)
        {
            error.WriteLine(d.ToString());
        }

        if (result.Yaml is null)
        {
            return ExitCodes.ReportErrors;
        }

        AtomicFile.Write(target, result.Yaml);
        output.WriteLine(result.Summary);
        output.WriteLine(words.Format("Wrote", target));
        return ExitCodes.Success;
    }
}
