using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Cli;

/// <summary><c>reportc kinds</c>: the report kinds found, where each comes from, and what it extends.</summary>
internal sealed class KindsCommandDefinition : Command
{
    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    public KindsCommandDefinition()
        : base("kinds", "List the report kinds: id, name, where each comes from, and its sections")
    {
        Add(_templates);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var catalog = new KindCatalog(parse.GetValue(_templates));
        var failed = false;
        foreach (var id in catalog.KnownIds())
        {
            var diagnostics = new DiagnosticBag();
            var kind = catalog.Find(id, diagnostics);
            foreach (var d in diagnostics.ToSortedList())
            {
                error.WriteLine(d.ToString());
            }

            if (kind is null)
            {
                failed = true;
                continue;
            }

            output.WriteLine($"{kind.Id}  {kind.Name}  ({kind.Files.Origin}{(kind.Extends is null ? "" : $", extends {kind.Extends}")})");
            output.WriteLine($"    sections: {string.Join(", ", kind.Sections.Select(s => s.Required ? s.Id : s.Id + "?"))}");
        }

        return failed ? ExitCodes.ReportErrors : ExitCodes.Success;
    }
}
