using System.Text.RegularExpressions;
using Reportc.Kinds;
using Reportc.Rendering;
using Scriban.Runtime;

namespace Reportc.Tests.Unit;

/// <summary>The names a template may read are declared once (TemplateView): the model has them, docs/kinds.md lists them.</summary>
public sealed partial class TemplateViewTests
{
    [Theory]
    [InlineData("beiliu-2024")]
    [InlineData("shili-2024")]
    [InlineData("shili-xinxi-2024")]
    public void The_model_of_a_sample_has_exactly_the_declared_names(string sample)
    {
        var compiler = new ReportCompiler(new KindCatalog());
        var report = compiler.Load(Path.Combine(TestPaths.Root, "samples", sample + ".yaml")).Report!;
        var model = ReportModel.Build(Reportc.Binding.NarrativeReferences.Bind(report, null), new MarkdownFormatter(), "", "", draft: false);

        Assert.Equal(TemplateView.Globals.Order(StringComparer.Ordinal), model.Keys.Order(StringComparer.Ordinal));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Objects(model))
        {
            seen.Add(item.Name);
            Assert.True(TemplateView.Objects.TryGetValue(item.Name, out var declared), item.Name);
            Assert.Equal(declared.Order(StringComparer.Ordinal), item.Keys.Order(StringComparer.Ordinal));
        }

        Assert.Equal(TemplateView.Objects.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_kinds_md_lists_every_name_of_the_template_view_and_no_other()
    {
        var docs = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "kinds.md"));
        var table = TableRow().Matches(docs).ToDictionary(
            m => m.Groups["object"].Value,
            m => Name().Matches(m.Groups["members"].Value).Select(n => n.Groups[1].Value).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(TemplateView.Objects.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, members) in TemplateView.Objects)
        {
            Assert.Equal(members.Order(StringComparer.Ordinal), table[name]);
        }

        var sentence = docs[docs.IndexOf("they see `report`", StringComparison.Ordinal)..docs.IndexOf("and no other name", StringComparison.Ordinal)];
        Assert.Equal(TemplateView.Globals.Order(StringComparer.Ordinal), Name().Matches(sentence).Select(n => n.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<TemplateObject> Objects(object? value) => value switch
    {
        TemplateObject o => o.Values.SelectMany(Objects).Prepend(o),
        ScriptArray a => a.SelectMany(Objects),
        ScriptObject o => o.Values.SelectMany(Objects),
        _ => [],
    };

    [GeneratedRegex(@"^\| `(?<object>[a-z_\[\]]+)`[^|]*\| (?<members>`[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex Name();
}
