using Reportc.Diagnostics;

namespace Reportc;

/// <summary>What compiling one report file gave: its diagnostics and, when it has no errors, its outputs.</summary>
public sealed record Compilation(string InputPath, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<RenderedOutput> Outputs)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>One rendered output: its format (<c>md</c>, <c>html</c>) and text.</summary>
public sealed record RenderedOutput(string Format, string Content);
