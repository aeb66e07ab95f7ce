using Reportc.Kinds;
using Reportc.Tests.Fidelity;

namespace Reportc.Tests.Import;

/// <summary>build → import → build: every sample, from every format reportc writes, comes back as it was.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in new[] { "beiliu-2024", "shili-2023", "shili-2024", "shili-xinxi-2024" })
        {
            foreach (var format in new[] { "md", "html", "pdf", "docx" })
            {
                data.Add(sample, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_built_sample_imports_and_builds_again_to_the_same_text_metrics_and_table_cells(string sample, string format)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(TestPaths.Root, "samples", sample + ".yaml");
        var (code, _, error) = Cli.CliRunner.Run("build", input, "-o", folder, "--format", format == "md" ? "md" : "md," + format);
        Assert.True(code == 0, error);
        var original = new ReportCompiler(new KindCatalog()).Load(input).Report!;

        var result = ImportAssertions.Import(Path.Combine(folder, sample + "." + format));
        var imported = Path.Combine(folder, "back");
        Directory.CreateDirectory(imported);
        var (_, report, markdown, _) = ImportAssertions.Accepted(result, imported, sample + ".yaml");

        var ratio = SequenceRatio.Ratio(ImportAssertions.Strip(File.ReadAllText(Path.Combine(folder, sample + ".md"))), ImportAssertions.Strip(markdown));
        Assert.True(ratio >= 0.995, $"similarity {ratio:F4} < 0.995");
        var values = report.Metrics.Select(m => (m.Value, m.Unit, m.Approximate)).ToHashSet();
        Assert.All(original.Metrics, m => Assert.Contains((m.Value, m.Unit, m.Approximate), values));
        Assert.Equal(original.Document.Issuers, report.Document.Issuers);
        Assert.Equal(original.Document.Date, report.Document.Date);
        Assert.Equal(original.Document.Number, report.Document.Number);
        foreach (var (id, table) in original.Tables)
        {
            var back = report.Tables[id];
            Assert.All(table.Cells, cell => Assert.Equal(cell.Value, back.Cells[cell.Key]));
            var definition = report.Kind.Tables.Single(t => t.Id == id);
            Assert.All(back.Cells.Where(c => !table.Cells.ContainsKey(c.Key)), c => Assert.True(definition.IsComputedColumn(c.Key.Column) || definition.IsComputedRow(c.Key.Row), $"{c.Key}"));
        }
    }
}
