using System.Text;

namespace Reportc.Rendering;

/// <summary>
/// Text typed into a field (a title, an organ's name, a heading) written into the .md output as text: the
/// characters that Markdown or a converter such as pandoc would take as markup (raw HTML, a link, emphasis)
/// are backslash-escaped, as the HTML output escapes them.
/// </summary>
public static class MarkdownText
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\`*_[]<>&");

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
