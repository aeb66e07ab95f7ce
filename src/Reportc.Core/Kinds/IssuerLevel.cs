namespace Reportc.Kinds;

/// <summary>The level of government an issuing organ belongs to, read from its name; Unknown when it names none.</summary>
public enum IssuerLevel
{
    Unknown,
    Township,
    County,
    City,
    Province,
}

/// <summary>
/// Reads an organ's level from its name: the last place word in it decides (示例市示例区人民政府: 区, county;
/// 示例县司法局: county; 示例镇人民政府: township; 示例省人民政府办公厅: province). Words that only look like
/// place words (市场, 城乡, 乡村, 社区…) are set aside first.
/// </summary>
public static class IssuerLevels
{
    private static readonly string[] NotPlaces = ["市场", "城市", "都市", "市政", "城乡", "乡村", "县域", "区域", "社区", "园区", "景区", "小区"];

    private static readonly (string Word, IssuerLevel Level)[] Markers =
    [
        ("自治区", IssuerLevel.Province), ("省", IssuerLevel.Province),
        ("自治州", IssuerLevel.City), ("地区", IssuerLevel.City), ("盟", IssuerLevel.City), ("市", IssuerLevel.City),
        ("自治县", IssuerLevel.County), ("县", IssuerLevel.County), ("旗", IssuerLevel.County), ("区", IssuerLevel.County),
        ("街道", IssuerLevel.Township), ("镇", IssuerLevel.Township), ("乡", IssuerLevel.Township), ("苏木", IssuerLevel.Township),
    ];

    // The four municipalities directly under the central government are provinces.
    private static readonly string[] Municipalities = ["北京市", "上海市", "天津市", "重庆市"];

    public static IssuerLevel Of(string? organ)
    {
        if (string.IsNullOrWhiteSpace(organ))
        {
            return IssuerLevel.Unknown;
        }

        var name = organ;
        foreach (var word in NotPlaces)
        {
            name = name.Replace(word, new string('·', word.Length), StringComparison.Ordinal);
        }

        var (at, level) = (-1, IssuerLevel.Unknown);
        foreach (var (word, marker) in Markers)
        {
            var i = name.LastIndexOf(word, StringComparison.Ordinal);
            // The longer word wins at the same place (自治区 over 区, 地区 over 区).
            if (i >= 0 && i + word.Length - 1 > at)
            {
                (at, level) = (i + word.Length - 1, marker);
            }
        }

        return level == IssuerLevel.City && Municipalities.Any(m => name.StartsWith(m, StringComparison.Ordinal) && at == m.Length - 1)
            ? IssuerLevel.Province
            : level;
    }
}
