using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc kinds</c>: the report kinds found, where each comes from and what it extends, and what a
/// report of each holds: its sections (key and heading, optional ones marked) and its tables.
/// </summary>
internal sealed class KindsCommandDefinition : Command
{
    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    private readonly Option<string?> _language = CommonOptions.LanguageOption();

    public KindsCommandDefinition()
        : base("kinds", "List the report kinds: id, name, where each comes from, its sections and tables")
    {
        Add(_templates);
        Add(_language);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var text = MessageText.For(parse.GetValue(_language));
        var catalog = new KindCatalog(parse.GetValue(_templates));
        var failed = false;
        foreach (var id in catalog.KnownIds())
        {
            var diagnostics = new DiagnosticBag(text);
            var kind = catalog.Find(id, diagnostics);
            foreach (var d in diagnostics.ToSortedList())
            {
                error.WriteLine(d.ToString(text));
            }

            if (kind is null)
            {
                failed = true;
                continue;
            }

            var origin = kind.Files.Origin == "built-in" ? text.Get("KindBuiltIn") : kind.Files.Origin;
            var extends = kind.Extends is null ? "" : ", " + text.Format("KindExtends", kind.Extends);
            output.WriteLine(text.Format("KindHeader", kind.Id, kind.Name, origin + extends));
            output.WriteLine("  " + text.Get("KindSections"));
            var width = kind.Sections.Max(s => s.Id.Length);
            foreach (var section in kind.Sections)
            {
                var optional = section.Required ? "" : text.Get("KindOptional");
                output.WriteLine($"    {section.Id.PadRight(width)}  {section.Heading}{optional}");
            }

            if (kind.Tables.Count > 0)
            {
                output.WriteLine("  " + text.Get("KindTables"));
                width = kind.Tables.Max(t => t.Id.Length);
                foreach (var table in kind.Tables)
                {
                    output.WriteLine($"    {table.Id.PadRight(width)}  {table.Caption}");
                }
            }
        }

        return failed ? ExitCodes.ReportErrors : ExitCodes.Success;
    }
}
