using System.Globalization;

namespace Reportc.Text;

/// <summary>
/// The dates a report may give (<c>2025-01-20</c>, or as the document prints it, <c>2025年1月20日</c>), read by the
/// binder and described to editors by the schema from this one place.
/// </summary>
public static class OfficialDate
{
    private static readonly string[] Formats = ["yyyy-M-d", "yyyy年M月d日"];

    /// <summary>The forms of <see cref="Formats"/> as a JSON Schema pattern (the editor's check; the day itself is checked by reportc).</summary>
    public const string Pattern = "^[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)$";

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>As official documents write dates: Arabic numerals, no leading zeros: 2025年1月20日.</summary>
    public static string Chinese(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
