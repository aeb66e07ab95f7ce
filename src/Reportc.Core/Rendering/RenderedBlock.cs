namespace Reportc.Rendering;

/// <summary>A paragraph or heading of the rendered report, in both output languages.</summary>
/// <param name="Type"><c>paragraph</c>, <c>heading</c> or <c>block</c> (a list, table or quote).</param>
/// <param name="Level">For headings: 2 for （一）, 3 for 1., 4 for （1）.</param>
public sealed record RenderedBlock(string Type, int Level, string Markdown, string Html);
