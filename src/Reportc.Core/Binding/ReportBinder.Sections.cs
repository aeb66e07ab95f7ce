using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using Reportc.Rendering;
using Reportc.Text;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>Sections, subsections and run-in points; numbering is never typed, it comes from the order.</summary>
internal sealed partial class ReportBinder
{
    private static readonly string[] SectionKeys = ["heading", "text", "leads", "points", "subsections"];
    private static readonly string[] SubsectionKeys = ["title", "runin", "text", "leads", "points", "subsections"];
    private static readonly string[] PointKeys = ["title", "text"];

    // GB/T 9704 has four heading levels: 一、 for sections, then （一）, 1. and （1） for subsections.
    private const int MaxLevel = 4;

    // For a section key the kind lacks: the id meant, by spelling or by the words of its heading (a clerk
    // types 存在问题 for problems), else every id with its heading.
    private string SectionHint(ReportKind kind, string key, int year)
    {
        var text = _diagnostics.Text;
        if (Suggestions.Closest(key, kind.Sections.Select(s => s.Id)) is { } close)
        {
            return text.Format("DidYouMeanSection", close, kind.FindSection(close)!.HeadingFor(year));
        }

        var byHeading = key.Length >= 2
            ? kind.Sections.Where(s => s.HeadingFor(year) is var heading && (heading.Contains(key, StringComparison.Ordinal) || key.Contains(Plain(heading), StringComparison.Ordinal))).ToList()
            : [];
        if (byHeading.Count != 1 && key.Length >= 2 && !key.All(char.IsAscii))
        {
            // Else the heading that holds most of the key's characters (其他事项 → 其他需要报告的重要事项), if one clearly does.
            var scored = kind.Sections.Select(s => (Section: s, Share: key.Distinct().Count(c => s.HeadingFor(year).Contains(c)) / (double)key.Distinct().Count()))
                .OrderByDescending(x => x.Share).ToList();
            byHeading = scored[0].Share >= 0.75 && (scored.Count == 1 || scored[1].Share < scored[0].Share) ? [scored[0].Section] : byHeading;
        }

        return byHeading.Count == 1
            ? text.Format("DidYouMeanSection", byHeading[0].Id, byHeading[0].HeadingFor(year))
            : text.Format("ItsSectionsAre", string.Join(text.Get("ListSeparator"), kind.Sections.Select(s => text.Format("SectionWithHeading", s.Id, s.HeadingFor(year)))), kind.Id);

        // A heading without its year: 2024年度履行法院生效裁判情况 → 履行法院生效裁判情况.
        static string Plain(string heading) => System.Text.RegularExpressions.Regex.Replace(heading, @"^[0-9]{4}年度?", "");
    }

    private List<SectionContent> BindSections(YamlMappingNode root, ReportKind kind, int year, IReadOnlyDictionary<string, TableData> tables)
    {
        var found = new Dictionary<string, SectionContent>(StringComparer.Ordinal);
        var order = new List<string>();
        var node = Required(root, "sections", "SectionsHint");
        if (node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                var id = key.KeyText();
                var rule = kind.FindSection(id);
                if (rule is null)
                {
                    Report(Descriptors.UnknownKey, key, id, _diagnostics.Text.Format("SectionsOf", kind.Name), SectionHint(kind, id, year));
                    continue;
                }

                if (!found.ContainsKey(id))
                {
                    order.Add(id);
                }

                found[id] = BindSection(rule, value, YamlLoader.SpanOf(_source.Path, key));
            }
        }
        else if (node is not null)
        {
            Report(Descriptors.WrongNodeType, node, "sections", T("SectionsMapping"), node.Describe(_diagnostics.Text));
        }

        // 'sections' missing or of the wrong kind is reported once, not once for every section.
        if (node is not YamlMappingNode)
        {
            return [];
        }

        // The sections stand in the order the report writes them (the national rule's order, 主要举措和成效 first,
        // or a county's own); the kind says which are required, whatever the order.

        // A section whose table the report gives stands with the table alone (its text is optional), where the
        // kind's order puts it among the sections written.
        foreach (var rule in kind.Sections.Where(r => !found.ContainsKey(r.Id) && tables.Values.Any(t => t.Definition.Section == r.Id)))
        {
            found[rule.Id] = new SectionContent(rule, null, Body.Empty, tables.Values.First(t => t.Definition.Section == rule.Id).Span);
            order.Insert(PlaceOf(kind, order, rule.Id), rule.Id);
        }

        // A missing section is named with the number it would have once written, with the other missing ones
        // (four missing after 一 are 二, 三, 四 and 五, not four times 二).
        var sectionsKey = root.Children.Keys.FirstOrDefault(k => k.KeyText() == "sections") ?? (YamlNode)root;
        var missing = kind.Sections.Where(r => r.Required && !found.ContainsKey(r.Id)).ToList();
        var whole = new List<string>(order);
        foreach (var rule in missing)
        {
            whole.Insert(PlaceOf(kind, whole, rule.Id), rule.Id);
        }

        foreach (var rule in missing)
        {
            Report(Descriptors.MissingSection, sectionsKey, $"{ChineseNumerals.Format(whole.IndexOf(rule.Id) + 1)}、{rule.HeadingFor(year)}", rule.Id, kind.Id);
        }

        return [.. order.Select(id => found[id])];
    }

    // Where a section not written would stand among those written: right after the nearest one the kind puts
    // before it (after 主要举措和成效 for 存在问题, whatever follows), else first.
    private static int PlaceOf(ReportKind kind, List<string> order, string id)
    {
        var rank = kind.Sections.Select(s => s.Id).ToList();
        var before = rank.IndexOf(id);
        var nearest = order.Where(o => rank.IndexOf(o) < before).MaxBy(rank.IndexOf);
        return nearest is null ? 0 : order.IndexOf(nearest) + 1;
    }

    private SectionContent BindSection(SectionRule rule, YamlNode node, SourceSpan span)
    {
        if (node is YamlMappingNode map)
        {
            CheckKeys(map, SectionKeys, () => _diagnostics.Text.Format("SectionNamed", rule.Id));
            var heading = map.Get("heading") is { } h ? ReadText(h, $"sections.{rule.Id}.heading") : null;
            return new SectionContent(rule, heading, BindBody(map, $"sections.{rule.Id}", 1), span);
        }

        return new SectionContent(rule, null, new Body(ReadText(node, $"sections.{rule.Id}"), [], []), span);
    }

    private Body BindBody(YamlMappingNode map, string where, int level)
    {
        var text = map.Get("text") is { } t ? ReadText(t, $"{where}.text") : null;
        var points = map.Get("points") is { } p ? BindPoints(p, $"{where}.points") : [];
        var subsections = map.Get("subsections") is { } s ? BindSubsections(s, $"{where}.subsections", level + 1) : [];
        var leads = map.Get("leads") is { } l ? BindLeads(l, $"{where}.leads") : [];
        if (map.Get("text") is null && map.Get("leads") is null && map.Get("points") is null && map.Get("subsections") is null && map.Get("heading") is null)
        {
            Report(Descriptors.EmptyText, map, where);
        }

        return new Body(text, points, subsections) { Leads = leads };
    }

    // The mappings of a list of items (leads:, subsections:): a node that is no list, or an item that is no
    // mapping, is reported where it is (as the items are read, so in file order).
    private IEnumerable<YamlMappingNode> Mappings(YamlNode node, string where, string listWord, string itemWord)
    {
        if (node is not YamlSequenceNode list)
        {
            Report(Descriptors.WrongNodeType, node, where, T(listWord), node.Describe(_diagnostics.Text));
            yield break;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode map)
            {
                yield return map;
            }
            else
            {
                Report(Descriptors.WrongNodeType, item, where, T(itemWord), item.Describe(_diagnostics.Text));
            }
        }
    }

    // leads: paragraphs each led by a bold title without a number ({ title, text }, or a title alone).
    private List<Lead> BindLeads(YamlNode node, string where)
    {
        var leads = new List<Lead>();
        foreach (var map in Mappings(node, where, "LeadsList", "LeadMapping"))
        {
            CheckKeys(map, PointKeys, () => where);
            var title = Required(map, "title", "LeadTitle") is { } t ? ReadText(t, $"{where}.title") : null;
            var text = map.Get("text") is { } x ? ReadText(x, $"{where}.text") : null;
            if (title is not null)
            {
                leads.Add(new Lead(title, text, YamlLoader.SpanOf(_source.Path, map)));
            }
        }

        return leads;
    }

    private List<Point> BindPoints(YamlNode node, string where)
    {
        var points = new List<Point>();
        if (node is not YamlSequenceNode list)
        {
            Report(Descriptors.WrongNodeType, node, where, T("PointsList"), node.Describe(_diagnostics.Text));
            return points;
        }

        foreach (var item in list.Children)
        {
            var span = YamlLoader.SpanOf(_source.Path, item);
            if (item is YamlMappingNode map)
            {
                CheckKeys(map, PointKeys, () => where);
                var title = map.Get("title") is { } t ? ReadText(t, $"{where}.title") : null;
                var text = map.Get("text") is { } x ? ReadText(x, $"{where}.text") : null;
                if (title is null && text is null)
                {
                    Report(Descriptors.EmptyText, map, where);
                }

                points.Add(new Point(title, text, span));
            }
            else if (ReadText(item, where) is { } text)
            {
                points.Add(new Point(null, text, span));
            }
        }

        return points;
    }

    private List<Subsection> BindSubsections(YamlNode node, string where, int level)
    {
        var subsections = new List<Subsection>();
        if (level > MaxLevel)
        {
            Report(Descriptors.SubsectionsTooDeep, node, MaxLevel - 1);
            return subsections;
        }

        foreach (var map in Mappings(node, where, "SubsectionsList", "SubsectionMapping"))
        {
            CheckKeys(map, SubsectionKeys, () => where);
            var title = Required(map, "title", "SubsectionTitle") is { } t ? ReadText(t, $"{where}.title") : null;
            var runIn = map.Get("runin") is not YamlScalarNode { Value: var runin } || Text.YamlScalar.Boolean(runin) != false;
            var body = BindBody(map, where, level);
            if (title is not null)
            {
                subsections.Add(new Subsection(title, runIn, body, YamlLoader.SpanOf(_source.Path, map)));
            }
        }

        return subsections;
    }
}
