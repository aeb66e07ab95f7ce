using System.Globalization;

namespace Reportc.Kinds;

/// <summary>A section a report kind expects: its id, heading, place in the order, and whether it is required.</summary>
public sealed record SectionRule(string Id, string Heading, bool Required, string About)
{
    /// <summary>The heading for a report year, with <c>{year}</c> and <c>{next_year}</c> filled in.</summary>
    public string HeadingFor(int year) => FillYear(Heading, year);

    public static string FillYear(string text, int year) => text
        .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{next_year}", (year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
