using Reportc.Diagnostics;

namespace Reportc.Loading;

/// <summary>
/// YamlDotNet's syntax messages as a clerk can act on them, in the message language: what the parser
/// expected, in the words of a report file, and the usual fix. A message not in the table is shown as
/// YamlDotNet wrote it.
/// </summary>
internal static class YamlMessages
{
    /// <summary>YamlDotNet's message → the resource key of its wording (a test checks YamlDotNet still has each).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["While parsing a block mapping, did not find expected key."] = "YamlExpectedKey",
        ["While scanning a simple key, could not find expected ':'."] = "YamlKeyWithoutColon",
        ["Mapping values are not allowed in this context."] = "YamlColonNotAllowed",
        ["While scanning a multiline plain scalar, found invalid mapping."] = "YamlColonInText",
        ["While scanning a plain scalar value, found invalid mapping."] = "YamlColonInText",
        ["While parsing a block collection, did not find expected '-' indicator."] = "YamlExpectedItem",
        ["Block sequence entries are not allowed in this context."] = "YamlItemNotAllowed",
        ["While scanning a quoted scalar, found unexpected end of stream."] = "YamlUnclosedQuote",
        ["While scanning a multi-line double-quoted scalar, found wrong indentation."] = "YamlQuoteRunsOn",
        ["While scanning a quoted scalar, found unknown escape character."] = "YamlUnknownEscape",
        ["While parsing a node, did not find expected node content."] = "YamlExpectedValue",
        ["While scanning for the next token, found character that cannot start any token."] = "YamlCannotStart",
        ["While parsing a flow sequence, did not find expected ',' or ']'."] = "YamlFlowSequence",
        ["While parsing a flow mapping, did not find expected ',' or '}'."] = "YamlFlowMapping",
        ["While parsing a flow mapping,  did not find expected ',' or '}'."] = "YamlFlowMapping",
        ["While scanning a block scalar, did not find expected comment or line break."] = "YamlAfterBlockIndicator",
        ["While scanning plain scalar, found a comment between adjacent scalars."] = "YamlCommentInText",
    };

    public static string Explain(string message, MessageText text) =>
        Keys.TryGetValue(message, out var key) ? text.Get(key) : message;
}
