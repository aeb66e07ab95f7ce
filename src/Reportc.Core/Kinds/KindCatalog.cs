using System.Reflection;
using Reportc.Diagnostics;

namespace Reportc.Kinds;

/// <summary>Finds report kinds: first in a user's folder of kinds, then among the built-in ones. Loads each once.</summary>
public sealed class KindCatalog
{
    private readonly string? _userFolder;
    private readonly Assembly _assembly = typeof(KindCatalog).Assembly;
    // Each kind with what loading it reported: a broken kind's errors are given again, in full, to every
    // report that names it (it is not "unknown" the second time).
    private readonly Dictionary<string, (ReportKind? Kind, IReadOnlyList<Diagnostic> Diagnostics)> _loaded = new(StringComparer.Ordinal);
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
                if (Loading.ConfinedFile.Locate(_userFolder, Path.Combine(Path.GetFileName(dir), KindLoader.SchemaFile)) is not null)
                {
                    ids.Add(Path.GetFileName(dir));
                }
            }
        }

        return [.. ids];
    }

    /// <summary>The kind with this id, or null when there is none or it is broken (its errors reported, every time).</summary>
    public ReportKind? Find(string id, DiagnosticBag diagnostics)
    {
        lock (_gate)
        {
            if (!_loaded.TryGetValue(id, out var known))
            {
                // A kind that extends itself, directly or not, is not found again while it loads.
                if (!_loading.Add(id))
                {
                    return null;
                }

                try
                {
                    _loaded[id] = known = Load(id);
                }
                finally
                {
                    _loading.Remove(id);
                }
            }

            foreach (var d in known.Diagnostics)
            {
                diagnostics.Add(d);
            }

            return known.Kind;
        }
    }

    /// <summary>Whether a kind of this id exists, broken or not (a broken kind is not an unknown one).</summary>
    public bool Exists(string id) => Locate(id) is not null;

    private (ReportKind?, IReadOnlyList<Diagnostic>) Load(string id)
    {
        var local = new DiagnosticBag();
        var files = Locate(id);
        var kind = files is null ? null : KindLoader.Load(id, files, local, parent => parent == id ? LocateBuiltIn(parent, local) : Find(parent, local));
        return (kind, local.ToSortedList());
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
            // A kind's folder that is a link out of the kinds folder is no kind of it. A kind.yaml too large
            // to read is still this kind's (KindLoader says so), not an unknown kind.
            if (Loading.ConfinedFile.Locate(_userFolder, Path.Combine(id, KindLoader.SchemaFile)) is not null && Loading.ConfinedFile.Locate(folder, KindLoader.SchemaFile) is not null)
            {
                return files;
            }
        }

        var embedded = new EmbeddedKindFiles(_assembly, id);
        return embedded.Exists(KindLoader.SchemaFile) ? embedded : null;
    }
}
