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

    /// <summary>
    /// For bench/run.sh only, which measures what the journal costs: <c>REPORTC_BENCH_WITHOUT_JOURNAL=1</c>
    /// renames a set without it (a build killed between the renames may then leave a report's outputs of
    /// two builds).
    /// </summary>
    public const string WithoutJournalVariable = "REPORTC_BENCH_WITHOUT_JOURNAL";

    private static readonly bool WithoutJournal = Environment.GetEnvironmentVariable(WithoutJournalVariable) == "1";

    /// <summary>Writes <paramref name="files"/>; returns each path with whether it was (re)written.</summary>
    public static IReadOnlyList<(string Path, bool Written)> Write(IReadOnlyList<(string Path, byte[] Content)> files)
    {
        var pending = new List<(string Target, string Temporary)>();
        var result = new List<(string, bool)>();
        string? journal = null;
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

            // A set of two or more files is renamed under a journal naming each rename: a run killed between
            // the renames leaves the journal, and the next build into the folder finishes them (Recover).
            if (pending.Count >= 2 && !WithoutJournal)
            {
                journal = AtomicFile.NameBeside(pending[0].Target, "set");
                Try(pending[0].Target, () =>
                {
                    File.WriteAllLines(journal, pending.Select(p => p.Temporary + "\t" + p.Target));
                    return journal;
                });
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
            if (journal is not null)
            {
                File.Delete(journal);
            }

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

    /// <summary>
    /// Puts <paramref name="folder"/> (and, when <paramref name="recursive"/>, the folders under it, links not
    /// followed) back in order after runs that were killed: the renames of a set that a journal names are
    /// finished, so each report's outputs are all of one build, and the temporary files are removed. Only the
    /// files of runs whose process is gone are touched. Returns how many files it removed or renamed.
    /// </summary>
    public static int Recover(string folder, bool recursive)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, MatchType = MatchType.Simple };
        var done = 0;
        foreach (var journal in Directory.EnumerateFiles(folder, ".*.set", options).Where(Abandoned).ToList())
        {
            foreach (var line in File.ReadAllLines(journal))
            {
                if (line.Split('\t') is [var temporary, var target] && File.Exists(temporary) && AtomicFile.Owner(temporary) == AtomicFile.Owner(journal))
                {
                    File.Move(temporary, target, overwrite: true);
                    done++;
                }
            }

            File.Delete(journal);
            done++;
        }

        foreach (var temporary in Directory.EnumerateFiles(folder, ".*.tmp", options).Where(Abandoned).ToList())
        {
            File.Delete(temporary);
            done++;
        }

        return done;

        static bool Abandoned(string path) => AtomicFile.Owner(path) is { } pid && !Leftovers.IsAlive(pid);
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
