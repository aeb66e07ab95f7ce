using YamlDotNet.RepresentationModel;

namespace Reportc.Loading;

/// <summary>Small readers over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public static string KeyText(this YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : "?";

    /// <summary>How the user would call this node's kind, for messages.</summary>
    public static string Describe(this YamlNode node, Diagnostics.MessageText text) => node switch
    {
        YamlMappingNode => text.Get("NodeMapping"),
        YamlSequenceNode => text.Get("NodeList"),
        YamlScalarNode { Value: null or "" } => text.Get("NodeEmpty"),
        YamlScalarNode s => text.Format("NodeValue", Shorten(s.Value!)),
        _ => "?",
    };

    public static bool IsEmpty(this YamlNode node) =>
        node is YamlScalarNode { Value: var v } && string.IsNullOrEmpty(v) && node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain };

    public static string Shorten(string text)
    {
        var oneLine = text.Replace('\n', ' ');
        return oneLine.Length <= 24 ? oneLine : string.Concat(oneLine.AsSpan(0, 24), "…");
    }
}
