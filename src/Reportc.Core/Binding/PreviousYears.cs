using Reportc.Diagnostics;
using Reportc.Loading;
using Reportc.Model;

namespace Reportc.Binding;

/// <summary>Loads the previous year's report a report names and checks it is the one: same kind, one year earlier.</summary>
internal static class PreviousYears
{
    public static PreviousYear? Load(Report report, ReportFiles files, IReadOnlyList<string> projectFolders, DiagnosticBag diagnostics)
    {
        if (report.Previous is not { } relative)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(report.Path)) ?? ".";
        // Only a regular file inside the report's folder, or inside the project folder the report is in
        // (Loading.ConfinedFile): never a FIFO or a device (which would block or never end), nor a link out.
        if (ConfinedFile.Locate(folder, relative, projectFolders) is not { } path)
        {
            diagnostics.Report(Descriptors.PreviousNotFound, report.PreviousSpan, relative);
            return null;
        }

        // Named as the report is named, so that a file the run builds too is the same file to ReportFiles:
        // read and bound once (samples/shili-2024.yaml's previous: shili-2023.yaml is samples/shili-2023.yaml).
        var shown = Path.Join(Path.GetDirectoryName(report.Path), Path.GetRelativePath(RealPath.Of(folder) ?? folder, path));
        if (shown.Split('/', '\\').Contains(".."))
        {
            // A previous year in another folder of the project (previous: ../2024/nanhe.yaml): named as the run
            // names reports/2024/nanhe.yaml.
            shown = Path.IsPathRooted(shown) ? Path.GetFullPath(shown) : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(shown));
        }
        if (files.ValuesOf(shown) is not { } previous)
        {
            diagnostics.Report(Descriptors.PreviousBroken, report.PreviousSpan, relative);
            return null;
        }

        if (previous.Kind.Id != report.Kind.Id)
        {
            diagnostics.Report(Descriptors.PreviousOtherKind, report.PreviousSpan, relative, previous.Kind.Id, report.Kind.Id);
            return null;
        }

        if (previous.Year != report.Year - 1)
        {
            diagnostics.Report(Descriptors.PreviousNotYearBefore, report.PreviousSpan, relative, previous.Year, report.Year);
            return null;
        }

        return new PreviousYear(relative, previous.Year, previous.Metrics);
    }
}
