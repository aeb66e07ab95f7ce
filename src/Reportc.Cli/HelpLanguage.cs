using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using Reportc.Diagnostics;

namespace Reportc.Cli;

/// <summary>
/// Help and usage errors in the language of the run: every description of the command tree is looked up
/// by its English words ("Help:" + text) in the message resources, and System.CommandLine's own words
/// (Usage:, Options:, its parse errors) come from its zh-Hans resources under a Chinese UI culture.
/// </summary>
internal static class HelpLanguage
{
    // The English words of each symbol, kept so a symbol worded twice turns back.
    private static readonly ConditionalWeakTable<Symbol, string> English = [];

    /// <summary>Words the tree in <paramref name="text"/>'s language; returns what restores the UI culture.</summary>
    public static IDisposable Apply(Command root, MessageText text)
    {
        foreach (var symbol in Symbols(root))
        {
            var english = English.GetValue(symbol, s => s.Description ?? "");
            if (english.Length > 0)
            {
                symbol.Description = text == MessageText.Chinese ? Translate(english) ?? english : english;
            }
        }

        // The UI culture says the language to System.CommandLine and to the parse-time validators.
        var culture = CultureInfo.CurrentUICulture;
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        if (text == MessageText.Chinese && !chinese)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        }
        else if (text == MessageText.English && (chinese || MessageText.For(null) == MessageText.Chinese))
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        }

        return new Restore(culture);
    }

    /// <summary>The Chinese words of a description, or null when the resources have none (a test keeps them complete).</summary>
    public static string? Translate(string english)
    {
        var key = "Help:" + english;
        var chinese = MessageText.Chinese.Get(key);
        return chinese == key || chinese == english ? null : chinese;
    }

    public static IEnumerable<Symbol> Symbols(Command command)
    {
        yield return command;
        foreach (var option in command.Options)
        {
            yield return option;
        }

        foreach (var argument in command.Arguments)
        {
            yield return argument;
        }

        foreach (var symbol in command.Subcommands.SelectMany(Symbols))
        {
            yield return symbol;
        }
    }

    private sealed class Restore(CultureInfo culture) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = culture;
    }
}
