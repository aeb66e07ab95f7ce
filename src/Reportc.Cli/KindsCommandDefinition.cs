using System.CommandLine;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Text;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc kinds [KIND...]</c>: the report kinds found, where each comes from and what it extends, and what
/// a report of each holds: its sections (key and heading, optional ones marked) and its tables; for the
/// kinds named, also the metric catalogue (id, label, unit), the ids a clerk writes under metrics:.
/// </summary>
internal sealed class KindsCommandDefinition : Command
{
    private readonly Option<string?> _templates = CommonOptions.TemplatesOption();

    private readonly Option<string?> _language = CommonOptions.LanguageOption();

    private readonly Argument<string[]> _kinds = new("KIND")
    {
        Description = "Only these kinds, each with its metric catalogue (id, label, unit)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public KindsCommandDefinition()
        : base("kinds", "List the report kinds: id, name, where each comes from, its sections and tables; with KIND, its metric catalogue too")
    {
        Add(_kinds);
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
        var named = parse.GetValue(_kinds) ?? [];
        var known = catalog.KnownIds().ToList();
        foreach (var unknown in named.Where(n => !known.Contains(n)))
        {
            error.WriteLine("reportc: " + text.Format("KindUnknown", unknown, string.Join(", ", known)));
        }

        if (named.Any(n => !known.Contains(n)))
        {
            return ExitCodes.Usage;
        }

        foreach (var id in named.Length > 0 ? named.Distinct() : known)
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

            if (named.Length > 0 && kind.Metrics.Count > 0)
            {
                output.WriteLine("  " + text.Get("KindMetrics"));
                width = kind.Metrics.Keys.Max(k => k.Length);
                var labels = kind.Metrics.Values.Max(m => Width(m.Label));
                foreach (var metric in kind.Metrics.Values)
                {
                    var label = metric.Label + new string(' ', labels - Width(metric.Label));
                    output.WriteLine($"    {metric.Id.PadRight(width)}  {label}  {metric.Unit}".TrimEnd());
                }
            }
        }

        return failed ? ExitCodes.ReportErrors : ExitCodes.Success;
    }

    // Columns line up on a terminal: a Chinese character takes two.
    private static int Width(string text) => CjkText.DisplayWidth(text);
}
