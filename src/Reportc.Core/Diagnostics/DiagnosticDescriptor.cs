namespace Reportc.Diagnostics;

/// <summary>One entry of the diagnostic table: a stable code and a severity; the wording is in the resource files.</summary>
public sealed record DiagnosticDescriptor(int Number, DiagnosticSeverity Severity)
{
    public string Code => $"RC{Number:D4}";
}
