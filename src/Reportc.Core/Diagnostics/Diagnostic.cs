namespace Reportc.Diagnostics;

/// <summary>
/// A problem found in a user's file, at a place in it. It keeps its code and arguments; the words are chosen
/// by whoever prints it (<see cref="GetMessage"/>), in the language asked for.
/// </summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, SourceSpan Span, IReadOnlyList<object?> Arguments)
{
    public string Code => Descriptor.Code;

    /// <summary>The language of the run that found it, for <see cref="Message"/> and <see cref="ToString"/>.</summary>
    public MessageText Text { get; init; } = MessageText.English;

    /// <summary>The message in the run's language.</summary>
    public string Message => GetMessage(Text);

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceSpan span, MessageText text, params object?[] args) =>
        new(descriptor, descriptor.Severity, span, args) { Text = text };

    /// <summary>The message in <paramref name="text"/>'s language; arguments that are <see cref="MessagePart"/>s are worded in it too.</summary>
    public string GetMessage(MessageText text) => text.Format(Code, [.. Arguments]);

    /// <summary>MSBuild form, which editors and CI parse: <c>path(line,col): error RC0201: message</c>.</summary>
    public override string ToString() => ToString(Text);

    /// <summary>The MSBuild form worded in <paramref name="text"/>'s language.</summary>
    public string ToString(MessageText text) =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()} {Code}: {GetMessage(text)}";
}
