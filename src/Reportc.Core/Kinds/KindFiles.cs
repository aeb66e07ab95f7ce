using System.Reflection;

namespace Reportc.Kinds;

/// <summary>The files of one report kind, wherever they live (a folder, or resources inside the tool).</summary>
public abstract class KindFiles
{
    public abstract bool Exists(string name);

    public abstract string Read(string name);

    /// <summary>How a file is named in messages.</summary>
    public abstract string DisplayPath(string name);

    /// <summary>Where the kind comes from, for <c>reportc kinds</c> and messages.</summary>
    public abstract string Origin { get; }

    /// <summary>The length of a file the kind has that is too large to read, else null.</summary>
    public virtual long? TooLarge(string name) => null;

    /// <summary>Font files the kind ships in its <c>fonts/</c> folder, by file name.</summary>
    public virtual IEnumerable<Loading.FontSource> FontFiles() => [];

    /// <summary>Only plain file names inside the kind; a template can never reach outside its kind.</summary>
    protected static bool IsPlainName(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\\', ':']) < 0 && name != "." && name != "..";
}

/// <summary>A kind that extends another: its own files first, then its parent's.</summary>
public sealed class LayeredKindFiles(KindFiles own, KindFiles parent) : KindFiles
{
    public override string Origin => own.Origin;

    public override bool Exists(string name) => own.Exists(name) || parent.Exists(name);

    public override string Read(string name) => own.Exists(name) ? own.Read(name) : parent.Read(name);

    public override string DisplayPath(string name) => own.Exists(name) ? own.DisplayPath(name) : parent.DisplayPath(name);

    public override long? TooLarge(string name) => own.TooLarge(name);

    public override IEnumerable<Loading.FontSource> FontFiles() => own.FontFiles().Concat(parent.FontFiles());
}

/// <summary>
/// A kind in a folder on disk (<c>--templates DIR</c>). Only regular files inside the folder, of at most
/// <see cref="Limit"/> bytes, are its files (<see cref="Loading.ConfinedFile"/>): a symbolic link that leads
/// out of the folder, a device or a FIFO is a file the kind does not have.
/// </summary>
public sealed class DirectoryKindFiles(string folder) : KindFiles
{
    /// <summary>The largest file of a kind (kind.yaml, a template, the stylesheet), as for a report file.</summary>
    public const long Limit = Loading.SourceText.MaxBytes;

    public override string Origin => folder;

    public override bool Exists(string name) => IsPlainName(name) && Loading.ConfinedFile.Exists(folder, name, Limit);

    public override string Read(string name)
    {
        var read = Loading.ConfinedFile.Read(folder, name, Limit);
        return read.Ok
            ? System.Text.Encoding.UTF8.GetString(read.Bytes.AsSpan().StartsWith("\uFEFF"u8) ? read.Bytes.AsSpan(3) : read.Bytes)
            : throw new IOException($"{DisplayPath(name)} is no longer a file of the kind");
    }

    public override string DisplayPath(string name) => Path.Combine(folder, name);

    public override long? TooLarge(string name) =>
        IsPlainName(name) && Loading.ConfinedFile.Locate(folder, name) is { } path && new FileInfo(path).Length is var length && length > Limit ? length : null;

    public override IEnumerable<Loading.FontSource> FontFiles() => Loading.FontFiles.In(folder, folder);
}

/// <summary>
/// A built-in kind, embedded in the tool as resources named <c>kinds/&lt;kind&gt;/&lt;file&gt;</c>. A file the
/// kind does not have comes from <c>kinds/_common/</c>: the built-in kinds share their templates and stylesheet.
/// </summary>
public sealed class EmbeddedKindFiles(Assembly assembly, string kindId) : KindFiles
{
    public const string Common = "_common";

    /// <summary>The shared templates and stylesheet (templates/_common), under every kind folder.</summary>
    public static KindFiles Shared { get; } = new EmbeddedKindFiles(typeof(EmbeddedKindFiles).Assembly, Common);

    public override string Origin => "built-in";

    public override bool Exists(string name) => IsPlainName(name) && Resolve(name) is not null;

    public override string Read(string name)
    {
        using var stream = assembly.GetManifestResourceStream(Resolve(name) ?? "")
            ?? throw new FileNotFoundException($"built-in kind file {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public override string DisplayPath(string name) => $"templates/{(Resolve(name)?.StartsWith($"kinds/{Common}/", StringComparison.Ordinal) == true ? Common : kindId)}/{name}";

    private string? Resolve(string name)
    {
        foreach (var folder in new[] { kindId, Common })
        {
            var resource = $"kinds/{folder}/{name}";
            if (assembly.GetManifestResourceInfo(resource) is not null)
            {
                return resource;
            }
        }

        return null;
    }
}
