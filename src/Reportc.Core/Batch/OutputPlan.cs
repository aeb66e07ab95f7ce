using Reportc.Diagnostics;

namespace Reportc.Batch;

/// <summary>
/// Where each input's outputs go: beside the input, or under the output folder at the input's path
/// relative to the folder or glob it was found under. Two inputs may never claim the same output.
/// </summary>
internal sealed class OutputPlan(string? outputFolder)
{
    private readonly Dictionary<string, string> _claimed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public string PathFor(InputFiles.Input input, string format)
    {
        var name = $"{Path.GetFileNameWithoutExtension(input.Path)}.{format}";
        if (outputFolder is null)
        {
            return Path.Combine(Path.GetDirectoryName(input.Path) ?? ".", name);
        }

        var relative = input.Root is null ? "" : Path.GetDirectoryName(Path.GetRelativePath(input.Root, input.Path)) ?? "";
        return Path.Combine(outputFolder, relative, name);
    }

    /// <summary>Claims the input's outputs; false (with a diagnostic) when another input has them.</summary>
    public bool Claim(InputFiles.Input input, Compilation compilation, MessageText text, List<Diagnostic> diagnostics)
    {
        var key = Path.GetFullPath(PathFor(input, "*"));
        var owner = Path.GetFullPath(input.Path);
        lock (_gate)
        {
            if (_claimed.TryGetValue(key, out var other) && other != owner)
            {
                diagnostics.Add(Diagnostic.Create(Descriptors.SameOutput, SourceSpan.WholeFile(compilation.InputPath), text, PathFor(input, "*"), other));
                return false;
            }

            _claimed[key] = owner;
            return true;
        }
    }
}
