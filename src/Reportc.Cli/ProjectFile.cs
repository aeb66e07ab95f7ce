using Reportc.Diagnostics;
using Reportc.Loading;
using YamlDotNet.RepresentationModel;

namespace Reportc.Cli;

/// <summary>
/// The project file at the root of a reports repository (<c>reportc.yaml</c>): the defaults of a build, so
/// CI runs just <c>reportc build</c>. Paths in it are relative to its folder.
/// </summary>
internal sealed record ProjectFile(
    string Path,
    IReadOnlyList<string> Inputs,
    string? Output,
    IReadOnlyList<string> Formats,
    string? Templates,
    bool WarningsAsErrors,
    string? Language)
{
    private static readonly string[] Keys = ["inputs", "output", "formats", "templates", "warnaserror", "lang"];

    public static ProjectFile? Read(string path, TextWriter error)
    {
        var diagnostics = new DiagnosticBag();
        var source = SourceText.Read(path, diagnostics);
        var root = source is null ? null : YamlLoader.Load(source, diagnostics);
        foreach (var d in diagnostics.ToSortedList())
        {
            error.WriteLine(d.ToString());
        }

        if (root is not YamlMappingNode map)
        {
            if (root is not null)
            {
                error.WriteLine($"{path}(1,1): error: a project file is a mapping of {string.Join(", ", Keys)}");
            }

            return null;
        }

        var ok = true;
        foreach (var key in map.Children.Keys)
        {
            var name = key.KeyText();
            if (!Keys.Contains(name))
            {
                error.WriteLine($"{path}({key.Start.Line},{key.Start.Column}): error: unknown key '{name}'{DidYouMean.Phrase(name, Keys, MessageText.English)}");
                ok = false;
            }
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        string? Relative(string? value) => value is null ? null : System.IO.Path.GetRelativePath(Environment.CurrentDirectory, System.IO.Path.Combine(folder, value));
        List<string> List(string key) => map.Get(key) switch
        {
            YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(v => v.Length > 0)],
            YamlScalarNode { Value: { Length: > 0 } one } => [.. one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            _ => [],
        };
        string? Text(string key) => map.Get(key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;

        var inputs = List("inputs").Select(i => Relative(i)!).ToList();
        if (inputs.Count == 0)
        {
            error.WriteLine($"{path}(1,1): error: 'inputs' names no report files (e.g. inputs: [reports/**/*.yaml])");
            ok = false;
        }

        return ok
            ? new ProjectFile(path, inputs, Relative(Text("output")), List("formats"), Relative(Text("templates")), Text("warnaserror") == "true", Text("lang"))
            : null;
    }
}
