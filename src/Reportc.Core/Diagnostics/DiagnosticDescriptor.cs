namespace Reportc.Diagnostics;

/// <summary>One entry of the diagnostic table: a stable code, a severity and a message format.</summary>
public sealed record DiagnosticDescriptor(int Number, DiagnosticSeverity Severity, string MessageFormat)
{
    public string Code => $"RC{Number:D4}";
}
