using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Output;
using Reportc.Schema;

namespace Reportc.Cli;

/// <summary><c>reportc schema [KIND]</c>: the JSON Schema of a kind's report files, for editors.</summary>
internal sealed class SchemaCommandDefinition : Command
{
    private readonly Argument<string?> _kind = new("KIND")
    {
        Description = "The report kind (default: the only kind, when there is one)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the schema to this file instead of standard output",
        HelpName = "FILE",
    };

    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    public SchemaCommandDefinition()
        : base("schema", "Print the JSON Schema (draft-07) of a kind's report files, for the YAML language server")
    {
        Add(_kind);
        Add(_output);
        Add(_templates);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var error = parse.InvocationConfiguration.Error;
        var catalog = new KindCatalog(parse.GetValue(_templates));
        var known = catalog.KnownIds();
        var id = parse.GetValue(_kind) ?? (known.Count == 1 ? known[0] : null);
        if (id is null)
        {
            error.WriteLine($"reportc: name a kind: {string.Join(", ", known)}");
            return ExitCodes.Usage;
        }

        var diagnostics = new DiagnosticBag();
        var kind = catalog.Find(id, diagnostics);
        foreach (var d in diagnostics.ToSortedList())
        {
            error.WriteLine(d.ToString());
        }

        if (kind is null)
        {
            if (diagnostics.Count == 0)
            {
                // A kind name no folder has: a usage error, as for new --kind (a broken kind file is exit 1).
                error.WriteLine($"reportc: unknown kind '{id}'; known kinds: {string.Join(", ", known)}");
                return ExitCodes.Usage;
            }

            return ExitCodes.ReportErrors;
        }

        var schema = JsonSchemaWriter.Write(kind);
        if (parse.GetValue(_output) is { } file)
        {
            AtomicFile.Write(file, schema);
        }
        else
        {
            parse.InvocationConfiguration.Output.Write(schema);
        }

        return ExitCodes.Success;
    }
}
