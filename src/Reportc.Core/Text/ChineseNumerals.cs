using System.Text;

namespace Reportc.Text;

/// <summary>Chinese numerals as official documents number things: 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] Units = ["", "十", "百", "千"];

    public static string Format(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9999);

        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var pendingZero = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            var unit = Units[digits.Length - 1 - i];
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text.Append('零');
                pendingZero = false;
            }

            // 十一 … 十九 rather than 一十一: a leading one before 十 is dropped.
            if (!(digit == 1 && unit == "十" && text.Length == 0))
            {
                text.Append(Digits[digit]);
            }

            text.Append(unit);
        }

        return text.ToString();
    }

    /// <summary>Level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）" (GB/T 9704 heading levels).</summary>
    public static string Heading(int level, int number) => level switch
    {
        1 => Format(number) + "、",
        2 => "（" + Format(number) + "）",
        3 => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".",
        _ => "（" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "）",
    };

    /// <summary>Run-in points: "一是", "二是", …</summary>
    public static string Point(int number) => Format(number) + "是";
}
