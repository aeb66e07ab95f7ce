using System.Runtime.CompilerServices;

namespace Reportc.Tests;

/// <summary>Paths of the repository, found from this source file so tests run from any folder.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "beiliu-2024.yaml");

    public static string Seed => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed", "000_1859c9621b51097f.txt"));

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "reportc.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
    }
}
