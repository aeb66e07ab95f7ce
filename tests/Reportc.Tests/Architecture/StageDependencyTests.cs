using System.Reflection;
using System.Reflection.Emit;
using Reportc.Diagnostics;

namespace Reportc.Tests.Architecture;

/// <summary>
/// The stages keep to their order, read from the compiled Reportc.Core: a namespace uses only namespaces of
/// its own stage or earlier ones (fields, signatures, locals, and every type, method and field its code
/// touches), so helpers shared by stages live in Text, which uses none.
/// </summary>
public sealed class StageDependencyTests
{
    // Earliest first. Model holds the bound report's types; the root namespace (ReportCompiler) runs the
    // stages; the tools after it (new's skeleton, diff, the editor schema, import) read what the stages make;
    // Batch runs the compiler over a build's inputs (write, print), for the command line.
    private static readonly string[][] Stages =
    [
        ["Reportc.Text"],
        ["Reportc.Diagnostics"],
        ["Reportc.Loading"],
        ["Reportc.Kinds"],
        ["Reportc.Model"],
        ["Reportc.Binding"],
        ["Reportc.Checks"],
        ["Reportc.Rendering", "Reportc.Rendering.Docx"],
        ["Reportc.Output"],
        ["Reportc.Pdf"],
        ["Reportc"],
        ["Reportc.Authoring", "Reportc.Diff", "Reportc.Schema"],
        ["Reportc.Import"],
        ["Reportc.Batch"],
    ];

    // Uses of a later stage, and check diagnostics raised by a renderer, not moved yet, each with why; the
    // tests fail when one is gone, so the list only shrinks. Empty: {{id}} and {{table.row.column}} are
    // resolved in Binding (NarrativeReferences) and reported by Checks (ReferenceChecks).
    private static readonly Dictionary<string, string> KnownExceptions = new(StringComparer.Ordinal);

    private static readonly Assembly Core = typeof(ReportCompiler).Assembly;

    [Fact]
    public void Every_namespace_of_the_core_is_placed_in_a_stage() =>
        Assert.Empty(Core.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith("Reportc", StringComparison.Ordinal) && StageOf(n) < 0).Distinct());

    [Fact]
    public void No_stage_uses_a_later_stage()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Core.GetTypes().Where(t => t.Namespace?.StartsWith("Reportc", StringComparison.Ordinal) == true))
        {
            var stage = StageOf(type.Namespace!);
            foreach (var used in Uses(type).Where(u => u.Assembly == Core && u.Namespace is { } n && StageOf(n) > stage))
            {
                found.Add($"{Outer(type).FullName} -> {Outer(used).FullName}");
            }
        }

        var unexpected = found.Where(f => !KnownExceptions.ContainsKey(f)).ToList();
        var gone = KnownExceptions.Keys.Where(k => k.Contains(" -> ", StringComparison.Ordinal) && !found.Contains(k)).ToList();
        Assert.True(unexpected.Count == 0, "A stage uses a later one:\n" + string.Join("\n", unexpected));
        Assert.True(gone.Count == 0, "No longer used, take it off KnownExceptions:\n" + string.Join("\n", gone));
    }

    [Fact]
    public void The_renderers_raise_no_check_diagnostics_only_template_kind_and_font_errors()
    {
        var allowed = new[] { Descriptors.TemplateError, Descriptors.KindError, Descriptors.FontNotEmbedded }.Select(d => d.Code).ToHashSet();
        var raised = Core.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Reportc.Rendering", StringComparison.Ordinal) == true)
            .SelectMany(t => Members(t).OfType<FieldInfo>().Where(f => f.DeclaringType == typeof(Descriptors)).Select(f => (Type: Outer(t).Name, Code: ((DiagnosticDescriptor)f.GetValue(null)!).Code)))
            .Where(r => !allowed.Contains(r.Code))
            .Select(r => $"{r.Type} raises {r.Code}")
            .ToHashSet(StringComparer.Ordinal);

        var unexpected = raised.Where(r => !KnownExceptions.ContainsKey(r)).Order(StringComparer.Ordinal).ToList();
        var gone = KnownExceptions.Keys.Where(k => k.Contains(" raises ", StringComparison.Ordinal) && !raised.Contains(k)).ToList();
        Assert.True(unexpected.Count == 0, "A renderer raises a check's diagnostic:\n" + string.Join("\n", unexpected));
        Assert.True(gone.Count == 0, "No longer raised, take it off KnownExceptions:\n" + string.Join("\n", gone));
    }

    [Fact]
    public void No_check_writes_a_table_cell_the_totals_are_computed_when_the_report_is_bound()
    {
        var cells = typeof(Model.TableData).GetProperty(nameof(Model.TableData.Cells))!.PropertyType;
        var writers = Core.GetTypes()
            .Where(t => t.Namespace == "Reportc.Checks" && Members(t).OfType<MethodInfo>().Any(m => m.DeclaringType == cells && m.Name is "set_Item" or "Add" or "TryAdd" or "Remove" or "Clear"))
            .Select(t => Outer(t).Name)
            .Distinct();
        Assert.Empty(writers);
    }

    private static int StageOf(string ns) => Array.FindIndex(Stages, s => s.Contains(ns, StringComparer.Ordinal));

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Every type a type's declaration and code name.
    private static IEnumerable<Type> Uses(Type type)
    {
        var types = new List<Type>();
        if (type.BaseType is { } b)
        {
            types.Add(b);
        }

        types.AddRange(type.GetInterfaces());
        types.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        types.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo m)
            {
                types.Add(m.ReturnType);
            }

            types.AddRange(method.GetParameters().Select(p => p.ParameterType));
            types.AddRange(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
        }

        foreach (var member in Members(type))
        {
            types.Add(member as Type ?? member.DeclaringType!);
            types.AddRange(member switch
            {
                FieldInfo f => [f.FieldType],
                MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
                ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                _ => [],
            });
        }

        return types.SelectMany(Expand);
    }

    // A generic's arguments, an array's element: List<Narrative> uses Narrative.
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type) : [type];
    }

    // The types, methods and fields the IL of a type's methods refers to.
    private static IEnumerable<MemberInfo> Members(Type type)
    {
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                continue;
            }

            var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            for (var i = 0; i < il.Length;)
            {
                var code = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
                i += il[i] == 0xFE ? 2 : 1;
                if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
                {
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A member of a generic type instantiated elsewhere: its declaring type is named by another token.
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }
                }

                i += OperandSize(code.OperandType, il, i);
            }
        }
    }

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static StageDependencyTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
