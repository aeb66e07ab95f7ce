using Reportc.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Reportc.Loading;

/// <summary>Loads YAML text into nodes with positions, refusing what could hang or crash the loader.</summary>
public static class YamlLoader
{
    public const int MaxDepth = 64;

    /// <summary>The root node of the single document in <paramref name="source"/>, or null with diagnostics.</summary>
    public static YamlNode? Load(SourceText source, DiagnosticBag diagnostics)
    {
        if (source.Text.Trim().Length == 0)
        {
            diagnostics.Report(Descriptors.EmptyFile, SourceSpan.WholeFile(source.Path));
            return null;
        }

        if (!Scan(source, diagnostics))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(source.Text));
        }
        catch (YamlException e)
        {
            ReportSyntax(source, e, diagnostics);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a position for a few malformed streams.
            diagnostics.Report(Descriptors.YamlSyntax, SourceSpan.WholeFile(source.Path), e.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Report(Descriptors.EmptyFile, SourceSpan.WholeFile(source.Path));
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    public static SourceSpan SpanOf(string path, YamlNode node) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);

    // A first pass over the parser's events bounds depth and refuses aliases before any node is built:
    // deep nesting overflows the stack of the node builder, and aliases expand exponentially when walked.
    private static bool Scan(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(source.Text));
        var depth = 0;
        var documents = 0;
        var open = new Stack<(bool Flow, SourceSpan At)>();
        var last = SourceSpan.WholeFile(source.Path);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var at = SourceSpan.At(source.Path, (int)current.Start.Line, (int)current.Start.Column);
                last = SourceSpan.At(source.Path, Math.Max(1, (int)current.End.Line), Math.Max(1, (int)current.End.Column));
                switch (current)
                {
                    case MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }:
                        open.Push((true, at));
                        break;
                    case MappingStart or SequenceStart:
                        open.Push((false, at));
                        break;
                }

                switch (current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        diagnostics.Report(Descriptors.TooDeep, at, MaxDepth);
                        return false;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        open.TryPop(out _);
                        break;
                    case AnchorAlias alias:
                        diagnostics.Report(Descriptors.AliasNotAllowed, at, alias.Value.Value);
                        return false;
                    case DocumentStart when ++documents > 1:
                        diagnostics.Report(Descriptors.MultipleDocuments, at);
                        return false;
                }
            }
        }
        catch (YamlException e)
        {
            ReportSyntax(source, e, diagnostics);
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives no position here; it happens inside an unclosed flow collection ([ or {),
            // so the place to look is where that collection opened, else the last thing read.
            var where = open.FirstOrDefault(o => o.Flow) is { Flow: true } flow ? flow.At : last;
            diagnostics.Report(Descriptors.YamlSyntax, where, diagnostics.Text.Get("UnclosedFlow"));
            return false;
        }

        return true;
    }

    private static void ReportSyntax(SourceText source, YamlException e, DiagnosticBag diagnostics)
    {
        var at = SourceSpan.At(source.Path, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));
        const string duplicate = "Duplicate key";
        var message = e.InnerException?.Message ?? e.Message;
        if (message.Contains(duplicate, StringComparison.OrdinalIgnoreCase) || e.Message.Contains(duplicate, StringComparison.OrdinalIgnoreCase))
        {
            var key = ExtractKey(source.Text, e);
            diagnostics.Report(Descriptors.DuplicateKey, at, key);
            return;
        }

        diagnostics.Report(Descriptors.YamlSyntax, at, Simplify(e.Message));
    }

    private static string ExtractKey(string text, YamlException e)
    {
        var lines = text.Split('\n');
        var line = (int)e.Start.Line - 1;
        if (line < 0 || line >= lines.Length)
        {
            return "?";
        }

        var content = lines[line][Math.Min(lines[line].Length, Math.Max(0, (int)e.Start.Column - 1))..];
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        return (colon > 0 ? content[..colon] : content).Trim();
    }

    // YamlDotNet prefixes its messages with the position ("(Line: 3, Col: 5, Idx: 20) - (…): …"); we print our own.
    private static string Simplify(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
