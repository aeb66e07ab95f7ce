using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reportc.Rendering;

/// <summary>
/// The builtin functions a template sees. Scriban builds its ~200 builtins (string.*, date.*, …) by reflection
/// over their methods, which in a native cold start costs more than the rest of a report together. The two
/// the stock templates call, <c>html.escape</c> and <c>array.join</c>, are here as plain functions; any other
/// builtin a kind's template names is looked up in Scriban's own set, built on first use. Templates see the
/// same names and the same results either way.
/// </summary>
internal sealed class TemplateBuiltins : ScriptObject
{
    private static readonly Lazy<ScriptObject> Stock = new(() => new BuiltinFunctions(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One shared, read-only set: templates write their variables to the model, never here.</summary>
    public static TemplateBuiltins Instance { get; } = new();

    private TemplateBuiltins()
    {
        SetValue("html", new Namespace("html", ("escape", new Function(1, 1, (context, node, arguments) =>
            HtmlFunctions.Escape(context.ObjectToString(arguments[0]))))), true);
        // md.escape: a field's text (a title, an organ's name) as Markdown text, never as markup or a link.
        SetValue("md", new Namespace("md", ("escape", new Function(1, 1, (context, node, arguments) =>
            MarkdownText.Escape(context.ObjectToString(arguments[0]) ?? "")))), true);
        SetValue("array", new Namespace("array", ("join", new Function(2, 3, (context, node, arguments) =>
            ArrayFunctions.Join(context, node?.Span ?? default, arguments[0] as System.Collections.IEnumerable, context.ObjectToString(arguments[1]), arguments.Count > 2 ? arguments[2] : null)))), true);
        IsReadOnly = true;
    }

    public override bool Contains(string member) => base.Contains(member) || Stock.Value.Contains(member);

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
        base.TryGetValue(context, span, member, out value) || Stock.Value.TryGetValue(context, span, member, out value);

    /// <summary>A builtin object (<c>html</c>, <c>array</c>) with some functions of its own and the rest from Scriban's.</summary>
    private sealed class Namespace : ScriptObject
    {
        private readonly string _name;

        public Namespace(string name, params (string Name, Function Function)[] functions)
        {
            _name = name;
            foreach (var (functionName, function) in functions)
            {
                SetValue(functionName, function, true);
            }

            IsReadOnly = true;
        }

        private ScriptObject? StockNamespace => Stock.Value[_name] as ScriptObject;

        public override bool Contains(string member) => base.Contains(member) || (StockNamespace?.Contains(member) ?? false);

        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            if (base.TryGetValue(context, span, member, out value))
            {
                return true;
            }

            if (StockNamespace is { } stock)
            {
                return stock.TryGetValue(context, span, member, out value);
            }

            value = null;
            return false;
        }
    }

    /// <summary>A function taking its arguments as given (a piped value first).</summary>
    private sealed class Function(int required, int count, Func<TemplateContext, ScriptNode?, ScriptArray, object?> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => required;

        public int ParameterCount => count;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "arg" + index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count < required || arguments.Count > count)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, $"expects {(required == count ? $"{count}" : $"{required} to {count}")} argument(s), got {arguments.Count}");
            }

            return body(context, callerContext, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
