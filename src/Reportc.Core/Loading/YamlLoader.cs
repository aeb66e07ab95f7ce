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

        var guard = new GuardedParser(new Parser(new StringReader(source.Text)), source.Path);
        var stream = new YamlStream();
        try
        {
            stream.Load(guard);
        }
        catch (RefusedException e)
        {
            diagnostics.Report(e.Descriptor, e.At, e.Argument);
            return null;
        }
        catch (YamlException e)
        {
            ReportSyntax(source, e, diagnostics);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a position for a few malformed streams, mostly inside an
            // unclosed flow collection ([ or {): the place to look is where it opened, else the last thing read.
            diagnostics.Report(Descriptors.YamlSyntax, InFile(source, guard.UnclosedFlow ?? guard.Last), diagnostics.Text.Get("UnclosedFlow"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Report(Descriptors.EmptyFile, SourceSpan.WholeFile(source.Path));
            return null;
        }

        ControlCharacters.Check(stream.Documents[0].RootNode, source.Path, diagnostics);
        return stream.Documents[0].RootNode;
    }

    // YamlDotNet can place the end of the stream on the line after the last one (after a final line
    // break it counts differently); a diagnostic there is shown at the end of the file's last line.
    private static SourceSpan InFile(SourceText source, SourceSpan span)
    {
        var lines = source.Lines;
        if (span.Line <= lines.Count)
        {
            return span;
        }

        var last = lines.Count;
        while (last > 1 && lines[last - 1].Length == 0)
        {
            last--;
        }

        return SourceSpan.At(span.Path, last, lines[last - 1].Length + 1);
    }

    public static SourceSpan SpanOf(string path, YamlNode node) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);

    private static void ReportSyntax(SourceText source, YamlException e, DiagnosticBag diagnostics)
    {
        var at = InFile(source, SourceSpan.At(source.Path, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)));
        const string duplicate = "Duplicate key";
        var message = e.InnerException?.Message ?? e.Message;
        if (message.Contains(duplicate, StringComparison.OrdinalIgnoreCase) || e.Message.Contains(duplicate, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(Descriptors.DuplicateKey, at, ExtractKey(source.Text, e));
            return;
        }

        diagnostics.Report(Descriptors.YamlSyntax, at, YamlMessages.Explain(Simplify(e.Message), diagnostics.Text));
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

    /// <summary>A refusal raised from inside the parse, carried out to a diagnostic.</summary>
    private sealed class RefusedException(DiagnosticDescriptor descriptor, SourceSpan at, object? argument) : Exception(descriptor.Code)
    {
        public DiagnosticDescriptor Descriptor { get; } = descriptor;

        public SourceSpan At { get; } = at;

        public object? Argument { get; } = argument;
    }

    /// <summary>
    /// Watches the parser's events as the node builder reads them, in the one pass: too deep a nesting
    /// is refused before the builder recurses into it (the stack overflow of 30,000 levels cannot be
    /// caught), aliases are refused (walking them expands exponentially), and so is a second document.
    /// </summary>
    private sealed class GuardedParser(IParser inner, string path) : IParser
    {
        private readonly Stack<(bool Flow, SourceSpan At)> _open = new();
        private int _documents;

        public ParsingEvent? Current => inner.Current;

        public SourceSpan Last { get; private set; } = SourceSpan.WholeFile(path);

        public SourceSpan? UnclosedFlow => _open.FirstOrDefault(o => o.Flow) is { Flow: true } flow ? flow.At : null;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            var at = SourceSpan.At(path, (int)current.Start.Line, (int)current.Start.Column);
            Last = SourceSpan.At(path, Math.Max(1, (int)current.End.Line), Math.Max(1, (int)current.End.Column));
            switch (current)
            {
                case MappingStart or SequenceStart when _open.Count >= MaxDepth:
                    throw new RefusedException(Descriptors.TooDeep, at, MaxDepth);
                case MappingStart m:
                    _open.Push((m.Style == MappingStyle.Flow, at));
                    break;
                case SequenceStart s:
                    _open.Push((s.Style == SequenceStyle.Flow, at));
                    break;
                case MappingEnd or SequenceEnd:
                    _open.TryPop(out _);
                    break;
                case AnchorAlias alias:
                    throw new RefusedException(Descriptors.AliasNotAllowed, at, alias.Value.Value);
                case DocumentStart when ++_documents > 1:
                    throw new RefusedException(Descriptors.MultipleDocuments, at, null);
            }

            return true;
        }
    }
}
