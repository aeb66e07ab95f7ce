namespace Reportc.Text;

/// <summary>
/// The one reading of a YAML scalar's words that every stage shares: what a clerk writes for yes and no
/// (<c>true</c>, <c>True</c>, <c>yes</c>, <c>on</c>… as YAML 1.1 and the editors' highlighting take them), and
/// which words a writer must quote to keep them text.
/// </summary>
public static class YamlScalar
{
    /// <summary>True or false for a boolean word, in any of YAML's three casings; null for anything else.</summary>
    public static bool? Boolean(string? value) => value switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    /// <summary>Whether a plain scalar with this text would be read as something other than text (a boolean, null).</summary>
    public static bool IsReserved(string value) =>
        Boolean(value) is not null || value is "null" or "Null" or "NULL" or "~";
}
