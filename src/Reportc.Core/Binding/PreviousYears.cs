using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;

namespace Reportc.Binding;

/// <summary>Loads the previous year's report a report names and checks it is the one: same kind, one year earlier.</summary>
internal static class PreviousYears
{
    public static PreviousYear? Load(Report report, KindCatalog kinds, DiagnosticBag diagnostics)
    {
        if (report.Previous is not { } relative)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(report.Path)) ?? ".";
        // Only a regular file inside the report's folder (Loading.ConfinedFile): never a FIFO or a device
        // (which would block or never end), nor a link out of the folder.
        if (ConfinedFile.Locate(folder, relative) is not { } path)
        {
            diagnostics.Report(Descriptors.PreviousNotFound, report.PreviousSpan, relative);
            return null;
        }

        var local = new DiagnosticBag(diagnostics.Text);
        var previous = ReportBinder.Read(path, kinds, local);
        if (previous is null || local.HasErrors)
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
