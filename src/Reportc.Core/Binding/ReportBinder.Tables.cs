using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using Reportc.Text;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>
/// Tables: <c>tables: { requests: { received: [3, 1, 0, 0, 0, 0, 4], … } }</c>, one row a line, the numbers
/// in the kind's column order. Totals may be left out: the table's rules compute them.
/// </summary>
internal sealed partial class ReportBinder
{
    private Dictionary<string, TableData> BindTables(YamlMappingNode root, ReportKind kind, IReadOnlyList<string> issuers)
    {
        _issuerLevel = IssuerLevels.Of(issuers.FirstOrDefault());
        var tables = new Dictionary<string, TableData>(StringComparer.Ordinal);
        if (root.Get("tables") is not { } node)
        {
            ReportMissingTables([], kind, root);
            return tables;
        }

        if (node is not YamlMappingNode map)
        {
            Report(Descriptors.WrongNodeType, node, "tables", T("NodeMapping"), node.Describe(_diagnostics.Text));
            return tables;
        }

        foreach (var (key, value) in map.Children)
        {
            var id = key.KeyText();
            var definition = kind.Tables.FirstOrDefault(t => t.Id == id);
            if (definition is null)
            {
                Report(Descriptors.UnknownKey, key, id, "tables", DidYouMean.Phrase(id, kind.Tables.Select(t => t.Id), _diagnostics.Text) is { Length: > 0 } s ? s : _diagnostics.Text.Format("ExpectedOneOf", string.Join(", ", kind.Tables.Select(t => t.Id))));
                continue;
            }

            if (value is not YamlMappingNode rows)
            {
                Report(Descriptors.WrongNodeType, value, $"tables.{id}", T("NodeMapping"), value.Describe(_diagnostics.Text));
                continue;
            }

            var table = new TableData(definition, YamlLoader.SpanOf(_source.Path, key));
            BindRows(table, rows);
            TableTotals.Compute(table);
            tables[id] = table;
        }

        ReportMissingTables([.. map.Children.Keys.Select(k => k.KeyText())], kind, root.Children.Keys.First(k => k.KeyText() == "tables"));
        return tables;
    }

    // Every table a kind names is one the report must give (the 政府信息公开 report's three are mandated).
    private void ReportMissingTables(HashSet<string> given, ReportKind kind, YamlNode at)
    {
        foreach (var definition in kind.Tables.Where(t => !given.Contains(t.Id)))
        {
            Report(Descriptors.TableMissing, at, definition.Caption, definition.Id);
        }
    }

    // The level of the lead issuing organ: what a plausible amount is depends on it (RC1004).
    private IssuerLevel _issuerLevel;

    private static readonly Dictionary<IssuerLevel, string> LevelNames = new()
    {
        [IssuerLevel.Unknown] = "LevelAny", [IssuerLevel.Township] = "LevelTownship", [IssuerLevel.County] = "LevelCounty",
        [IssuerLevel.City] = "LevelCity", [IssuerLevel.Province] = "LevelProvince",
    };

    private void BindRows(TableData table, YamlMappingNode rows)
    {
        var definition = table.Definition;
        var dataRows = definition.Rows.Where(r => !r.IsGroup).ToList();
        foreach (var (key, value) in rows.Children)
        {
            var rowId = key.KeyText();
            var row = dataRows.FirstOrDefault(r => r.Id == rowId);
            if (row is null)
            {
                Report(Descriptors.UnknownKey, key, rowId, $"tables.{definition.Id}", DidYouMean.Phrase(rowId, dataRows.Select(r => r.Id!), _diagnostics.Text));
                continue;
            }

            table.RowSpans[rowId] = YamlLoader.SpanOf(_source.Path, key);
            var cells = value is YamlSequenceNode list ? list.Children : value is YamlScalarNode ? [value] : [];
            var columns = definition.ColumnsOf(row);
            var typed = columns.Where(c => !definition.IsComputedColumn(c.Id)).ToList();
            var target = cells.Count == columns.Count ? columns : cells.Count == typed.Count ? typed : null;
            if (target is null)
            {
                // How many it takes (with or without the totals a rule computes), and which, by their groups too
                // (the 复议诉讼 table has 结果维持 three times).
                var takes = typed.Count == columns.Count ? _diagnostics.Text.Format("CountOf", columns.Count) : _diagnostics.Text.Format("CountWithTotals", typed.Count, columns.Count);
                Report(Descriptors.TableRowCells, value, row.Label, cells.Count, takes, string.Join("、", columns.Select(c => c.Group is null ? c.Label : $"{c.Group}·{c.Label}")));
                continue;
            }

            for (var i = 0; i < target.Count; i++)
            {
                // "~" is a number still to be filled in (reportc new writes it): like an empty metric, one
                // warning a row (at its first "~").
                if (IsPending(cells[i]))
                {
                    if (!table.Pending || _pending[^1].Item1 != $"{definition.Id}.{rowId}")
                    {
                        _pending.Add(($"{definition.Id}.{rowId}", YamlLoader.SpanOf(_source.Path, cells[i]), $"{definition.Caption}：{row.Label}"));
                    }

                    table.Pending = true;
                    continue;
                }

                // "" is a cell left blank, as published tables have them: printed blank, and counted as 0 by the
                // rules only where the kind's table says so (blank: zero).
                if (cells[i] is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain, Value: "" })
                {
                    table.Blanks.Add((rowId, target[i].Id));
                    table.Texts[(rowId, target[i].Id)] = "";
                    if (definition.BlankIsZero)
                    {
                        table.Cells[(rowId, target[i].Id)] = 0;
                        table.Given.Add((rowId, target[i].Id));
                    }

                    continue;
                }

                var text = cells[i] is YamlScalarNode { Value: { } v } ? NormalizeNumber(v.Trim()) : "";
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    Report(Descriptors.TableCellNotNumber, cells[i], row.Label, target[i].Label, YamlNodes.Shorten(text));
                    continue;
                }

                // Sums of cells must not overflow: no report's number has 16 digits before the point.
                if (!Numbers.InRange(number))
                {
                    Report(Descriptors.NumberOutOfRange, cells[i], $"{row.Label}／{target[i].Label}", text);
                    continue;
                }

                if (number < 0)
                {
                    Report(Descriptors.TableCellNegative, cells[i], row.Label, target[i].Label, text);
                }

                // A column without decimals counts things (件, 个): a fraction is a slip.
                if (target[i].Decimals is null && number != decimal.Truncate(number))
                {
                    Report(Descriptors.TableCellNotWhole, cells[i], row.Label, target[i].Label, text);
                }

                // Larger than any office of the issuer's level takes in (a township is not a province): the reason,
                // and what the number would be if it was typed in 元.
                if (target[i].LimitFor(_issuerLevel) is { } above && number > above)
                {
                    Report(Descriptors.TableValueImplausible, cells[i], row.Label, target[i].Label, text, N(above), new MessagePart(LevelNames[_issuerLevel]), N(number / 10000));
                }

                table.Cells[(rowId, target[i].Id)] = number;
                table.Texts[(rowId, target[i].Id)] = TypedNumber(text);
                table.Given.Add((rowId, target[i].Id));
            }
        }

        foreach (var row in dataRows.Where(r => !table.RowSpans.ContainsKey(r.Id!) && !definition.IsComputedRow(r.Id!)))
        {
            Report(Descriptors.TableRowMissing, rows, definition.Caption, row.Id, row.Label);
        }
    }

    private static string N(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
