using System.Text;
using Reportc.Kinds;

namespace Reportc.Tests.Import;

/// <summary>A report saved from a government website: the page around the article, and tables with captions.</summary>
public sealed class HtmlImportTests
{
    [Fact]
    public void A_saved_government_page_gives_its_article_without_navigation_footer_or_scripts()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "t20250120_1234.html");
        File.WriteAllText(path, Page(), new UTF8Encoding(false));

        var result = ImportAssertions.Import(path);
        var (yaml, report, markdown, _) = ImportAssertions.Accepted(result, folder);

        Assert.Equal("gov-info-disclosure", report.Kind.Id);
        Assert.Equal(["示例县司法局2024年政府信息公开工作年度报告"], report.Document.TitleLines);
        Assert.Equal(["示例县司法局"], report.Document.Issuers);
        Assert.Equal(new DateOnly(2025, 1, 20), report.Document.Date);
        foreach (var chrome in new[] { "网站首页", "当前位置", "发布时间", "分享到", "主办单位", "网站标识码", "打印本页", "gtag", "示例县人民政府门户网站", "var " })
        {
            Assert.DoesNotContain(chrome, yaml, StringComparison.Ordinal);
        }

        Assert.Equal(new decimal[] { 2, 1, 5 }, report.Tables["proactive"].Cells.Where(c => c.Key.Row == "normative").OrderBy(c => c.Key.Column == "issued" ? 0 : c.Key.Column == "repealed" ? 1 : 2).Select(c => c.Value));
        Assert.Equal(16, report.Tables["requests"].Cells[("received", "total")]);
        Assert.Equal(1, report.Tables["reviews"].Cells[("cases", "review_kept")]);
        Assert.Contains("及时性有待提高", markdown, StringComparison.Ordinal);
        // The tables' captions name the kind's tables: they are the tables, not text.
        Assert.DoesNotContain("表一", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RC1110");
    }

    [Fact]
    public void A_caption_of_a_table_the_kind_has_no_place_for_is_kept_as_text()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "示例镇2024年法治政府建设报告.html");
        File.WriteAllText(path, """
            <html><head><meta charset="utf-8"><title>示例镇</title></head><body>
            <h1>示例镇2024年法治政府建设工作情况的报告</h1>
            <p>2024年，示例镇坚持依法行政，法治政府建设取得新进展。现报告如下：</p>
            <h2>一、主要举措和成效</h2>
            <p>全镇开展普法宣传活动，群众参与积极。</p>
            <table><caption>表1 各村普法宣传场次</caption>
            <tr><th>村（社区）</th><th>场次</th></tr><tr><td>东村</td><td>6</td></tr><tr><td>西村</td><td>4</td></tr></table>
            <p>示例镇人民政府</p><p>2025年1月10日</p>
            </body></html>
            """, new UTF8Encoding(false));

        var result = ImportAssertions.Import(path);
        var (yaml, _, markdown, _) = ImportAssertions.Accepted(result, folder);

        Assert.Contains(result.Diagnostics, d => d.Code == "RC1110");
        Assert.Contains("表1各村普法宣传场次", yaml.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("各村普法宣传场次", markdown, StringComparison.Ordinal);
        Assert.Contains("东村", yaml, StringComparison.Ordinal);
    }

    // A page as a county website's CMS saves it: banner, menu, 当前位置, the title, 发布时间, the article (id="zoom"),
    // share and print tools, footer, scripts. Invented words throughout.
    private static string Page()
    {
        var kind = new KindCatalog().Find("gov-info-disclosure", new Diagnostics.DiagnosticBag(Diagnostics.MessageText.English))!;
        var requests = new StringBuilder("<table border=\"1\"><caption>表二 收到和处理政府信息公开申请情况</caption>\n<tr><td colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>\n");
        foreach (var row in kind.Tables.Single(t => t.Id == "requests").Rows.Where(r => !r.IsGroup))
        {
            int[] cells = row.Id switch
            {
                "received" or "results_total" => [12, 3, 0, 0, 1, 0, 16],
                "carried_in" or "carried_out" => [1, 0, 0, 0, 0, 0, 1],
                "disclosed" => [11, 3, 0, 0, 1, 0, 15],
                "third_party" => [1, 0, 0, 0, 0, 0, 1],
                _ => [0, 0, 0, 0, 0, 0, 0],
            };
            requests.Append("<tr><td colspan=\"3\">").Append(row.Label).Append("</td>").Append(string.Concat(cells.Select(c => $"<td>{c}</td>"))).Append("</tr>\n");
        }

        requests.Append("</table>");
        return $$"""
            <!DOCTYPE html>
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <title>示例县司法局2024年政府信息公开工作年度报告_示例县人民政府</title>
            <script>var _hmt = _hmt || []; function gtag(){ dataLayer.push(arguments); }</script>
            <style>.nav li { float: left; }</style></head>
            <body>
            <div class="header"><h1>示例县人民政府门户网站</h1></div>
            <div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
            <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
            <div class="article-title"><h2>示例县司法局2024年政府信息公开工作年度报告</h2></div>
            <div class="info">发布时间：2025-01-20 10:30 来源：示例县司法局 【字体：大 中 小】</div>
            <div id="zoom" class="TRS_Editor">
            <p>　　本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>
            <p><strong>　　一、总体情况</strong></p>
            <p>　　2024年，示例县司法局坚持以公开为常态、不公开为例外，全年主动公开政府信息156条。</p>
            <p><strong>　　二、主动公开政府信息情况</strong></p>
            <table border="1"><caption>表一 主动公开政府信息情况</caption>
            <tr><td colspan="4">第二十条第（一）项</td></tr>
            <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
            <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
            <tr><td>行政规范性文件</td><td>2</td><td>1</td><td>5</td></tr>
            <tr><td colspan="4">第二十条第（五）项</td></tr>
            <tr><td>行政许可</td><td colspan="3">36</td></tr>
            <tr><td colspan="4">第二十条第（六）项</td></tr>
            <tr><td>行政处罚</td><td colspan="3">128</td></tr>
            <tr><td>行政强制</td><td colspan="3">3</td></tr>
            <tr><td colspan="4">第二十条第（八）项</td></tr>
            <tr><td>行政事业性收费</td><td colspan="3">0</td></tr>
            </table>
            <p><strong>　　三、收到和处理政府信息公开申请情况</strong></p>
            {{requests}}
            <p><strong>　　四、政府信息公开行政复议、行政诉讼情况</strong></p>
            <table border="1"><caption>表三 政府信息公开行政复议、行政诉讼情况</caption>
            <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
            <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            </table>
            <p><strong>　　五、存在的主要问题及改进情况</strong></p>
            <p>　　政府信息公开的及时性有待提高。下一步将完善发布审核机制。</p>
            <p><strong>　　六、其他需要报告的事项</strong></p>
            <p>　　本年度未收取信息处理费。</p>
            <p style="text-align:right">示例县司法局</p>
            <p style="text-align:right">2025年1月20日</p>
            </div>
            <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
            <div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
            <div class="footer"><p>主办单位：示例县人民政府办公室 网站标识码：0000000000</p></div>
            <script>gtag('config', 'X-1');</script>
            </body></html>
            """;
    }
}
