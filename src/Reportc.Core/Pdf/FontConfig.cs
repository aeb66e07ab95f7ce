using System.Runtime.InteropServices;

namespace Reportc.Pdf;

/// <summary>An installed font face as fontconfig lists it: the names it answers to, its style, and where it is.</summary>
/// <param name="Families">Every family name of the face (fontconfig also lists localised ones).</param>
/// <param name="Weight">CSS weight: 400 regular, 700 bold.</param>
/// <param name="Style">CSS font-style: normal, italic or oblique.</param>
/// <param name="File">The font file.</param>
/// <param name="Index">The face's index in a collection (.ttc), else 0.</param>
/// <param name="Cff">Outlines in CFF (an OpenType .otf/.ttc), not TrueType.</param>
public sealed record SystemFace(IReadOnlyList<string> Families, int Weight, string Style, string File, int Index, bool Cff);

/// <summary>
/// The installed fonts, read from fontconfig, the library Chromium itself asks on Linux. Where there is no
/// fontconfig (Windows, a Mac without it) the list is empty and nothing depends on it.
/// </summary>
internal static unsafe class FontConfig
{
    private static readonly string[] LibraryNames = ["libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig.so"];

    private const int ResultMatch = 0;

    /// <summary>
    /// The installed faces that can be cut to a document's characters: static (not variable) TrueType or
    /// CFF outlines of normal width, in a stable order (file, then index).
    /// </summary>
    public static IReadOnlyList<SystemFace> List()
    {
        if (OperatingSystem.IsWindows() || !TryLoadAny(LibraryNames, out var library))
        {
            return [];
        }

        var init = (delegate* unmanaged[Cdecl]<int>)NativeLibrary.GetExport(library, "FcInit");
        var patternCreate = (delegate* unmanaged[Cdecl]<IntPtr>)NativeLibrary.GetExport(library, "FcPatternCreate");
        var patternDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(library, "FcPatternDestroy");
        var objectSetCreate = (delegate* unmanaged[Cdecl]<IntPtr>)NativeLibrary.GetExport(library, "FcObjectSetCreate");
        var objectSetAdd = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int>)NativeLibrary.GetExport(library, "FcObjectSetAdd");
        var objectSetDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(library, "FcObjectSetDestroy");
        var fontList = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, FontSet*>)NativeLibrary.GetExport(library, "FcFontList");
        var fontSetDestroy = (delegate* unmanaged[Cdecl]<FontSet*, void>)NativeLibrary.GetExport(library, "FcFontSetDestroy");
        var getString = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, byte**, int>)NativeLibrary.GetExport(library, "FcPatternGetString");
        var getInteger = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int*, int>)NativeLibrary.GetExport(library, "FcPatternGetInteger");
        var getBool = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int*, int>)NativeLibrary.GetExport(library, "FcPatternGetBool");
        if (init() == 0)
        {
            return [];
        }

        var pattern = patternCreate();
        var objects = objectSetCreate();
        FontSet* set = null;
        try
        {
            foreach (var name in new[] { "family\0"u8.ToArray(), "style\0"u8.ToArray(), "weight\0"u8.ToArray(), "slant\0"u8.ToArray(), "width\0"u8.ToArray(), "file\0"u8.ToArray(), "index\0"u8.ToArray(), "variable\0"u8.ToArray(), "fontformat\0"u8.ToArray() })
            {
                fixed (byte* n = name)
                {
                    objectSetAdd(objects, n);
                }
            }

            set = fontList(IntPtr.Zero, pattern, objects);
            if (set is null)
            {
                return [];
            }

            var faces = new List<SystemFace>();
            for (var i = 0; i < set->Count; i++)
            {
                var font = set->Fonts[i];
                string? String(ReadOnlySpan<byte> name, int n)
                {
                    byte* value;
                    fixed (byte* p = name)
                    {
                        return getString(font, p, n, &value) == ResultMatch ? Marshal.PtrToStringUTF8((IntPtr)value) : null;
                    }
                }

                int? Integer(ReadOnlySpan<byte> name)
                {
                    int value;
                    fixed (byte* p = name)
                    {
                        return getInteger(font, p, 0, &value) == ResultMatch ? value : null;
                    }
                }

                int variable;
                bool isVariable;
                fixed (byte* p = "variable\0"u8)
                {
                    isVariable = getBool(font, p, 0, &variable) == ResultMatch && variable != 0;
                }

                var format = String("fontformat\0"u8, 0);
                var file = String("file\0"u8, 0);
                var index = Integer("index\0"u8) ?? 0;
                // A weight given as a range (a variable font) is not an integer and is left out with it; so is a
                // named instance of a variable font (an index above 0xFFFF).
                if (isVariable || file is null || format is not ("TrueType" or "CFF") || Integer("weight\0"u8) is not { } weight
                    || (Integer("width\0"u8) ?? 100) != 100 || index >> 16 != 0)
                {
                    continue;
                }

                var families = new List<string>();
                for (var n = 0; String("family\0"u8, n) is { } family; n++)
                {
                    families.Add(family);
                }

                var style = (Integer("slant\0"u8) ?? 0) switch { 0 => "normal", 100 => "italic", _ => "oblique" };
                faces.Add(new SystemFace(families, CssWeight(weight), style, file, index, format == "CFF"));
            }

            return faces.DistinctBy(f => (f.File, f.Index)).OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Index).ToList();
        }
        finally
        {
            if (set is not null)
            {
                fontSetDestroy(set);
            }

            objectSetDestroy(objects);
            patternDestroy(pattern);
        }
    }

    /// <summary>fontconfig's weight scale (80 regular, 200 bold) in CSS numbers, as fontconfig's own FcWeightToOpenType maps it.</summary>
    internal static int CssWeight(int fontconfig)
    {
        ReadOnlySpan<(int Fc, int Css)> map = [(0, 100), (40, 200), (50, 300), (55, 350), (75, 380), (80, 400), (100, 500), (180, 600), (200, 700), (205, 800), (210, 900), (215, 1000)];
        if (fontconfig <= map[0].Fc)
        {
            return map[0].Css;
        }

        for (var i = 1; i < map.Length; i++)
        {
            if (fontconfig <= map[i].Fc)
            {
                var (fc0, css0) = map[i - 1];
                var (fc1, css1) = map[i];
                return css0 + ((fontconfig - fc0) * (css1 - css0) / (fc1 - fc0));
            }
        }

        return map[^1].Css;
    }

    /// <summary>The first of <paramref name="names"/> that loads (a library's file name differs between systems).</summary>
    internal static bool TryLoadAny(string[] names, out IntPtr library)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out library))
            {
                return true;
            }
        }

        library = IntPtr.Zero;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct FontSet
    {
        public int Count;
        public int Size;
        public IntPtr* Fonts;
    }
}
