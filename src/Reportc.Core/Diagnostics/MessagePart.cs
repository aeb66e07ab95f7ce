namespace Reportc.Diagnostics;

/// <summary>
/// A phrase of a message kept as a resource key and arguments (a kind's reason for being broken), worded in the
/// language of whoever prints the diagnostic that carries it.
/// </summary>
public sealed record MessagePart(string Key, params object?[] Arguments)
{
    public string ToString(MessageText text) => text.Format(Key, Arguments);

    public override string ToString() => ToString(MessageText.English);
}
