using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Routes;

[Trait("Category", "Unit")]
public sealed class RouteDocxTests
{
    private const string BlankDate = "«__» _____ 20__ г.";

    [Fact]
    public void HeaderTableHasTheSevenRowsOfTheFormWithTheTeachersValues()
    {
        var docx = Read(RouteDocx.Build(ApprovedDocument()));

        docx.Tables[0].Should().BeEquivalentTo(new[]
        {
            new[] { "ФИО педагога", "Иванова Анна Петровна" },
            ["Муниципальное образование", "г. Северодвинск"],
            ["Образовательная организация", "МАОУ «СОШ № 1»"],
            ["Должность", "учитель"],
            ["Преподаваемый предмет (для должности «учитель»)", "математика"],
            ["Дата прохождения теста", "20.11.2026"],
            ["Уровень профессиональных дефицитов", "частичный дефицит"],
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void ApprovalBlockGoalAndPeriodReadAsOnTheForm()
    {
        var docx = Read(RouteDocx.Build(ApprovedDocument()));

        docx.Paragraphs.Take(4).Should().Equal("Утверждаю", "Директор ЦНППМ", "_____ / Шанина О.Н. /", "«12» января 2027 г.");
        docx.Paragraphs.Should().Contain([
            "Индивидуальный образовательный маршрут",
            "1. Общие сведения о педагоге / руководителе:",
            "2. Цель реализации ИОМ – непрерывное профессиональное развитие педагога для обеспечения повышения качества образования, " +
                "основанное на персонализированном подходе, учитывающем профессиональные дефициты, его личные ресурсы, " +
                "педагогический контекст образовательной организации.",
            "3. Дорожная карта реализации ИОМ",
            "Продолжительность прохождения ИОМ",
            "Начало «12» января 2027 г.",
            "Окончание «3» декабря 2027 г.",
            "Статус ИОМ: утверждён",
        ]);
    }

    [Fact]
    public void RoadMapListsSectionsInTheFormsOrderWithEachItemUnderItsSection()
    {
        var roadMap = Read(RouteDocx.Build(ApprovedDocument())).Tables[1];

        roadMap[0].Should().Equal(
            "Содержание работы (мероприятие)",
            "Дополнительная информация (форма обучения, трудоёмкость (кол-во часов) и пр.)",
            "Сроки",
            "Рефлексивный отчет");
        roadMap.Skip(1).Select(r => r[0]).Should().Equal(
            "1. Мероприятия, направленные на получение знаний и формирование или совершенствование умений для решения профессиональных задач",
            $"1.1. {RouteSection.Courses.Title()}",
            "Функциональная грамотность",
            "Цифровые инструменты учителя",
            "1.2. Стажировка (индивидуальная или групповая)",
            "",
            $"1.3. {RouteSection.Events.Title()}",
            "",
            "1.4. Работа в профессиональных сообществах, методических объединениях",
            "Муниципальное МО учителей математики",
            "2. Мероприятия, направленные на трансляцию / презентацию личного опыта",
            "2.1. Представление личного опыта",
            "Открытый урок «Проценты»",
            $"2.2. {RouteSection.Materials.Title()}",
            "",
            "3. Наставничество",
            "Работа с наставником Петровой М.С.");
    }

    [Fact]
    public void ItemRowsCarryDetailsHoursStatusDeadlineAndReflection()
    {
        var roadMap = Read(RouteDocx.Build(ApprovedDocument())).Tables[1];

        roadMap.Should().ContainEquivalentOf(
            new[] { "Функциональная грамотность", "очно-заочно\n72 ч.", "15.03.2027\nвыполнено", "Применяю задания PISA на уроках." },
            o => o.WithStrictOrdering());
        roadMap.Should().ContainEquivalentOf(
            new[] { "Цифровые инструменты учителя", "дистанционно\n36 ч.", "30.04.2027", "" }, o => o.WithStrictOrdering());
        roadMap.Should().ContainEquivalentOf(
            new[] { "Муниципальное МО учителей математики", "Подготовка олимпиадных заданий\nСтатус педагога: член МО", "", "" },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void EmptySectionKeepsOneEmptyRowOfFourCells()
    {
        var roadMap = Read(RouteDocx.Build(ApprovedDocument())).Tables[1];

        var internship = roadMap.FindIndex(r => r[0].StartsWith("1.2. ", StringComparison.Ordinal));
        roadMap[internship].Should().HaveCount(1, "a section heading spans the whole row");
        roadMap[internship + 1].Should().Equal("", "", "", "");
    }

    [Fact]
    public void HeadingRowRepeatsOnEachPageAndNoRowSplits()
    {
        using var stream = new MemoryStream(RouteDocx.Build(ApprovedDocument()));
        using var document = WordprocessingDocument.Open(stream, false);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        tables[1].Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().Should().NotBeNull();
        tables.SelectMany(t => t.Elements<TableRow>())
            .Should().OnlyContain(r => r.TableRowProperties != null && r.TableRowProperties.GetFirstChild<CantSplit>() != null);
    }

    [Fact]
    public void SignatureLinesNameTheTeacherAndTheAuthorizedPerson()
    {
        var unsigned = Read(RouteDocx.Build(ApprovedDocument()));
        var signed = Read(RouteDocx.Build(ApprovedDocument() with { AuthorizedPerson = "Смирнова Е.В." }));

        unsigned.Paragraphs.TakeLast(2).Should().Equal("Педагог: _____ / Иванова А.П. /", "Уполномоченный ОО: _____ / _______________ /");
        signed.Paragraphs[^1].Should().Be("Уполномоченный ОО: _____ / Смирнова Е.В. /");
    }

    [Fact]
    public void DocumentOfAnApprovedRouteHasNoValidationErrors() =>
        Read(RouteDocx.Build(ApprovedDocument())).Errors.Should().BeEmpty();

    [Fact]
    public void RouteNotYetApprovedPrintsTheBlankApprovalDate()
    {
        var route = Route();
        route.Status = RouteStatus.Submitted;

        var document = RouteDocx.FromRoute(route, "Иванова Анна Петровна", "Иванова А.П.", null, new DateTime(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc));
        var docx = Read(RouteDocx.Build(document));

        document.ApprovedOn.Should().BeNull();
        docx.Paragraphs.Take(4).Should().Equal("Утверждаю", "Директор ЦНППМ", "_____ / _______________ /", BlankDate);
        docx.Paragraphs.Should().Contain("Статус ИОМ: на согласовании");
    }

    [Fact]
    public void EmptyDocumentIsStillAValidCompleteForm()
    {
        var docx = Read(RouteDocx.Build(new RouteDocument { ApproverPosition = "" }));

        docx.Errors.Should().BeEmpty();
        docx.Tables[0].Should().HaveCount(7).And.OnlyContain(r => r.Length == 2 && r[1] == "");
        docx.Paragraphs.Should().Contain(["Начало " + BlankDate, "Окончание " + BlankDate, "Педагог: _____ / _______________ /"]);
        docx.Paragraphs.Should().NotContain(p => p.StartsWith("Статус ИОМ", StringComparison.Ordinal));
        // Heading, three groups, six sections, and one empty line for each of the seven sections.
        docx.Tables[1].Should().HaveCount(17);
        docx.Tables[1].Where(r => r.Length == 4).Skip(1).Should().OnlyContain(r => r.All(c => c == ""));
    }

    [Fact]
    public void BareRouteWithNullFieldsStillBuildsAValidDocument()
    {
        var document = RouteDocx.FromRoute(new DevelopmentRoute { Goal = "" }, "", "", "", null);

        var docx = Read(RouteDocx.Build(document));

        docx.Errors.Should().BeEmpty();
        docx.Tables[0][6].Should().Equal("Уровень профессиональных дефицитов", "");
        docx.Paragraphs.Should().Contain("2. Цель реализации ИОМ – ");
    }

    private static RouteDocument ApprovedDocument() =>
        RouteDocx.FromRoute(Route(), "Иванова Анна Петровна", "Иванова А.П.", "Шанина О.Н.", new DateTime(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc));

    /// <summary>A route whose items are stored out of order, with 1.2, 1.3 and 2.2 left empty.</summary>
    private static DevelopmentRoute Route() => new()
    {
        Status = RouteStatus.Approved,
        MunicipalityName = "г. Северодвинск",
        OrganizationName = "МАОУ «СОШ № 1»",
        PositionName = "учитель",
        SubjectName = "математика",
        TestDate = new DateOnly(2026, 11, 20),
        DeficitLevel = DeficitLevel.Partial,
        StartsOn = new DateOnly(2027, 1, 12),
        EndsOn = new DateOnly(2027, 12, 3),
        Items =
        [
            new() { Section = RouteSection.Mentoring, SortOrder = 0, Title = "Работа с наставником Петровой М.С.", Details = "Планирование уроков" },
            new() { Section = RouteSection.Courses, SortOrder = 2, Title = "Цифровые инструменты учителя", Details = "дистанционно", Hours = 36, Deadline = new DateOnly(2027, 4, 30) },
            new() { Section = RouteSection.Experience, SortOrder = 0, Title = "Открытый урок «Проценты»", Details = "Муниципальный семинар" },
            new()
            {
                Section = RouteSection.Courses, SortOrder = 1, Title = "Функциональная грамотность", Details = "очно-заочно", Hours = 72,
                Deadline = new DateOnly(2027, 3, 15), IsDone = true, Reflection = "Применяю задания PISA на уроках.",
            },
            new() { Section = RouteSection.Communities, SortOrder = 0, Title = "Муниципальное МО учителей математики", Details = "Подготовка олимпиадных заданий", Status = "член МО" },
        ],
    };

    private sealed record DocxText(IReadOnlyList<string> Paragraphs, IReadOnlyList<List<string[]>> Tables, IReadOnlyList<string> Errors);

    /// <summary>The body's own paragraphs and its tables as rows of cell texts (a cell's paragraphs joined by new lines), plus the validator's complaints.</summary>
    private static DocxText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>()
            .Select(t => t.Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToArray())
                .ToList())
            .ToList();
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new DocxText(body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList(), tables, errors);
    }
}
