using System.Globalization;

namespace Reportc.Diagnostics;

/// <summary>A problem found in a user's file, at a place in it.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceSpan Span, string Message)
{
    public DiagnosticSeverity Severity => Descriptor.Severity;

    public string Code => Descriptor.Code;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        new(descriptor, span, string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args));

    /// <summary>MSBuild form, which editors and CI parse: <c>path(line,col): error RC0201: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
