using System.Text;

namespace Reportc.Authoring;

/// <summary>Writes YAML scalars: plain where that is safe, double-quoted otherwise.</summary>
internal static class YamlText
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`~";

    public static string Scalar(string value)
    {
        var plain = value.Length > 0
            && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1])
            && !Indicators.Contains(value[0], StringComparison.Ordinal)
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && !value.Contains('\n', StringComparison.Ordinal) && !value.EndsWith(':')
            && !Text.YamlScalar.IsReserved(value);
        if (plain)
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A flow list for names: <c>[甲, 乙]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => v.Contains(',') || v.Contains(']') ? Quote(v) : Scalar(v))) + "]";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
