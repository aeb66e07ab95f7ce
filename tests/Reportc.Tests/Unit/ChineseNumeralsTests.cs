using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Tests.Unit;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(2, "二")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(30, "三十")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1005, "一千零五")]
    public void Numbers_are_written_the_way_official_documents_write_them(int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(number));

    [Fact]
    public void Every_number_from_1_to_99_has_its_own_distinct_numeral()
    {
        var all = Enumerable.Range(1, 99).Select(ChineseNumerals.Format).ToList();
        Assert.Equal(99, all.Distinct().Count());
        Assert.All(all, s => Assert.DoesNotContain("零", s));
        Assert.All(all, s => Assert.False(s.StartsWith("一十", StringComparison.Ordinal), s));
    }

    [Theory]
    [InlineData(1, 3, "三、")]
    [InlineData(2, 3, "（三）")]
    [InlineData(3, 3, "3.")]
    [InlineData(4, 12, "（12）")]
    public void Heading_levels_follow_GB_T_9704(int level, int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Heading(level, number));

    [Fact]
    public void Run_in_points_count_yi_shi_er_shi() =>
        Assert.Equal(["一是", "二是", "十是", "十一是"], new[] { 1, 2, 10, 11 }.Select(ChineseNumerals.Point));

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Numbers_out_of_range_are_refused(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Format(number));
}
