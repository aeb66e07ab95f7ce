namespace Reportc.Rendering;

/// <summary>
/// What one render of a kind's template may take: a template from a kind folder is code from outside, and a
/// loop that never ends or a string of a billion characters ends as RC0501 at the template's line, not as a
/// hung or dying batch.
/// </summary>
/// <param name="Time">Wall time of one render (a report's templates render in milliseconds).</param>
/// <param name="OutputChars">Characters one output may have (the largest report with its fonts embedded is far smaller).</param>
/// <param name="StringChars">Characters one value may have when printed, padded or repeated (an embedded font's CSS is one value).</param>
public sealed record TemplateBudget(TimeSpan Time, int OutputChars, int StringChars)
{
    public static TemplateBudget Default { get; } = new(TimeSpan.FromSeconds(30), 256 << 20, 128 << 20);
}
