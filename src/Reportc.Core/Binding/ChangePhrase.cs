using System.Globalization;
using Reportc.Model;

namespace Reportc.Binding;

/// <summary>
/// Year-on-year change written the Chinese way: 同比增长26.7%, 同比下降12.5%, 与上年持平; percentages change
/// by 个百分点; a previous value of 0 (上年为0件) or none at all has its own wording, never a division by zero.
/// </summary>
public static class ChangePhrase
{
    public const string NoPrevious = "上年无可比数据";
    public const string Same = "与上年持平";

    public static string For(MetricValue current, MetricValue? previous)
    {
        if (previous is null)
        {
            return NoPrevious;
        }

        var now = current.Value;
        var then = previous.Value;
        if (now == then)
        {
            return Same;
        }

        if (current.Kind == MetricKind.Percent)
        {
            var points = Math.Abs(now - then).ToString("0.##", CultureInfo.InvariantCulture);
            return now > then ? $"同比提高{points}个百分点" : $"同比下降{points}个百分点";
        }

        if (!Comparable(now, then))
        {
            return "上年为" + previous.Text;
        }

        var percent = Math.Round((now - then) / then * 100, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(percent).ToString("0.0", CultureInfo.InvariantCulture);
        return now > then ? $"同比增长{text}%" : $"同比下降{text}%";
    }

    /// <summary>The change in percent, or null where it has no meaning (no previous value, or 0, or a percentage).</summary>
    public static decimal? Percent(decimal now, decimal? then) =>
        then is not { } before || !Comparable(now, before) ? null : Math.Round((now - then.Value) / then.Value * 100, 1, MidpointRounding.AwayFromZero);

    // A previous value of 0, or one so small beside this year's that the change is no percentage anyone
    // could read (over a trillion-fold; beyond that the division would not even fit a decimal).
    private static bool Comparable(decimal now, decimal then) =>
        then != 0 && Math.Abs(now - then) / 1_000_000_000_000m <= Math.Abs(then);
}
