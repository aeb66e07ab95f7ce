namespace Reportc.Diagnostics;

/// <summary>How serious a diagnostic is; errors stop a report from being written.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
