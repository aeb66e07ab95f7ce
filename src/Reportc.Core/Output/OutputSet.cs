namespace Reportc.Output;

/// <summary>A write that failed; <see cref="Path"/> names the output it was for.</summary>
public sealed class OutputException(string path, Exception inner) : Exception($"cannot write {path}", inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// Writes the outputs of one report as a set: every file goes to a temporary file beside its target first,
/// and only when all are written are they renamed into place. A failure or a kill before the renames
/// leaves the previous outputs untouched; an unchanged output is not rewritten at all.
/// </summary>
public static class OutputSet
{
    // For tests: runs after the temporary files are written, before any rename. Flows with the caller only.
    private static readonly AsyncLocal<Action?> Fault = new();

    /// <summary>For tests: injects a fault between writing the temporary files and renaming them.</summary>
    internal static IDisposable InjectFault(Action fault)
    {
        Fault.Value = fault;
        return new Reset();
    }

    /// <summary>Writes <paramref name="files"/>; returns each path with whether it was (re)written.</summary>
    public static IReadOnlyList<(string Path, bool Written)> Write(IReadOnlyList<(string Path, byte[] Content)> files)
    {
        var pending = new List<(string Target, string Temporary)>();
        var result = new List<(string, bool)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var temporary = Try(path, () => AtomicFile.WriteTemporary(path, content));
                result.Add((path, temporary is not null));
                if (temporary is not null)
                {
                    pending.Add((path, temporary));
                }
            }

            try
            {
                Fault.Value?.Invoke();
            }
            catch (IOException e)
            {
                throw new OutputException(files[0].Path, e);
            }
            foreach (var (target, temporary) in pending.ToList())
            {
                Try(target, () =>
                {
                    File.Move(temporary, target, overwrite: true);
                    return target;
                });
                pending.Remove((target, temporary));
            }

            return result;
        }
        finally
        {
            foreach (var (_, temporary) in pending)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (IOException)
                {
                    // Best effort: a stray temporary file is harmless and named as one.
                }
            }
        }
    }

    private static T Try<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new OutputException(path, e);
        }
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Fault.Value = null;
    }
}
