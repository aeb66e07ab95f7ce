using Reportc.Rendering;
using Scriban;
using Scriban.Syntax;

namespace Reportc.Tests.Unit;

/// <summary>reportc's builtins answer templates exactly as Scriban's own set does, for the functions it
/// writes itself and for every other builtin, which it takes from Scriban's set on first use.</summary>
public sealed class TemplateBuiltinsTests
{
    [Theory]
    [InlineData("""{{ "a<b & \"c\"" | html.escape }}""")]
    [InlineData("""{{ html.escape "<p>" }}""")]
    [InlineData("""{{ ["北留镇", "党委"] | array.join "、" }}""")]
    [InlineData("""{{ array.join [1, 2, 3] "-" }}""")]
    [InlineData("""{{ [] | array.join "," }}""")]
    [InlineData("""{{ null | html.escape }}|{{ 42 | html.escape }}""")]
    [InlineData("""{{ "abc" | string.upcase }}""")]
    [InlineData("""{{ [3, 1, 2] | array.sort | array.join "," }}""")]
    [InlineData("""{{ "<b>x</b>" | html.strip }}""")]
    [InlineData("""{{ math.round 1.55 1 }}|{{ [1, 2] | array.size }}""")]
    [InlineData("""{{ x = "v" }}{{ x }}{{ func f(a); ret a + 1; end; f 1 }}""")]
    public void Templates_render_as_with_scribans_own_builtins(string text)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors);
        Assert.Equal(template.Render(Context(stock: true)), template.Render(Context(stock: false)));
    }

    [Theory]
    [InlineData("""{{ html.escape }}""")]
    [InlineData("""{{ array.join }}""")]
    [InlineData("""{{ html.no_such_function "x" }}""")]
    [InlineData("""{{ no_such_object.f }}""")]
    public void Wrong_calls_fail_as_template_errors(string text)
    {
        var template = Template.Parse(text);
        Assert.Throws<ScriptRuntimeException>(() => template.Render(Context(stock: true)));
        Assert.Throws<ScriptRuntimeException>(() => template.Render(Context(stock: false)));
    }

    [Fact]
    public void A_template_that_assigns_a_builtin_name_shadows_it_in_its_own_model_only()
    {
        var template = Template.Parse("""{{ html = "x" }}{{ html }}""");
        Assert.Equal("x", template.Render(Context(stock: true)));
        Assert.Equal("x", template.Render(Context(stock: false)));
        Assert.Equal("&lt;", Template.Parse("""{{ "<" | html.escape }}""").Render(Context(stock: false)));
    }

    // As TemplateSet renders: the report's model is the global a template writes to.
    private static TemplateContext Context(bool stock)
    {
        var context = stock ? new TemplateContext() : new TemplateContext(TemplateBuiltins.Instance);
        context.StrictVariables = true;
        context.PushGlobal(new Scriban.Runtime.ScriptObject());
        return context;
    }
}
