using System.Globalization;
using System.Resources;

namespace Reportc.Diagnostics;

/// <summary>The wording of diagnostics in one language, from the resource files (English, and Chinese for zh).</summary>
public sealed class MessageText
{
    private static readonly ResourceManager Resources = new("Reportc.Diagnostics.Messages", typeof(MessageText).Assembly);

    private MessageText(CultureInfo culture) => Culture = culture;

    public static MessageText English { get; } = new(CultureInfo.InvariantCulture);

    public static MessageText Chinese { get; } = new(CultureInfo.GetCultureInfo("zh"));

    public CultureInfo Culture { get; }

    /// <summary>
    /// The language asked for (<c>en</c>, <c>zh</c>), or with none the user's UI culture: Chinese for any
    /// zh-* culture, English otherwise.
    /// </summary>
    public static MessageText For(string? language)
    {
        var name = string.IsNullOrEmpty(language) ? CultureInfo.CurrentUICulture.Name : language;
        if (name.Length == 0)
        {
            // No culture data (the native binary runs without ICU): the POSIX locale variables decide.
            name = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
        }

        return name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
    }

    public string Get(string key) => Resources.GetString(key, Culture) ?? key;

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), [.. args.Select(a => a is MessagePart part ? part.ToString(this) : a)]);
}
