namespace Reportc.Diagnostics;

/// <summary>
/// The table of every diagnostic reportc reports: code and severity. Codes are stable: never reuse or
/// renumber one. The wording is in Messages.resx (English) and Messages.zh.resx (Chinese), under the code.
/// </summary>
public static class Descriptors
{
    // RC00xx: reading the file.
    public static readonly DiagnosticDescriptor FileNotFound = E(1);
    public static readonly DiagnosticDescriptor FileTooLarge = E(2);
    public static readonly DiagnosticDescriptor NotUtf8 = E(3);
    public static readonly DiagnosticDescriptor ReadAsGb18030 = W(4);
    public static readonly DiagnosticDescriptor BinaryFile = E(5);
    public static readonly DiagnosticDescriptor EmptyFile = E(6);
    public static readonly DiagnosticDescriptor TabIndentation = E(7);
    public static readonly DiagnosticDescriptor SuppressionWithoutReason = E(8);

    // RC01xx: YAML syntax.
    public static readonly DiagnosticDescriptor YamlSyntax = E(101);
    public static readonly DiagnosticDescriptor DuplicateKey = E(102);
    public static readonly DiagnosticDescriptor TooDeep = E(103);
    public static readonly DiagnosticDescriptor AliasNotAllowed = E(104);
    public static readonly DiagnosticDescriptor MultipleDocuments = E(105);

    // RC02xx: structure of the report.
    public static readonly DiagnosticDescriptor UnknownKind = E(201);
    public static readonly DiagnosticDescriptor MissingKey = E(202);
    public static readonly DiagnosticDescriptor MissingSection = E(203);
    public static readonly DiagnosticDescriptor UnknownKey = E(204);
    public static readonly DiagnosticDescriptor WrongNodeType = E(205);
    public static readonly DiagnosticDescriptor InvalidValue = E(206);
    public static readonly DiagnosticDescriptor EmptyText = E(207);
    public static readonly DiagnosticDescriptor SubsectionsTooDeep = E(208);
    public static readonly DiagnosticDescriptor PrintPair = W(209);
    public static readonly DiagnosticDescriptor BadSealImage = E(210);
    public static readonly DiagnosticDescriptor FullWidthColon = E(9);
    public static readonly DiagnosticDescriptor FullWidthSpace = E(10);
    public static readonly DiagnosticDescriptor ColonInText = E(11);
    public static readonly DiagnosticDescriptor IndentedDeeper = E(12);
    public static readonly DiagnosticDescriptor ItemIndentedLess = E(13);
    public static readonly DiagnosticDescriptor ReadAsUtf16 = W(14);
    public static readonly DiagnosticDescriptor IgnoreInText = W(15);
    public static readonly DiagnosticDescriptor IgnoreOfError = W(16);
    public static readonly DiagnosticDescriptor FontNotEmbedded = W(17);
    public static readonly DiagnosticDescriptor ControlCharacter = E(18);
    public static readonly DiagnosticDescriptor InternalErrorInReport = E(20);

    // RC03xx: metrics.
    public static readonly DiagnosticDescriptor MetricNotNumber = E(301);
    public static readonly DiagnosticDescriptor MetricNoUnit = E(302);
    public static readonly DiagnosticDescriptor MetricNoLabel = E(303);
    public static readonly DiagnosticDescriptor MetricBadId = E(304);
    public static readonly DiagnosticDescriptor MetricUnitMismatch = E(305);
    public static readonly DiagnosticDescriptor MetricNegative = E(306);
    public static readonly DiagnosticDescriptor MetricPercentOver = W(307);
    public static readonly DiagnosticDescriptor RequiredMetricMissing = E(308);
    public static readonly DiagnosticDescriptor CountNotWhole = W(309);
    public static readonly DiagnosticDescriptor ApproximatePercent = E(310);
    public static readonly DiagnosticDescriptor ShareOver100 = E(311);
    public static readonly DiagnosticDescriptor NumberOutOfRange = E(320);

    // RC04xx: narrative.
    public static readonly DiagnosticDescriptor UndefinedMetric = E(401);
    public static readonly DiagnosticDescriptor UnusedMetric = W(402);
    public static readonly DiagnosticDescriptor BadReference = E(403);
    public static readonly DiagnosticDescriptor HandNumbering = W(404);
    public static readonly DiagnosticDescriptor NumberTypedInText = I(405);
    public static readonly DiagnosticDescriptor HalfWidthPunctuation = W(406);
    public static readonly DiagnosticDescriptor TraditionalCharacter = W(407);
    public static readonly DiagnosticDescriptor UnitTwice = W(408);
    public static readonly DiagnosticDescriptor TodoInText = W(409);
    public static readonly DiagnosticDescriptor PendingMetric = W(410);
    public static readonly DiagnosticDescriptor NoPreviousReport = E(411);
    public static readonly DiagnosticDescriptor NoPreviousValue = E(412);
    public static readonly DiagnosticDescriptor UnitChanged = E(413);
    public static readonly DiagnosticDescriptor ItemIndentedIntoText = W(414);
    public static readonly DiagnosticDescriptor MistypedReference = E(415);
    public static readonly DiagnosticDescriptor HeadingInText = W(416);
    public static readonly DiagnosticDescriptor LinkNotPublished = W(417);
    public static readonly DiagnosticDescriptor ImageNotPrinted = W(418);
    public static readonly DiagnosticDescriptor LeadingFullWidthSpaces = W(419);
    public static readonly DiagnosticDescriptor StrayEmphasis = W(420);
    public static readonly DiagnosticDescriptor LinkDefinition = E(421);

    // RC05xx: templates and kinds.
    public static readonly DiagnosticDescriptor TemplateError = E(501);
    public static readonly DiagnosticDescriptor KindError = E(502);

    // RC06xx: writing outputs.
    public static readonly DiagnosticDescriptor CannotWrite = E(601);
    public static readonly DiagnosticDescriptor SameOutput = E(602);

    // RC10xx: tables.
    public static readonly DiagnosticDescriptor TableRowCells = E(1001);
    public static readonly DiagnosticDescriptor TableRowMissing = E(1002);
    public static readonly DiagnosticDescriptor TableRuleBroken = E(1003);
    public static readonly DiagnosticDescriptor TableValueImplausible = W(1004);
    public static readonly DiagnosticDescriptor TableCellNotNumber = E(1005);
    public static readonly DiagnosticDescriptor TableCellNegative = E(1007);
    public static readonly DiagnosticDescriptor TableCellNotWhole = E(1008);
    public static readonly DiagnosticDescriptor TableMissing = E(1006);
    public static readonly DiagnosticDescriptor TableCellUnknown = E(1009);
    public static readonly DiagnosticDescriptor TextContradictsTable = W(1010);

    // RC09xx: the previous year's report.
    public static readonly DiagnosticDescriptor PreviousNotFound = E(901);
    public static readonly DiagnosticDescriptor PreviousBroken = E(902);
    public static readonly DiagnosticDescriptor PreviousOtherKind = E(903);
    public static readonly DiagnosticDescriptor PreviousNotYearBefore = E(904);

    // RC08xx: printing to PDF.
    public static readonly DiagnosticDescriptor NoBrowser = E(801);
    public static readonly DiagnosticDescriptor BrowserDidNotStart = E(803);
    public static readonly DiagnosticDescriptor PrintFailed = E(802);
    public static readonly DiagnosticDescriptor StandardFontsMissing = I(804);
    public static readonly DiagnosticDescriptor NoSandbox = I(805);

    // RC07xx: 公文 rules (GB/T 9704) and the kind's calendar.
    public static readonly DiagnosticDescriptor DocumentNumberForm = W(701);
    public static readonly DiagnosticDescriptor DocumentNumberYear = W(702);
    public static readonly DiagnosticDescriptor DateNotAfterYear = E(703);
    public static readonly DiagnosticDescriptor DateAfterDeadline = W(704);
    public static readonly DiagnosticDescriptor TitleWithoutYear = W(705);
    public static readonly DiagnosticDescriptor YearDisagrees = E(706);
    public static readonly DiagnosticDescriptor DateEarlyInYear = W(707);
    public static readonly DiagnosticDescriptor UpwardWithoutSigner = W(708);
    public static readonly DiagnosticDescriptor TitleBreakSplitsWord = W(709);

    // RC11xx: importing last year's document (reportc import).
    public static readonly DiagnosticDescriptor ImportUnreadable = E(1101);
    public static readonly DiagnosticDescriptor ImportConverterMissing = E(1102);
    public static readonly DiagnosticDescriptor ImportConverterFailed = E(1103);
    public static readonly DiagnosticDescriptor ImportHeadingUnmapped = W(1104);
    public static readonly DiagnosticDescriptor ImportUnitsDiffer = W(1105);
    public static readonly DiagnosticDescriptor ImportHabitCleaned = W(1106);
    public static readonly DiagnosticDescriptor ImportSectionMissing = W(1107);
    public static readonly DiagnosticDescriptor ImportKindUnknown = E(1108);
    public static readonly DiagnosticDescriptor ImportNoText = E(1109);
    public static readonly DiagnosticDescriptor ImportTableUnmatched = W(1110);
    public static readonly DiagnosticDescriptor ImportDocumentGuess = W(1111);
    public static readonly DiagnosticDescriptor ImportTooManyNumbers = W(1112);

    /// <summary>Every descriptor of the table, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [.. typeof(Descriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Number)];

    /// <summary>The descriptor of a code (<c>RC0402</c>, any case), or null when reportc has no such diagnostic.</summary>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    private static DiagnosticDescriptor E(int number) => new(number, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor W(int number) => new(number, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor I(int number) => new(number, DiagnosticSeverity.Info);
}
