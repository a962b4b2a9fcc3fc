using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Web.Features.Diagnostics;
using RegionFormat = Metodist.Web.Infrastructure.Web.Format;

namespace Metodist.Web.Features.Routes;

/// <summary>What the DOCX of an ИОМ prints: the approval block, the teacher's header, goal, period, road map and signatures.</summary>
public sealed record RouteDocument
{
    public string ApproverPosition { get; init; } = "Директор ЦНППМ";

    /// <summary>Who approves («Шанина О.Н.»); empty leaves a line to sign by hand.</summary>
    public string? ApproverName { get; init; }

    /// <summary>The day the centre approved the route; null prints the blank «__» _____ 20__ г.</summary>
    public DateOnly? ApprovedOn { get; init; }

    public string TeacherFullName { get; init; } = "";

    /// <summary>The teacher's surname and initials for the signature line.</summary>
    public string TeacherShortName { get; init; } = "";

    public string? Municipality { get; init; }
    public string? Organization { get; init; }
    public string? Position { get; init; }
    public string? Subject { get; init; }
    public DateOnly? TestDate { get; init; }

    /// <summary>The overall level as the form words it («частичный дефицит»).</summary>
    public string? DeficitLevel { get; init; }

    public string Goal { get; init; } = "";
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>The route's status as people read it («утверждён»).</summary>
    public string StatusTitle { get; init; } = "";

    /// <summary>The road map, in the order it is printed within each section.</summary>
    public IReadOnlyList<RouteDocumentItem> Items { get; init; } = [];

    /// <summary>The organization's authorized person who signs «Уполномоченный ОО»; empty leaves the line blank.</summary>
    public string? AuthorizedPerson { get; init; }
}

/// <summary>One line of the printed road map; <paramref name="TeacherStatus"/> is the teacher's status in an association (section 1.4).</summary>
public sealed record RouteDocumentItem(
    RouteSection Section,
    string Title,
    string? Details = null,
    int? Hours = null,
    DateOnly? Deadline = null,
    string? Reflection = null,
    bool IsDone = false,
    string? TeacherStatus = null);

/// <summary>
/// The ИОМ as an editable DOCX laid out like the paper form (seed 004): «Утверждаю» at the top right, the header table,
/// goal, period, the four-column road map with its groups and sections, and the signatures.
/// </summary>
public static class RouteDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point with the margins of Russian official papers: 30 mm left, 15 mm right, 20 mm top and bottom.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int LeftMargin = 1701;
    private const int RightMargin = 850;
    private const int VerticalMargin = 1134;
    private const int TextWidth = PageWidth - LeftMargin - RightMargin;
    private const int ApprovalIndent = 5387;

    private static readonly int[] HeaderColumns = [3800, TextWidth - 3800];
    private static readonly int[] RoadMapColumns = [3100, 2700, 1300, TextWidth - 7100];

    private const string SignatureBlank = "_______________";
    private const string BlankDate = "«__» _____ 20__ г.";

    private static readonly string[] GenitiveMonths =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    // A group of one section (3. Наставничество) is headed by the group row alone, as on the form.
    private static readonly (string Heading, RouteSection[] Sections)[] Groups =
    [
        ("1. Мероприятия, направленные на получение знаний и формирование или совершенствование умений для решения профессиональных задач",
            [RouteSection.Courses, RouteSection.Internship, RouteSection.Events, RouteSection.Communities]),
        ("2. Мероприятия, направленные на трансляцию / презентацию личного опыта", [RouteSection.Experience, RouteSection.Materials]),
        ("3. Наставничество", [RouteSection.Mentoring]),
    ];

    /// <summary>
    /// What the document of <paramref name="route"/> prints. <paramref name="approvedAt"/> is the UTC instant of the centre's
    /// approval; it shows as the region's date only while the route is approved or later, so a route sent back prints the blank.
    /// </summary>
    public static RouteDocument FromRoute(DevelopmentRoute route, string teacherFullName, string teacherShortName, string? approverName, DateTime? approvedAt)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new RouteDocument
        {
            ApproverName = approverName,
            ApprovedOn = IsApproved(route.Status) && approvedAt is { } at ? RegionDate(at) : null,
            TeacherFullName = teacherFullName,
            TeacherShortName = teacherShortName,
            Municipality = route.MunicipalityName,
            Organization = route.OrganizationName,
            Position = route.PositionName,
            Subject = route.SubjectName,
            TestDate = route.TestDate,
            DeficitLevel = route.DeficitLevel?.Title(),
            Goal = route.Goal,
            StartsOn = OrNull(route.StartsOn),
            EndsOn = OrNull(route.EndsOn),
            StatusTitle = route.Status.Title(),
            Items = route.Items
                .OrderBy(i => i.Section).ThenBy(i => i.SortOrder)
                .Select(i => new RouteDocumentItem(i.Section, i.Title, i.Details, i.Hours, i.Deadline, i.Reflection, i.IsDone, i.Status))
                .ToList(),
        };
    }

    /// <summary>The DOCX file: A4 portrait, Times New Roman 12 pt, the road map's heading repeated on each page.</summary>
    public static byte[] Build(RouteDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = "Индивидуальный образовательный маршрут";
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = DefaultStyles();
            styles.Styles.Save();

            var body = new Body();
            body.Append(ApprovalBlock(doc));
            body.Append(
                Para(Layout(JustificationValues.Center, before: 240, after: 240), Text("Индивидуальный образовательный маршрут", bold: true)),
                Para(Layout(after: 120), Text("1. Общие сведения о педагоге / руководителе:", bold: true)),
                HeaderTable(doc),
                Para(Layout(JustificationValues.Both, before: 240), Text("2. Цель реализации ИОМ – ", bold: true), Text(GoalAfterDash(doc.Goal))),
                Para(Layout(before: 240), Text("3. Дорожная карта реализации ИОМ", bold: true)),
                Para(Layout(before: 120), Text("Продолжительность прохождения ИОМ")),
                Para(Layout(), Text($"Начало {LongDate(doc.StartsOn)}")),
                Para(Layout(), Text($"Окончание {LongDate(doc.EndsOn)}")));
            if (!string.IsNullOrWhiteSpace(doc.StatusTitle))
                body.Append(Para(Layout(), Text($"Статус ИОМ: {doc.StatusTitle}")));
            body.Append(
                Para(Layout()),
                RoadMapTable(doc.Items),
                Para(Layout(before: 360), Text($"Педагог: _____ / {OrBlank(doc.TeacherShortName)} /")),
                Para(Layout(before: 240), Text($"Уполномоченный ОО: _____ / {OrBlank(doc.AuthorizedPerson)} /")),
                PageSetup());

            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>«12» января 2027 г., or the blank of the form when there is no date.</summary>
    private static string LongDate(DateOnly? date) =>
        date is { } d ? $"«{d.Day}» {GenitiveMonths[d.Month - 1]} {d.Year.ToString(CultureInfo.InvariantCulture)} г." : BlankDate;

    private static bool IsApproved(RouteStatus status) =>
        status is RouteStatus.Approved or RouteStatus.InProgress or RouteStatus.Completed or RouteStatus.NotCompleted;

    /// <summary>A period never set prints the form's blank, not «1» января 1 г.</summary>
    private static DateOnly? OrNull(DateOnly date) => date == default ? null : date;

    private static DateOnly RegionDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), RegionFormat.TimeZone));

    private static string ShortDate(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string OrBlank(string? value) => string.IsNullOrWhiteSpace(value) ? SignatureBlank : value.Trim();

    /// <summary>The form reads «Цель реализации ИОМ – непрерывное…»: the goal continues the sentence, so its capital goes unless it starts an abbreviation.</summary>
    private static string GoalAfterDash(string? goal)
    {
        var text = goal?.Trim() ?? "";
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLower(text[0], CultureInfo.GetCultureInfo("ru-RU")) + text[1..]
            : text;
    }

    private static IEnumerable<Paragraph> ApprovalBlock(RouteDocument doc) =>
        new[] { "Утверждаю", doc.ApproverPosition, $"_____ / {OrBlank(doc.ApproverName)} /", LongDate(doc.ApprovedOn) }
            .Select(line => Para(Layout(indentLeft: ApprovalIndent), Text(line)));

    private static Table HeaderTable(RouteDocument doc)
    {
        (string Label, string? Value)[] rows =
        [
            ("ФИО педагога", doc.TeacherFullName),
            ("Муниципальное образование", doc.Municipality),
            ("Образовательная организация", doc.Organization),
            ("Должность", doc.Position),
            ("Преподаваемый предмет (для должности «учитель»)", doc.Subject),
            ("Дата прохождения теста", ShortDate(doc.TestDate)),
            ("Уровень профессиональных дефицитов", doc.DeficitLevel),
        ];
        return Grid(HeaderColumns, rows.Select(r => Row(false,
            Cell(HeaderColumns[0], [r.Label]),
            Cell(HeaderColumns[1], Lines(r.Value)))));
    }

    private static Table RoadMapTable(IReadOnlyList<RouteDocumentItem> items)
    {
        var rows = new List<TableRow>
        {
            Row(true,
                Cell(RoadMapColumns[0], ["Содержание работы (мероприятие)"], CellLook.Heading),
                Cell(RoadMapColumns[1], ["Дополнительная информация (форма обучения, трудоёмкость (кол-во часов) и пр.)"], CellLook.Heading),
                Cell(RoadMapColumns[2], ["Сроки"], CellLook.Heading),
                Cell(RoadMapColumns[3], ["Рефлексивный отчет"], CellLook.Heading)),
        };
        foreach (var (heading, sections) in Groups)
        {
            rows.Add(SpanRow(heading, CellLook.Group));
            foreach (var section in sections)
            {
                if (sections.Length > 1) rows.Add(SpanRow($"{section.Code()}. {section.Title()}", CellLook.Section));
                var inSection = items.Where(i => i.Section == section).ToList();
                rows.AddRange(inSection.Count == 0 ? [ItemRow(null)] : inSection.Select(ItemRow));
            }
        }
        return Grid(RoadMapColumns, rows);
    }

    /// <summary>A road-map line; null gives the empty line that keeps a section without items visible on the form.</summary>
    private static TableRow ItemRow(RouteDocumentItem? item)
    {
        var details = new List<string>();
        var deadline = new List<string>();
        if (item is not null)
        {
            details.AddRange(Lines(item.Details));
            if (item.Hours is { } hours) details.Add($"{hours.ToString(CultureInfo.InvariantCulture)} ч.");
            if (!string.IsNullOrWhiteSpace(item.TeacherStatus)) details.Add($"Статус педагога: {item.TeacherStatus.Trim()}");
            if (item.Deadline is not null) deadline.Add(ShortDate(item.Deadline));
            if (item.IsDone) deadline.Add("выполнено");
        }
        return Row(false,
            Cell(RoadMapColumns[0], Lines(item?.Title)),
            Cell(RoadMapColumns[1], details),
            Cell(RoadMapColumns[2], deadline, CellLook.Centered),
            Cell(RoadMapColumns[3], Lines(item?.Reflection)));
    }

    private static TableRow SpanRow(string text, CellLook look) => Row(false, Cell(TextWidth, [text], look, span: RoadMapColumns.Length));

    private static string[] Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToArray();

    private enum CellLook
    {
        Plain,
        Centered,
        Heading,
        Group,
        Section,
    }

    private static Table Grid(int[] columns, IEnumerable<TableRow> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    Border(new TopBorder()), Border(new LeftBorder()), Border(new BottomBorder()),
                    Border(new RightBorder()), Border(new InsideHorizontalBorder()), Border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(columns.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(rows);
        return table;
    }

    private static T Border<T>(T border) where T : BorderType
    {
        border.Val = BorderValues.Single;
        border.Size = 4;
        border.Space = 0;
        border.Color = "000000";
        return border;
    }

    /// <summary>A row that is never split across pages; the heading row repeats at the top of each page.</summary>
    private static TableRow Row(bool repeatAsHeading, params TableCell[] cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (repeatAsHeading) properties.Append(new TableHeader());
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(int width, IReadOnlyList<string> lines, CellLook look = CellLook.Plain, int span = 1)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (look == CellLook.Heading) properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var align = look is CellLook.Heading or CellLook.Centered ? JustificationValues.Center : (JustificationValues?)null;
        // Group and section headings stay on the page of their first line.
        var keepNext = look is CellLook.Group or CellLook.Section;
        var bold = look is CellLook.Heading or CellLook.Group;
        var italic = look == CellLook.Section;

        var cell = new TableCell(properties);
        if (lines.Count == 0) cell.Append(Para(Layout(align, keepNext: keepNext)));
        foreach (var line in lines)
            cell.Append(Para(Layout(align, keepNext: keepNext), Text(line, bold, italic)));
        return cell;
    }

    private static ParagraphProperties Layout(JustificationValues? align = null, int before = 0, int after = 0, int indentLeft = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext) properties.KeepNext = new KeepNext();
        if (before > 0 || after > 0)
        {
            properties.SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture),
                After = after.ToString(CultureInfo.InvariantCulture),
            };
        }
        if (indentLeft > 0) properties.Indentation = new Indentation { Left = indentLeft.ToString(CultureInfo.InvariantCulture) };
        if (align is { } value) properties.Justification = new Justification { Val = value };
        return properties;
    }

    private static Paragraph Para(ParagraphProperties properties, params Run[] runs)
    {
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run Text(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            run.RunProperties = new RunProperties
            {
                Bold = bold ? new Bold() : null,
                Italic = italic ? new Italic() : null,
            };
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>Times New Roman 12 pt, single spacing, no space after paragraphs, Russian for spelling and hyphenation.</summary>
    private static Styles DefaultStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

    private static SectionProperties PageSetup() => new(
        new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = VerticalMargin, Bottom = VerticalMargin, Left = LeftMargin, Right = RightMargin,
            Header = 709, Footer = 709, Gutter = 0,
        });
}
