using Reportc.Output;

namespace Reportc.Pdf;

/// <summary>
/// A fresh temporary folder only its owner can enter (0700 on Unix): the browser's profile, the print copies.
/// Its name carries the process id, so that the next run removes it if this one is killed (<see cref="Leftovers"/>).
/// </summary>
internal static class PrivateFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Leftovers.Track(path);
        return path;
    }
}
