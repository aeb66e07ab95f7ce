namespace Reportc.Text;

/// <summary>What a number in a report can be.</summary>
internal static class Numbers
{
    /// <summary>
    /// The largest magnitude a report's number may have: 10^15 (a thousand 万亿), far above any count or sum of
    /// money a government reports, and far enough below decimal's limit (about 7.9 × 10^28) that sums of many
    /// cells, changes and shares are computed without overflow.
    /// </summary>
    public const decimal Limit = 1_000_000_000_000_000m;

    public static bool InRange(decimal value) => value > -Limit && value < Limit;
}
