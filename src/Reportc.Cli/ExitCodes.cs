namespace Reportc.Cli;

/// <summary>The process exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ReportErrors = 1;
    public const int Usage = 2;
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C, SIGINT, SIGTERM or SIGHUP (128 + SIGINT, as shells report it, whichever the signal).</summary>
    public const int Cancelled = 130;
}
