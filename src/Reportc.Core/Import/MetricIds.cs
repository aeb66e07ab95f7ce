using System.Text;

namespace Reportc.Import;

/// <summary>Readable ASCII ids for metrics of a report's own, from the words of their labels.</summary>
internal static class MetricIds
{
    // Longest first where one word holds another (法律咨询 before 咨询).
    private static readonly (string Words, string Id)[] Dictionary =
    [
        ("理论学习中心组", "central_group"), ("学法用法示范户", "model_households"), ("民主法治示范村", "model_villages"),
        ("法律明白人", "legal_literates"), ("法律顾问", "legal_adviser"), ("法律咨询", "legal_consultations"), ("法律援助", "legal_aid"),
        ("网上逃犯", "fugitives"), ("治安案件", "public_order_cases"), ("刑事案件", "criminal_cases"), ("吸毒", "drug"), ("盗窃", "theft"),
        ("行政处罚", "penalty"), ("行政强制", "enforcement"), ("行政复议", "reconsideration"), ("行政诉讼", "litigation"), ("行政应诉", "litigation"),
        ("行政执法", "law_enforcement"), ("执法人员", "enforcement_officers"), ("规范性文件", "normative_docs"), ("合法性审查", "legality_reviews"),
        ("信息公开", "disclosure"), ("政务信息", "gov_info"), ("信访", "petitions"), ("矛盾纠纷", "disputes"), ("纠纷", "disputes"),
        ("视频会见", "video_visits"), ("会见", "visits"), ("专题会议", "special_meetings"), ("会议", "meetings"), ("讲座", "lectures"),
        ("大讲堂", "lectures"), ("培训", "training"), ("学法", "law_study"), ("普法", "law_publicity"), ("宣传", "publicity"),
        ("读物", "readings"), ("资料", "materials"), ("场所", "venues"), ("示范", "model"), ("国家级", "national"), ("省级", "provincial"),
        ("市级", "city"), ("县级", "county"), ("村", "villages"), ("社区", "communities"), ("企业", "enterprises"), ("学校", "schools"),
        ("成功率", "success_rate"), ("合格率", "pass_rate"), ("参考率", "exam_rate"), ("覆盖率", "coverage_rate"), ("率", "rate"),
        ("罚款", "fines"), ("收费", "fees"), ("经费", "funds"), ("资金", "funds"), ("立案", "filed"), ("案件", "cases"), ("案卷", "case_files"),
        ("督查", "inspections"), ("督察", "inspections"), ("检查", "inspections"), ("整改", "rectified"), ("问题", "issues"),
        ("审核", "reviews"), ("审查", "reviews"), ("听取", "hearings"), ("研究", "studies"), ("活动", "events"), ("人员", "people"),
        ("干部", "cadres"), ("群众", "residents"), ("党员", "party_members"), ("调解", "mediations"), ("文件", "documents"),
        ("信息", "info"), ("决策", "decisions"), ("申请", "requests"), ("投诉", "complaints"), ("举报", "reports"), ("咨询", "consultations"),
    ];

    /// <summary>
    /// An id made of up to three words of the label (drug_cases), unique among <paramref name="taken"/> (which
    /// only grows): the first free of id, id_2, id_3…, searched from where <paramref name="next"/> says the last
    /// search for that id ended.
    /// </summary>
    public static string Make(string label, ISet<string> taken, Dictionary<string, int> next)
    {
        var words = new List<string>();
        var rest = label;
        while (words.Count < 3)
        {
            var hit = Dictionary.Select(d => (d, At: rest.IndexOf(d.Words, StringComparison.Ordinal)))
                .Where(x => x.At >= 0).OrderBy(x => x.At).ThenByDescending(x => x.d.Words.Length).FirstOrDefault();
            if (hit.d.Words is null)
            {
                break;
            }

            if (!words.Contains(hit.d.Id, StringComparer.Ordinal))
            {
                words.Add(hit.d.Id);
            }

            rest = rest[(hit.At + hit.d.Words.Length)..];
        }

        var id = words.Count == 0 ? "metric" : Shorten(string.Join("_", words));
        var unique = id;
        var n = next.GetValueOrDefault(id, 2);
        if (taken.Contains(unique))
        {
            do
            {
                unique = id + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                n++;
            }
            while (taken.Contains(unique));
            next[id] = n;
        }

        taken.Add(unique);
        return unique;
    }

    // drug + cases: "drug_cases"; a word repeated inside another (disputes, disputes_…) is written once.
    private static string Shorten(string id)
    {
        var parts = id.Split('_');
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0 && text.ToString().Split('_').Contains(part, StringComparer.Ordinal))
            {
                continue;
            }

            text.Append(text.Length > 0 ? "_" : "").Append(part);
        }

        return text.ToString();
    }
}
