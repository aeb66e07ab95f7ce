using System.Text.RegularExpressions;

namespace Reportc.Kinds;

/// <summary>A metric known to a report kind: its id, Chinese label and unit.</summary>
public sealed partial record MetricDefinition(string Id, string Label, string? Unit, bool Required = false)
{
    /// <summary>Whether <paramref name="id"/> can name a metric (<c>{{id}}</c> in the text): a letter, then letters, digits and _.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdPattern();
}
