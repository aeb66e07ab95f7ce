using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Checks;

/// <summary>The 公文 rules of GB/T 9704 for the document's metadata, and the kind's calendar.</summary>
internal static partial class DocumentChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        var doc = report.Document;

        CheckNumber(doc, diagnostics);

        // A report on a year is written once the year's work is done: in its December (reports are often issued
        // then) or later. A date before the report year is impossible; one earlier in the report year is
        // most likely a slip of the year or the month.
        var date = doc.Date;
        if (date.Year < report.Year)
        {
            diagnostics.Report(Descriptors.DateNotAfterYear, doc.Spans.Date, Text.OfficialDate.Chinese(date), report.Year);
        }
        else if (date.Year == report.Year && date.Month < 12)
        {
            diagnostics.Report(Descriptors.DateEarlyInYear, doc.Spans.Date, Text.OfficialDate.Chinese(date), report.Year);
        }
        // The report's own deadline, else the kind's for who issues it (a government's own report: 3月31日).
        else if ((doc.Deadline.Given ? doc.Deadline.Date : report.Kind.DeadlineFor(doc.Issuers.FirstOrDefault())) is var (month, day)
            && date > new DateOnly(report.Year + 1, month, Math.Min(day, DateTime.DaysInMonth(report.Year + 1, month))))
        {
            diagnostics.Report(Descriptors.DateAfterDeadline, doc.Spans.Date, Text.OfficialDate.Chinese(date), $"{report.Year + 1}年{month}月{day}日");
        }

        // A 报告 sent to a superior (主送) is an upward document: GB/T 9704 7.2.4 puts its 签发人 beside the 发文字号.
        if (doc.Number.Length > 0 && doc.Signer is null && doc.To is { Length: > 0 }
            && doc.TitleLines is [.., var last] && last.TrimEnd().EndsWith("报告", StringComparison.Ordinal))
        {
            diagnostics.Report(Descriptors.UpwardWithoutSigner, doc.Spans.Number, doc.Number, doc.To);
        }

        CheckTitleBreaks(doc, diagnostics);

        if ((doc.Printer is null) != (doc.PrintDate is null))
        {
            var (given, missing, span) = doc.Printer is null ? ("print_date", "printer", doc.Spans.PrintDate) : ("printer", "print_date", doc.Spans.Printer);
            diagnostics.Report(Descriptors.PrintPair, span, given, missing);
        }

        var year = report.Year.ToString(CultureInfo.InvariantCulture);
        if (!doc.TitleLines.Any(line => line.Contains(year, StringComparison.Ordinal)))
        {
            // The title names another year, and the 成文日期 is in the year after that one: it is year: that is
            // wrong (last year's file copied, the year left), and every heading would carry it.
            var named = doc.TitleLines.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, "(?<![0-9])(20[0-9]{2})年").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).Distinct().ToList();
            if (named is [var titled] && doc.Date.Year == titled + 1 && report.YearSpan.Path is { Length: > 0 })
            {
                diagnostics.Report(Descriptors.YearDisagrees, report.YearSpan, report.Year, titled, doc.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                diagnostics.Report(Descriptors.TitleWithoutYear, doc.Spans.Title, report.Year);
            }
        }
    }

    // A line break the clerk typed into the title that splits a word (建设情 / 况, 人民 / 政府): GB/T 9704 7.3.2
    // wants the lines whole in meaning. Located at the start of the line that carries the word's end.
    private static void CheckTitleBreaks(DocumentInfo doc, DiagnosticBag diagnostics)
    {
        var searchFrom = 0;
        for (var i = 1; i < doc.TitleLines.Count; i++)
        {
            var before = doc.TitleLines[i - 1];
            var after = doc.TitleLines[i];
            var source = doc.TitleSource?.Text ?? "";
            var at = source.IndexOf(after, searchFrom, StringComparison.Ordinal);
            searchFrom = at >= 0 ? at + after.Length : searchFrom;
            if (TitleLayout.WordSplitAt(before + after, before.Length, doc.Issuers) is { } word)
            {
                var span = at >= 0 && doc.TitleSource is { } title ? title.SpanOf(at, after.Length) : doc.Spans.Title;
                diagnostics.Report(Descriptors.TitleBreakSplitsWord, span, word, $"{before[^Math.Min(before.Length, 4)..]} / {after[..Math.Min(after.Length, 4)]}");
            }
        }
    }

    private static void CheckNumber(DocumentInfo doc, DiagnosticBag diagnostics)
    {
        var number = doc.Number;
        if (number.Length == 0)
        {
            return;
        }

        var span = doc.Spans.Number;
        var text = diagnostics.Text;
        var problems = new List<string>();
        if (WrongBrackets().Match(number) is { Success: true } wrong)
        {
            problems.Add(text.Format("NumberBrackets", $"{wrong.Groups["open"].Value}{wrong.Groups["close"].Value}"));
        }

        if (number.Contains('第', StringComparison.Ordinal))
        {
            problems.Add(text.Get("NumberDi"));
        }

        if (LeadingZeros().Match(number) is { Success: true } zeros)
        {
            problems.Add(text.Format("NumberZeros", zeros.Groups["serial"].Value));
        }

        if (problems.Count == 0 && !Shape().IsMatch(number))
        {
            problems.Add(text.Get("NumberShape"));
        }

        foreach (var problem in problems)
        {
            diagnostics.Report(Descriptors.DocumentNumberForm, span, number, problem);
        }

        if (YearInNumber().Match(number) is { Success: true } y && int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture) != doc.Date.Year)
        {
            diagnostics.Report(Descriptors.DocumentNumberYear, span, y.Groups["year"].Value, doc.Date.Year);
        }
    }

    [GeneratedRegex(@"(?<open>[\[【(（［〈<{])\s*[0-9]{4}\s*(?<close>[\]】)）］〉>}])")]
    private static partial Regex WrongBrackets();

    [GeneratedRegex(@"(?:〕|[\]】)）])\s*第?\s*(?<serial>0[0-9]*)\s*号")]
    private static partial Regex LeadingZeros();

    [GeneratedRegex(@"^\S+〔[0-9]{4}〕[1-9][0-9]*号$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"[〔\[【(（［〈<{]\s*(?<year>[0-9]{4})\s*[〕\]】)）］〉>}]")]
    private static partial Regex YearInNumber();
}
