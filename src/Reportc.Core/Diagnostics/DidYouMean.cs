using Reportc.Text;

namespace Reportc.Diagnostics;

/// <summary>"; did you mean …?" after a name nothing is known by, naming the closest one (<see cref="Suggestions"/>).</summary>
internal static class DidYouMean
{
    /// <summary>The phrase in <paramref name="text"/>'s language, or nothing when no candidate is close.</summary>
    public static string Phrase(string word, IEnumerable<string> candidates, MessageText text) =>
        Suggestions.Closest(word, candidates) is { } hit ? text.Format("DidYouMean", hit) : "";

    /// <summary>The phrase worded when printed, or nothing when no candidate is close.</summary>
    public static object Part(string word, IEnumerable<string> candidates) =>
        Suggestions.Closest(word, candidates) is { } hit ? new MessagePart("DidYouMean", hit) : "";
}
