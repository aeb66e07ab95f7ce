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

            var files = Locate(id);
            var kind = files is null ? null : KindLoader.Load(id, files, diagnostics);
            _loaded[id] = kind;
            return kind;
        }
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
