namespace Reportc.Loading;

/// <summary>A font file in a <c>fonts/</c> folder: the folder it must stay inside, its name there, and how messages name it.</summary>
public sealed record FontSource(string Root, string Name, string DisplayPath);

/// <summary>The font files a report's or a kind's <c>fonts/</c> folder holds (Rendering.FontFolder embeds them).</summary>
public static class FontFiles
{
    /// <summary>The file name endings of the fonts embedded.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>([".ttf", ".otf", ".woff", ".woff2"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The font files in <c>fonts/</c> under <paramref name="root"/>; <paramref name="display"/> is how messages name that root.</summary>
    public static IEnumerable<FontSource> In(string root, string display)
    {
        var folder = Path.Combine(root, "fonts");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        if (RealPath.Of(folder) is not { } real || RealPath.Of(root) is not { } realRoot || !RealPath.IsInside(real, realRoot))
        {
            // fonts/ itself leads out of the folder: refused as a whole.
            return [new FontSource(root, "fonts", Path.Combine(display, "fonts"))];
        }

        return Directory.GetFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new FontSource(root, Path.Combine("fonts", f), Path.Combine(display, "fonts", f)));
    }
}
