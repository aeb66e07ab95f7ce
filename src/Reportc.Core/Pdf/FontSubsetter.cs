using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Reportc.Pdf;

/// <summary>
/// Cuts an installed font down to the characters of one document with HarfBuzz's subsetter (libharfbuzz-subset,
/// which Debian's chromium package depends on). Glyph outlines, metrics and every OpenType layout feature
/// of the kept characters stay as they are, so the browser lays the text out exactly as with the whole font.
/// </summary>
internal sealed unsafe class FontSubsetter
{
    private const int LayoutFeatureTags = 6; // HB_SUBSET_SETS_LAYOUT_FEATURE_TAG

    private readonly delegate* unmanaged[Cdecl]<byte*, IntPtr> _blobFromFile;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _blobDestroy;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, uint*, byte*> _blobData;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, uint, IntPtr> _faceCreate;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, uint> _glyphCount;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr> _faceBlob;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _faceDestroy;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, uint, void> _setAdd;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _setClear;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _setInvert;
    private readonly delegate* unmanaged[Cdecl]<IntPtr> _inputCreate;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, void> _inputDestroy;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr> _inputUnicodes;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> _inputSet;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr> _subset;

    // One HarfBuzz face per installed face, for the whole run: the file is mapped once. Faces are safe to
    // share between threads. (HarfBuzz can also prepare a face for many subsets, hb_subset_preprocess, but
    // for a Noto CJK face that took ~0.9 s against 20–30 ms a subset: it pays only after ~40 documents.)
    private readonly ConcurrentDictionary<(string File, int Index), Lazy<IntPtr>> _faces = new();

    private FontSubsetter(IntPtr harfBuzz, IntPtr subset)
    {
        _blobFromFile = (delegate* unmanaged[Cdecl]<byte*, IntPtr>)NativeLibrary.GetExport(harfBuzz, "hb_blob_create_from_file_or_fail");
        _blobDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(harfBuzz, "hb_blob_destroy");
        _blobData = (delegate* unmanaged[Cdecl]<IntPtr, uint*, byte*>)NativeLibrary.GetExport(harfBuzz, "hb_blob_get_data");
        _faceCreate = (delegate* unmanaged[Cdecl]<IntPtr, uint, IntPtr>)NativeLibrary.GetExport(harfBuzz, "hb_face_create");
        _glyphCount = (delegate* unmanaged[Cdecl]<IntPtr, uint>)NativeLibrary.GetExport(harfBuzz, "hb_face_get_glyph_count");
        _faceBlob = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)NativeLibrary.GetExport(harfBuzz, "hb_face_reference_blob");
        _faceDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(harfBuzz, "hb_face_destroy");
        _setAdd = (delegate* unmanaged[Cdecl]<IntPtr, uint, void>)NativeLibrary.GetExport(harfBuzz, "hb_set_add");
        _setClear = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(harfBuzz, "hb_set_clear");
        _setInvert = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(harfBuzz, "hb_set_invert");
        _inputCreate = (delegate* unmanaged[Cdecl]<IntPtr>)NativeLibrary.GetExport(subset, "hb_subset_input_create_or_fail");
        _inputDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(subset, "hb_subset_input_destroy");
        _inputUnicodes = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)NativeLibrary.GetExport(subset, "hb_subset_input_unicode_set");
        _inputSet = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)NativeLibrary.GetExport(subset, "hb_subset_input_set");
        _subset = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr>)NativeLibrary.GetExport(subset, "hb_subset_or_fail");
    }

    /// <summary>The subsetter, or null where HarfBuzz's subsetting library is not installed (or too old).</summary>
    public static FontSubsetter? Load()
    {
        if (OperatingSystem.IsWindows() || !FontConfig.TryLoadAny(["libharfbuzz.so.0", "libharfbuzz.0.dylib"], out var harfBuzz)
            || !FontConfig.TryLoadAny(["libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib"], out var subset))
        {
            return null;
        }

        try
        {
            return new FontSubsetter(harfBuzz, subset);
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The face cut to <paramref name="characters"/> (those the font has; GSUB alternates of them come along),
    /// as an OpenType file; null when the font cannot be read or subset.
    /// </summary>
    public byte[]? Subset(SystemFace face, IEnumerable<int> characters)
    {
        var source = _faces.GetOrAdd((face.File, face.Index), key => new Lazy<IntPtr>(() => Open(key.File, key.Index))).Value;
        if (source == IntPtr.Zero)
        {
            return null;
        }

        var input = _inputCreate();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        IntPtr result = IntPtr.Zero, blob = IntPtr.Zero;
        try
        {
            var unicodes = _inputUnicodes(input);
            foreach (var c in characters)
            {
                _setAdd(unicodes, (uint)c);
            }

            // Every layout feature is kept (HarfBuzz keeps a default list otherwise, without the CJK
            // punctuation spacing features chws/halt that Chromium applies): the lines break where they did.
            var features = _inputSet(input, LayoutFeatureTags);
            _setClear(features);
            _setInvert(features);

            result = _subset(source, input);
            if (result == IntPtr.Zero)
            {
                return null;
            }

            blob = _faceBlob(result);
            uint length;
            var data = _blobData(blob, &length);
            return length == 0 || data is null ? null : new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
        }
        finally
        {
            if (blob != IntPtr.Zero)
            {
                _blobDestroy(blob);
            }

            if (result != IntPtr.Zero)
            {
                _faceDestroy(result);
            }

            _inputDestroy(input);
        }
    }

    private IntPtr Open(string file, int index)
    {
        var path = System.Text.Encoding.UTF8.GetBytes(file + "\0");
        IntPtr blob;
        fixed (byte* p = path)
        {
            blob = _blobFromFile(p);
        }

        if (blob == IntPtr.Zero)
        {
            return IntPtr.Zero;
        }

        var face = _faceCreate(blob, (uint)index);
        _blobDestroy(blob); // the face holds its own reference
        if (_glyphCount(face) == 0)
        {
            _faceDestroy(face);
            return IntPtr.Zero;
        }

        return face;
    }
}
