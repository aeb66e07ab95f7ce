namespace Reportc.Import;

/// <summary>
/// One block of an imported document, whatever its format: a paragraph (its text, bold runs written as
/// <c>**…**</c>, line breaks inside it as <c>\n</c>) or a table (its rows of cell texts). <see cref="Line"/> is
/// where it starts: the line of a text file, the paragraph's number in a Word file or web page.
/// </summary>
internal sealed record SourceBlock(int Line, string Text, int HeadingLevel = 0, IReadOnlyList<IReadOnlyList<string>>? Rows = null)
{
    public bool IsTable => Rows is not null;
}

/// <summary>A document read by one of the readers: its blocks in reading order.</summary>
internal sealed record SourceDocument(string Path, IReadOnlyList<SourceBlock> Blocks);
