namespace Reportc.Diagnostics;

/// <summary>A problem found in a user's file, at a place in it.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, SourceSpan Span, string Message)
{
    public string Code => Descriptor.Code;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, MessageText text, params object?[] args) =>
        new(descriptor, descriptor.Severity, span, text.Format(descriptor.Code, args));

    /// <summary>MSBuild form, which editors and CI parse: <c>path(line,col): error RC0201: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
