using Reportc.Diagnostics;

namespace Reportc;

/// <summary>What compiling one report file gave: its diagnostics and, when it has no errors, its outputs.</summary>
public sealed record Compilation(string InputPath, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<RenderedOutput> Outputs)
{
    /// <summary>Title, issuers and date of the document, for the PDF's metadata; null when the file did not bind.</summary>
    public DocumentSummary? Document { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>What a PDF says about itself: title, author (the issuing organs) and date.</summary>
public sealed record DocumentSummary(string Title, string Author, DateOnly Date);

/// <summary>One rendered output: its format (<c>md</c>, <c>html</c>, <c>docx</c>) and text, or bytes for a binary format.</summary>
public sealed record RenderedOutput(string Format, string Content)
{
    /// <summary>The file's bytes when the format is binary (docx); null for a text format (then <see cref="Content"/>).</summary>
    public byte[]? Bytes { get; init; }
}
