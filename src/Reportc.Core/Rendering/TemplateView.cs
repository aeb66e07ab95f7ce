namespace Reportc.Rendering;

/// <summary>
/// Every name a template may read, declared once (as lunet's PageVariables): the model is built under these
/// names, docs/kinds.md lists them, and a test keeps the three alike. Any other member is RC0501 in the template.
/// </summary>
internal static class TemplateView
{
    /// <summary>The names at the top of the model.</summary>
    public static readonly IReadOnlyList<string> Globals = ["report", "doc", "preamble", "sections", "metrics", "stylesheet", "fonts"];

    /// <summary>The members of each object of the model, by the name it has in a message (a list's item ends in []).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Objects = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["report"] = ["kind", "kind_name", "year", "next_year", "draft"],
        ["doc"] = ["issuers", "number", "title", "title_lines", "to", "signer", "date", "cc", "printer", "print_date", "masthead_lines", "masthead_suffix", "seal", "seal_image"],
        ["sections[]"] = ["id", "number", "title", "heading", "blocks"],
        ["blocks[]"] = ["type", "level", "md", "html"],
        ["metrics[]"] = ["id", "label", "value", "unit", "text"],
    };
}
