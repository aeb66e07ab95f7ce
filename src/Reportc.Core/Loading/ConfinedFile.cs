namespace Reportc.Loading;

/// <summary>Why a file a report or a kind names was not read.</summary>
public enum Refusal
{
    /// <summary>Read.</summary>
    None,

    /// <summary>
    /// Missing, or not allowed: outside the folder (after resolving symbolic links), not a regular file (a
    /// folder, a device, a FIFO), or unreadable. One reason for all of these, so that a message never tells
    /// what exists outside the folder.
    /// </summary>
    MissingOrNotAllowed,

    /// <summary>A regular file inside the folder, larger than the limit.</summary>
    TooLarge,
}

/// <summary>The bytes of a confined file, or why there are none.</summary>
public readonly record struct ConfinedRead(byte[] Bytes, Refusal Refusal)
{
    public bool Ok => Refusal == Refusal.None;
}

/// <summary>
/// Reads the files that a report or a kind names (fonts, a seal image, last year's report, templates) from
/// inside their own folder only: symbolic links are resolved and refused when they lead out of it, only
/// regular files are read (never a device or a FIFO, which could block or never end), and never more than
/// a limit. Reports and kinds come from people other than the one running reportc (a county's CI builds
/// what townships submit), so nothing they name may reach the rest of the machine.
/// </summary>
public static class ConfinedFile
{
    /// <summary>The real path of <paramref name="name"/> inside <paramref name="folder"/>, or null when it is missing or not allowed.</summary>
    public static string? Locate(string folder, string name)
    {
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(name)
            || RealPath.Of(folder) is not { } root)
        {
            return null;
        }

        var resolved = RealPath.Of(Path.Combine(root, name));
        return resolved is not null && RealPath.IsInside(resolved, root) && FileType.IsRegularFile(resolved) ? resolved : null;
    }

    /// <summary>
    /// The real path of <paramref name="name"/>, relative to <paramref name="folder"/>, when it is a regular file
    /// inside <paramref name="folder"/> or inside one of <paramref name="wider"/> that <paramref name="folder"/>
    /// is itself inside (a repository's root: last year's report in a sibling folder); else null.
    /// </summary>
    public static string? Locate(string folder, string name, IReadOnlyList<string> wider)
    {
        if (Locate(folder, name) is { } inside)
        {
            return inside;
        }

        if (wider.Count == 0 || name.Length == 0 || name.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(name)
            || RealPath.Of(folder) is not { } start || RealPath.Of(Path.Combine(start, name)) is not { } resolved)
        {
            return null;
        }

        foreach (var root in wider)
        {
            if (RealPath.Of(root) is { } real && (start == real || RealPath.IsInside(start, real)) && RealPath.IsInside(resolved, real))
            {
                return FileType.IsRegularFile(resolved) ? resolved : null;
            }
        }

        return null;
    }

    /// <summary>The bytes of <paramref name="name"/> inside <paramref name="folder"/>, at most <paramref name="limit"/> of them.</summary>
    public static ConfinedRead Read(string folder, string name, long limit) =>
        Locate(folder, name) is { } path ? ReadLocated(path, limit) : new([], Refusal.MissingOrNotAllowed);

    /// <summary>Reads a file <see cref="Locate"/> found, no further than one byte past the limit.</summary>
    public static ConfinedRead ReadLocated(string path, long limit)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > limit)
            {
                return new([], Refusal.TooLarge);
            }

            var bytes = new byte[length];
            var total = 0;
            while (total < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(total), total) is var got and > 0)
            {
                total += got;
            }

            return new(total == bytes.Length ? bytes : bytes[..total], Refusal.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], Refusal.MissingOrNotAllowed);
        }
    }

    /// <summary>Whether a regular file inside <paramref name="folder"/> exists by that name and is within the limit.</summary>
    public static bool Exists(string folder, string name, long limit) =>
        Locate(folder, name) is { } path && new FileInfo(path).Length <= limit;
}
