using Reportc.Diagnostics;

namespace Reportc;

/// <summary>How reports are checked and rendered: the outputs wanted, the language of messages, warning policy.</summary>
public sealed record CompilerOptions
{
    /// <summary>The formats rendered; by default the text ones (md, html): docx when asked for.</summary>
    public IReadOnlyCollection<string> Formats { get; init; } = ["md", "html"];

    public MessageText Text { get; init; } = MessageText.English;

    /// <summary>Codes (RC0402…) not to report at all.</summary>
    public IReadOnlySet<string> NoWarn { get; init; } = new HashSet<string>();

    /// <summary>Warnings count as errors (for CI).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>TODO markers and metrics left empty are errors (build), not warnings (check, build --draft).</summary>
    public bool TodosAreErrors { get; init; }

    /// <summary>
    /// An exception inside one report's compilation propagates (reportc --stacktrace) instead of becoming that
    /// report's RC0020.
    /// </summary>
    public bool ThrowInternalErrors { get; init; }

    /// <summary>
    /// Folders that hold a repository's reports (the folder of reportc.yaml, the folders given on the command
    /// line): a report inside one of them may name its previous year anywhere inside that folder
    /// (<c>previous: ../2024/nanhe.yaml</c>), not only in its own folder; links out of it are refused all the same.
    /// </summary>
    public IReadOnlyList<string> ProjectFolders { get; init; } = [];

    /// <summary>What one render of a template may take (time, output and string sizes).</summary>
    public Rendering.TemplateBudget TemplateBudget { get; init; } = Rendering.TemplateBudget.Default;

    /// <summary>The warning policy these options ask for, applied once to each file's diagnostics.</summary>
    public DiagnosticPolicy Policy => new(NoWarn, TodosAreErrors, WarningsAsErrors);
}
