using System.Text;
using System.Text.RegularExpressions;

namespace Reportc.Batch;

/// <summary>
/// Expands the inputs of a build: files as given, folders (every .yaml/.yml below them) and globs
/// (<c>reports/**/*.yaml</c>). Each file keeps the root it was found under, so outputs mirror the tree.
/// </summary>
internal static class InputFiles
{
    public const string ProjectFileName = "reportc.yaml";

    public sealed record Input(string Path, string? Root);

    /// <summary>The folder of the reportc.yaml in <paramref name="start"/> or the nearest folder above it, as git finds its repository.</summary>
    public static string? FindProjectFolder(string start)
    {
        for (var folder = System.IO.Path.GetFullPath(start); !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (File.Exists(System.IO.Path.Combine(folder, ProjectFileName)))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="folder"/> as a full path ending in a separator when it lies strictly below the folder of
    /// the project file <paramref name="projectFile"/>, else null.
    /// </summary>
    public static string? Below(string folder, string projectFile)
    {
        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(projectFile))! + System.IO.Path.DirectorySeparatorChar;
        var here = System.IO.Path.GetFullPath(folder).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        return here.Length > root.Length && here.StartsWith(root, StringComparison.Ordinal) ? here : null;
    }

    /// <summary>The files, in a stable order, and the patterns that matched nothing.</summary>
    public static (List<Input> Files, List<string> Unmatched) Expand(IEnumerable<string> patterns)
    {
        var files = new List<Input>();
        var unmatched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var found = Match(pattern).ToList();
            if (found.Count == 0 && (pattern.Contains('*') || pattern.Contains('?') || Directory.Exists(pattern)))
            {
                unmatched.Add(pattern);
            }

            foreach (var input in found.Where(i => seen.Add(Path.GetFullPath(i.Path))))
            {
                files.Add(input);
            }
        }

        return (files, unmatched);
    }

    /// <summary>
    /// Each input found under the root of one of <paramref name="patterns"/> (a folder, or a glob's folder
    /// before its first wildcard) takes that root, the deepest one, so that its output lands where building
    /// those patterns would put it.
    /// </summary>
    public static List<Input> Reroot(List<Input> inputs, IEnumerable<string> patterns)
    {
        var roots = patterns.Select(RootOf).OfType<string>().Select(r => (Root: r, Full: Path.GetFullPath(r) + Path.DirectorySeparatorChar)).ToList();
        return [.. inputs.Select(input =>
        {
            var full = Path.GetFullPath(input.Path);
            return roots.Where(r => full.StartsWith(r.Full, StringComparison.Ordinal)).MaxBy(r => r.Full.Length) is { Root: { } root } ? input with { Root = root } : input;
        })];
    }

    /// <summary>The folder a pattern names (a folder, or a glob's folder before its first wildcard), or null for a file.</summary>
    public static string? RootOf(string pattern)
    {
        if (Directory.Exists(pattern))
        {
            return pattern;
        }

        if (!pattern.Contains('*') && !pattern.Contains('?'))
        {
            return null;
        }

        var fixedParts = pattern.Replace('\\', '/').Split('/').TakeWhile(p => !p.Contains('*') && !p.Contains('?')).ToList();
        return fixedParts.Count == 0 ? "." : string.Join("/", fixedParts) is { Length: > 0 } root ? root : "/";
    }

    private static IEnumerable<Input> Match(string pattern)
    {
        if (Directory.Exists(pattern))
        {
            return Reports(pattern).Select(f => new Input(f, pattern));
        }

        if (!pattern.Contains('*') && !pattern.Contains('?'))
        {
            return [new Input(pattern, null)];
        }

        // The folder before the first wildcard is the root; the rest is matched against paths under it.
        var parts = pattern.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => !p.Contains('*') && !p.Contains('?')).ToList();
        var root = fixedParts.Count == 0 ? "." : string.Join("/", fixedParts);
        if (root.Length == 0)
        {
            root = "/";
        }

        var rest = string.Join("/", parts.Skip(fixedParts.Count));
        var regex = new Regex("^" + ToRegex(rest) + "$");
        if (!Directory.Exists(root))
        {
            return [];
        }

        return FilesUnder(root)
            .Select(f => (File: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(x => regex.IsMatch(x.Relative) && !Hidden(x.Relative))
            .Select(x => x.File)
            .Order(StringComparer.Ordinal)
            .Select(f => new Input(f, root));
    }

    private static IEnumerable<string> Reports(string folder) =>
        FilesUnder(folder)
            .Where(f => (f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                && Path.GetFileName(f) != ProjectFileName
                && !Hidden(Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Every file below <paramref name="root"/>, never entering a folder that is a symbolic link (which could
    /// lead out of the tree or back into it, endlessly), and keeping a linked file only when it resolves to a
    /// regular file inside the tree: a submitted folder cannot make a build read, or write beside, files
    /// elsewhere on the machine. A FIFO or a device in the tree is no report either (reading one would block).
    /// </summary>
    private static IEnumerable<string> FilesUnder(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool Link)>(
            root,
            (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToSpecifiedFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory,
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        var realRoot = new Lazy<string?>(() => Loading.RealPath.Of(root));
        return files
            .Where(f => f.Link
                ? realRoot.Value is { } r && Loading.ConfinedFile.Locate(r, Path.GetRelativePath(root, f.Path)) is not null
                : Loading.FileType.IsRegularFile(f.Path))
            .Select(f => f.Path);
    }

    private static bool Hidden(string relative) => relative.Split('/').Any(p => p.StartsWith('.') && p is not "." and not "..");

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
