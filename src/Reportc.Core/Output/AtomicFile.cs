using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Reportc.Output;

/// <summary>Writes files whole or not at all: a temporary file beside the target, then a rename.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Folders known to exist (a batch writes thousands of files into a few folders), and temporary names
    // unique to this run (one random part for the process, then a counter).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Folders = new();
    private static readonly string Run = $"{Environment.ProcessId}.{Guid.NewGuid():N}"[..24];
    private static long s_temporaries;

    /// <summary>Writes <paramref name="content"/> unless the file already holds exactly these bytes; true when written.</summary>
    public static bool Write(string path, string content) => Write(path, Utf8NoBom.GetBytes(content));

    /// <summary>Writes <paramref name="bytes"/> unless the file already holds exactly these bytes; true when written.</summary>
    public static bool Write(string path, byte[] bytes)
    {
        var temporary = WriteTemporary(path, bytes);
        if (temporary is null)
        {
            return false;
        }

        try
        {
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A new name beside <paramref name="path"/> for a file of this run: <c>.NAME.PID.RANDOM.N.EXTENSION</c>.</summary>
    internal static string NameBeside(string path, string extension) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Run}.{Interlocked.Increment(ref s_temporaries)}.{extension}");

    /// <summary>The process id a name of <see cref="NameBeside"/> carries, or null for any other name.</summary>
    internal static int? Owner(string path)
    {
        var parts = Path.GetFileName(path).Split('.');
        return parts.Length >= 6 && parts[0].Length == 0 && int.TryParse(parts[^4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a new temporary file in the target's folder and returns its path,
    /// or null when the target already holds exactly these bytes.
    /// </summary>
    public static string? WriteTemporary(string path, byte[] bytes)
    {
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            Folders[folder] = true;
        }

        var temporary = NameBeside(path, "tmp");
        try
        {
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (DirectoryNotFoundException)
            {
                // Removed since this run created it.
                Directory.CreateDirectory(folder);
                handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }

            using (handle)
            {
                RandomAccess.Write(handle, bytes, fileOffset: 0);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return temporary;
    }
}
