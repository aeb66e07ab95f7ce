using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Reportc.Rendering;

/// <summary>
/// An object of the template model (<c>doc</c>, <c>report</c>, a section, a block): reading a member it does not
/// have is an error at that place in the template (RC0501), not an empty string (<c>{{ doc.titel }}</c>).
/// </summary>
internal sealed class TemplateObject(string name) : ScriptObject
{
    /// <summary>The object's name in <see cref="TemplateView.Objects"/> and in messages: <c>doc</c>, <c>sections[]</c>.</summary>
    public string Name => name;

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value))
        {
            return true;
        }

        throw new NoMemberException(span, new Diagnostics.MessagePart("TemplateNoMember", name, member, Diagnostics.DidYouMean.Part(member, Keys)));
    }
}

/// <summary>A template read a member the model does not have; the message is worded when printed.</summary>
internal sealed class NoMemberException(SourceSpan span, Diagnostics.MessagePart message)
    : Scriban.Syntax.ScriptRuntimeException(span, message.ToString())
{
    public Diagnostics.MessagePart Part { get; } = message;
}
