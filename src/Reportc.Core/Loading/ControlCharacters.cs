using System.Globalization;
using System.Text;
using Reportc.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Reportc.Loading;

/// <summary>
/// Control characters in a value (ESC, CR, a C1 control, a bidirectional override: YAML lets "\e", "\r",
/// "\x9b" be written in a quoted string) are refused (RC0018): printed in a diagnostic they could forge a
/// line of a CI log or recolour a terminal, and in the outputs they are invisible. Tab and line feed are
/// text. <see cref="Escape"/> writes them visibly wherever reportc prints text it did not write.
/// </summary>
public static class ControlCharacters
{
    public static bool IsRefused(char c) =>
        (c < ' ' && c is not '\n' and not '\t') || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Reports the first refused character of every scalar (keys and values) under <paramref name="root"/>.</summary>
    public static void Check(YamlNode root, string path, DiagnosticBag diagnostics)
    {
        foreach (var scalar in root.AllNodes.OfType<YamlScalarNode>())
        {
            if (scalar.Value is { } value && value.AsSpan().IndexOfAny(Refused.Value) is var at and >= 0)
            {
                diagnostics.Report(Descriptors.ControlCharacter, YamlLoader.SpanOf(path, scalar), $"U+{(int)value[at]:X4}");
            }
        }
    }

    /// <summary>The text with every refused character (and a line break) written as <c>\u001B</c>, so that a printed line stays one line and shows what is there.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Printed.Value) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsRefused(c) || c == '\n')
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static readonly Lazy<System.Buffers.SearchValues<char>> Refused = new(() =>
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(IsRefused)]));

    private static readonly Lazy<System.Buffers.SearchValues<char>> Printed = new(() =>
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(c => IsRefused(c) || c == '\n')]));
}
