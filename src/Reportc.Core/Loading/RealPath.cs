namespace Reportc.Loading;

/// <summary>
/// A path with every symbolic link in it resolved (as realpath(3) does, on every system .NET runs on), so
/// that what a path names can be compared with a folder it must stay in.
/// </summary>
internal static class RealPath
{
    // As the kernel does (ELOOP): a chain of links longer than this is a loop.
    private const int MaxLinks = 40;

    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The resolved absolute path (its last parts need not exist), or null for a loop or an unreadable link.</summary>
    public static string? Of(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        var current = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                var targetFull = Path.GetFullPath(target);
                current = Path.GetPathRoot(targetFull) ?? "/";
                target = targetFull[current.Length..];
            }

            foreach (var p in Parts(target).Reverse())
            {
                pending.Push(p);
            }
        }

        return current;
    }

    /// <summary>Whether the resolved <paramref name="path"/> is <paramref name="folder"/> itself or below it (both resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, Comparison);
    }

    private static string[] Parts(string path) => path.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
