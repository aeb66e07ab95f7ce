using System.Collections.Concurrent;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reportc.Rendering;

/// <summary>The parsed Scriban templates of the kinds in use: each parsed once, shared by every report.</summary>
public sealed class TemplateSet
{
    private readonly ConcurrentDictionary<(ReportKind, string), Lazy<(Template? Template, IReadOnlyList<TemplateProblem> Errors)>> _cache = new();

    /// <summary>The template of <paramref name="kind"/> for output <paramref name="format"/>; parse errors are reported.</summary>
    public Template? Get(ReportKind kind, string format, DiagnosticBag diagnostics)
    {
        var entry = _cache.GetOrAdd((kind, format), key => new Lazy<(Template?, IReadOnlyList<TemplateProblem>)>(() => Parse(key.Item1, key.Item2))).Value;
        foreach (var error in entry.Errors)
        {
            diagnostics.Report(error.Descriptor, error.Span, error.Args);
        }

        return entry.Template;
    }

    // The output buffer of each thread, kept between renders: a report's output grows it once, not every time.
    [ThreadStatic]
    private static System.Text.StringBuilder? t_output;

    /// <summary>Renders with strict variables: a name the model lacks is an error located in the template.</summary>
    public static string? Render(Template template, ReportKind kind, ScriptObject model, DiagnosticBag diagnostics, TemplateBudget? budget = null)
    {
        budget ??= TemplateBudget.Default;
        using var clock = new CancellationTokenSource(budget.Time);
        var context = new TemplateContext(TemplateBuiltins.Instance)
        {
            StrictVariables = true,
            NewLine = "\n",
            TemplateLoader = new KindTemplateLoader(kind.Files),
            LoopLimit = 100_000,
            // Scriban cuts any value it prints at 1 MiB unless told otherwise: an embedded font is larger. The
            // limit also bounds what string.pad_left/pad_right and string * n can make.
            LimitToString = budget.StringChars,
            CancellationToken = clock.Token,
        };
        context.PushGlobal(model);
        var output = t_output ??= new System.Text.StringBuilder(1 << 15);
        output.Clear();
        context.PushOutput(new BudgetedOutput(output, context, budget.OutputChars));
        try
        {
            return template.Render(context);
        }
        catch (ScriptAbortException e) when (clock.IsCancellationRequested)
        {
            diagnostics.Report(Descriptors.TemplateError, ToSpan(e.Span, template.SourceFilePath ?? ""), new MessagePart("TemplateOverTime", budget.Time.TotalSeconds));
            return null;
        }
        catch (Exception e) when (e is OutputOverBudgetException || e.InnerException is OutputOverBudgetException)
        {
            // Scriban wraps what the output throws, at the statement that wrote.
            var span = e is ScriptRuntimeException wrapped ? wrapped.Span : ((OutputOverBudgetException)e).Span;
            diagnostics.Report(Descriptors.TemplateError, ToSpan(span, template.SourceFilePath ?? ""), new MessagePart("TemplateOverOutput", budget.OutputChars / (1 << 20)));
            return null;
        }
        catch (NoMemberException e)
        {
            diagnostics.Report(Descriptors.TemplateError, ToSpan(e.Span, template.SourceFilePath ?? ""), e.Part);
            return null;
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            diagnostics.Report(Descriptors.TemplateError, ToSpan(e.Span, template.SourceFilePath ?? ""), e.OriginalMessage);
            return null;
        }
        finally
        {
            if (output.Capacity > 1 << 20)
            {
                t_output = null; // an unusually large output is not kept alive
            }
        }
    }

    private static (Template?, IReadOnlyList<TemplateProblem>) Parse(ReportKind kind, string format)
    {
        var errors = new List<TemplateProblem>();
        if (!kind.Templates.TryGetValue(format, out var name) || !kind.Files.Exists(name))
        {
            var where = Reportc.Diagnostics.SourceSpan.WholeFile(kind.Files.DisplayPath("kind.yaml"));
            errors.Add(new TemplateProblem(Descriptors.KindError, where, [kind.Id, new MessagePart("KindNoTemplate", format)]));
            return (null, errors);
        }

        var path = kind.Files.DisplayPath(name);
        var text = kind.Files.Read(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        var template = Template.Parse(text, path);
        foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
        {
            errors.Add(new TemplateProblem(Descriptors.TemplateError, ToSpan(message.Span, path), [message.Message]));
        }

        return (template.HasErrors ? null : template, errors);
    }

    private static Reportc.Diagnostics.SourceSpan ToSpan(Scriban.Parsing.SourceSpan span, string fallbackPath) => new(
        string.IsNullOrEmpty(span.FileName) ? fallbackPath : span.FileName,
        span.Start.Line + 1,
        span.Start.Column + 1,
        span.End.Line + 1,
        span.End.Column + 1);

    // The template's output, cut off with an error at the statement writing past the budget.
    private sealed class BudgetedOutput(System.Text.StringBuilder builder, TemplateContext context, int limit) : IScriptOutput
    {
        public void Write(string text, int offset, int count)
        {
            if (builder.Length + (long)count > limit)
            {
                throw new OutputOverBudgetException(context.CurrentSpan);
            }

            builder.Append(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        // Template.Render returns what the output prints.
        public override string ToString() => builder.ToString();
    }

    private sealed class OutputOverBudgetException(Scriban.Parsing.SourceSpan span) : Exception
    {
        public Scriban.Parsing.SourceSpan Span { get; } = span;
    }

    // Parse problems are kept as data and worded for each report, in its language.
    private sealed record TemplateProblem(DiagnosticDescriptor Descriptor, Reportc.Diagnostics.SourceSpan Span, object?[] Args);

    /// <summary>Lets templates <c>include</c> other files of their own kind, and nothing outside it.</summary>
    private sealed class KindTemplateLoader(KindFiles files) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
            files.Exists(templateName) ? templateName : throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"the kind has no file '{templateName}'");

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => files.Read(templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(files.Read(templatePath));
    }
}
