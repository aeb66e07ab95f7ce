using System.Reflection;
using Reportc.Diagnostics;

namespace Reportc.Kinds;

/// <summary>Finds report kinds: first in a user's folder of kinds, then among the built-in ones. Loads each once.</summary>
public sealed class KindCatalog
{
    private readonly string? _userFolder;
    private readonly Assembly _assembly = typeof(KindCatalog).Assembly;
    private readonly Dictionary<string, ReportKind?> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);

    public KindCatalog(string? userFolder = null) => _userFolder = userFolder;

    /// <summary>The ids of every kind found, sorted.</summary>
    public IReadOnlyList<string> KnownIds()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in _assembly.GetManifestResourceNames())
        {
            var parts = name.Split('/');
            if (parts is ["kinds", var kind, KindLoader.SchemaFile])
            {
                ids.Add(kind);
            }
        }

        if (_userFolder is not null && Directory.Exists(_userFolder))
        {
            foreach (var dir in Directory.GetDirectories(_userFolder))
            {
                if (File.Exists(Path.Combine(dir, KindLoader.SchemaFile)))
                {
                    ids.Add(Path.GetFileName(dir));
                }
            }
        }

        return [.. ids];
    }

    /// <summary>The kind with this id, or null when there is none or it is broken (reported).</summary>
    public ReportKind? Find(string id, DiagnosticBag diagnostics)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(id, out var known))
            {
                return known;
            }

            // A kind that extends itself, directly or not, is not found again while it loads.
            if (!_loading.Add(id))
            {
                return null;
            }

            try
            {
                var files = Locate(id);
                var kind = files is null ? null : KindLoader.Load(id, files, diagnostics, parent => parent == id ? LocateBuiltIn(parent, diagnostics) : Find(parent, diagnostics));
                _loaded[id] = kind;
                return kind;
            }
            finally
            {
                _loading.Remove(id);
            }
        }
    }

    // A user's kind may extend the built-in kind of the same id (a county's own version of it).
    private ReportKind? LocateBuiltIn(string id, DiagnosticBag diagnostics)
    {
        var embedded = new EmbeddedKindFiles(_assembly, id);
        return embedded.Exists(KindLoader.SchemaFile) ? KindLoader.Load(id, embedded, diagnostics, _ => null) : null;
    }

    private KindFiles? Locate(string id)
    {
        if (id.Length == 0 || id.IndexOfAny(['/', '\\', '.', ':']) >= 0)
        {
            return null;
        }

        if (_userFolder is not null)
        {
            var folder = Path.Combine(_userFolder, id);
            var files = new DirectoryKindFiles(folder);
            if (files.Exists(KindLoader.SchemaFile))
            {
                return files;
            }
        }

        var embedded = new EmbeddedKindFiles(_assembly, id);
        return embedded.Exists(KindLoader.SchemaFile) ? embedded : null;
    }
}
