using System.Runtime.InteropServices;

namespace Reportc.Loading;

/// <summary>
/// Whether a path is a regular file, and not a folder, a device or a FIFO (.NET tells files from folders
/// only; opening a FIFO blocks until someone writes to it, and a device such as /dev/zero never ends).
/// On Linux the file type comes from statx(2), whose buffer has one layout on every architecture.
/// </summary>
internal static unsafe class FileType
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const ushort TypeMask = 0xF000;
    private const ushort Regular = 0x8000;

    private static readonly delegate* unmanaged[Cdecl]<int, byte*, int, uint, byte*, int> Statx = LoadStatx();

    public static bool IsRegularFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (Statx == null)
        {
            // Windows (no FIFOs or devices among files), or a system without statx: what .NET knows.
            return true;
        }

        var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var buffer = stackalloc byte[256];
        fixed (byte* p = name)
        {
            if (Statx(AtFdCwd, p, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return false;
            }
        }

        return (*(ushort*)(buffer + ModeOffset) & TypeMask) == Regular;
    }

    private static delegate* unmanaged[Cdecl]<int, byte*, int, uint, byte*, int> LoadStatx()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in new[] { "libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1", "libc.so" })
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "statx", out var statx))
            {
                return (delegate* unmanaged[Cdecl]<int, byte*, int, uint, byte*, int>)statx;
            }
        }

        return null;
    }
}
