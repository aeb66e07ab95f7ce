using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Reportc.Diagnostics;
using Reportc.Loading;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Unit;

public sealed class YamlMessagesTests
{
    private static HashSet<string> YamlDotNetStrings()
    {
        using var stream = File.OpenRead(typeof(YamlDotNet.Core.Parser).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        return strings;
    }

    [Fact]
    public void Every_explained_message_is_one_yamldotnet_still_gives()
    {
        // An upgrade of YamlDotNet that rewords a message would otherwise drop its explanation silently.
        var strings = YamlDotNetStrings();
        Assert.All(YamlMessages.Keys.Keys, message => Assert.Contains(message, strings));
    }

    [Fact]
    public void Every_explanation_is_worded_in_english_and_in_chinese()
    {
        Assert.All(YamlMessages.Keys.Values.Distinct(), key =>
        {
            var english = MessageText.English.Get(key);
            var chinese = MessageText.Chinese.Get(key);
            Assert.NotEqual(key, english);
            Assert.NotEqual(english, chinese);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
        });
    }

    [Theory]
    [InlineData("  number: @北发〔2025〕4号", "en", "(11,11): error RC0101: YAML syntax error: a YAML value cannot start with this character ('@' and '`' are reserved): put the whole text in quotes")]
    [InlineData("  number: @北发〔2025〕4号", "zh", "(11,11): error RC0101: YAML 语法错误：YAML 的值不能以此字符开头（“@”和“`”是保留字符）：把整段文字放进引号")]
    [InlineData("  number: \"北发〔2025〕4号", "zh", "(11,11): error RC0101: YAML 语法错误：此处开始的双引号文字延续到了缩进更少的行：多半是少了结束的引号")]
    [InlineData("  number: 北发〔2025〕4号\n  这是一行", "zh", "(12,3): error RC0101: YAML 语法错误：此处应是一个键（“名称: 值”）。")]
    public void A_syntax_error_says_what_was_expected_in_the_message_language(string line, string language, string expected)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, File.ReadAllText(TestPaths.Sample).Replace("  number: 北发〔2025〕4号", line, StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", language);

        Assert.Equal(1, code);
        Assert.Contains("r.yaml" + expected, stderr);
    }
}
