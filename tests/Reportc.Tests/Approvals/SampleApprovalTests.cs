using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Reportc.Kinds;

namespace Reportc.Tests.Approvals;

/// <summary>Pins the sample's whole Markdown and HTML: a change of output shows as a diff of the approved files.</summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory(".")]
public sealed class SampleApprovalTests
{
    private static readonly Compilation Sample = new ReportCompiler(new KindCatalog()).Compile(TestPaths.Sample);

    [Fact]
    public void Beiliu_2024_markdown() => ApprovalTests.Approvals.VerifyWithExtension(Sample.Output("md"), ".md");

    [Fact]
    public void Beiliu_2024_html() => ApprovalTests.Approvals.VerifyWithExtension(Sample.Output("html"), ".html");

    [Fact]
    public void The_sample_builds_without_errors_or_warnings() =>
        Assert.Empty(Sample.Diagnostics);
}
