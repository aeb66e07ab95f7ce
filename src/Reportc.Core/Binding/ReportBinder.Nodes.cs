using Reportc.Diagnostics;
using Reportc.Loading;
using Reportc.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>Shared readers: keys, scalars, lists and text, each reporting what is wrong where.</summary>
internal sealed partial class ReportBinder
{
    private void Report(DiagnosticDescriptor descriptor, YamlNode node, params object?[] args)
    {
        _diagnostics.Report(descriptor, YamlLoader.SpanOf(_source.Path, node), args);
        _failed |= descriptor.Severity == DiagnosticSeverity.Error;
    }

    private string T(string key) => _diagnostics.Text.Get(key);

    // Names and hints are looked up in the resources only when there is something to report.
    private void CheckKeys(YamlMappingNode map, IReadOnlyCollection<string> allowed, Func<string> where)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = key.KeyText();
            if (!allowed.Contains(name))
            {
                Report(Descriptors.UnknownKey, key, name, where(), DidYouMean.Phrase(name, allowed, _diagnostics.Text) is { Length: > 0 } s ? s : _diagnostics.Text.Format("ExpectedOneOf", string.Join(", ", allowed)));
            }
        }
    }

    private YamlNode? Required(YamlMappingNode map, string key, string hintKey)
    {
        var node = map.Get(key);
        if (node is null)
        {
            Report(Descriptors.MissingKey, map, key, T(hintKey));
        }

        return node;
    }

    private string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Report(Descriptors.WrongNodeType, node, what, T("TextValue"), node.Describe(_diagnostics.Text));
        return null;
    }

    private List<string> StringList(YamlNode node, string what)
    {
        if (node is YamlSequenceNode list)
        {
            if (list.Children.Count == 0)
            {
                Report(Descriptors.EmptyText, node, what);
            }

            return [.. list.Children.Select(n => Scalar(n, what)).OfType<string>().Select(s => s.Trim())];
        }

        return Scalar(node, what) is { } one ? [one.Trim()] : [];
    }

    // "  - 一项\n     - 二项": the second item, one space too deep, is not an item but more of the first one's
    // plain text, and would vanish into it. A plain text whose later line starts with "- " is that mistake.
    private void CheckItemsIndentedIntoText(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || scalar.End.Line <= scalar.Start.Line)
        {
            return;
        }

        var lines = _source.Lines;
        for (var number = (int)scalar.Start.Line + 1; number <= Math.Min((int)scalar.End.Line, lines.Count); number++)
        {
            if (SourceText.ItemIndentation(lines[number - 1]) is { } indent)
            {
                _diagnostics.Report(Descriptors.ItemIndentedIntoText, new SourceSpan(_source.Path, number, indent + 1, number, indent + 2));
            }
        }
    }

    private Narrative? ReadText(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            CheckItemsIndentedIntoText(scalar);
            return NarrativeReader.Read(scalar, _source);
        }

        if (node is YamlScalarNode)
        {
            Report(Descriptors.EmptyText, node, what);
        }
        else
        {
            Report(Descriptors.WrongNodeType, node, what, T("Text"), node.Describe(_diagnostics.Text));
        }

        return null;
    }
}
