using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Routes;

[Trait("Category", "Unit")]
public sealed class RouteDrafterTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly End = new(2027, 5, 31);
    private static readonly Guid Mathematics = Guid.NewGuid();
    private static readonly Guid Physics = Guid.NewGuid();
    private static readonly DraftTeacher Teacher = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Mathematics, IsYoung: false, IsAssetEligible: false);
    private static readonly Colleague Methodist = new(Guid.NewGuid(), "Лебедева О.И.", "МБОУ СШ № 3");

    [Fact]
    public void FederalRegistryCourseIsPreferredOverAnEarlierCourseForTheSubject()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)),
        [
            Course("Цифровые сервисы на уроках математики", [DefaultAreas.Digital], subject: Mathematics, startsOn: Start),
            Course("Цифровая образовательная среда", [DefaultAreas.Digital], federalRegistry: true, startsOn: Start.AddMonths(3)),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Цифровая образовательная среда");
    }

    [Fact]
    public void AmongCoursesEquallyInTheRegistryTheOneForTheTeachersSubjectIsPreferred()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)),
        [
            Course("Цифровая образовательная среда", [DefaultAreas.Digital], startsOn: Start),
            Course("Цифровые сервисы на уроках математики", [DefaultAreas.Digital], subject: Mathematics, startsOn: Start.AddMonths(3)),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Цифровые сервисы на уроках математики");
    }

    [Fact]
    public void AmongOtherwiseEqualCoursesTheEarliestIsPreferred()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)),
        [
            Course("Весенний курс", [DefaultAreas.Digital], startsOn: new DateOnly(2027, 3, 1)),
            Course("Осенний курс", [DefaultAreas.Digital], startsOn: new DateOnly(2026, 10, 1)),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Осенний курс");
    }

    [Fact]
    public void CourseForAnotherSubjectIsNeverProposed()
    {
        var items = Draft(Profile(Area(DefaultAreas.Subject, 30)), [Course("Решение олимпиадных задач по физике", [DefaultAreas.Subject], subject: Physics)]);

        items.Should().NotContain(i => i.Section == RouteSection.Courses);
    }

    [Fact]
    public void CoursesStartingBeforeOrEndingAfterThePeriodAreSkipped()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)),
        [
            Course("Начался раньше", [DefaultAreas.Digital], federalRegistry: true, startsOn: Start.AddDays(-1), endsOn: Start.AddMonths(1)),
            Course("Закончится позже", [DefaultAreas.Digital], federalRegistry: true, startsOn: End.AddMonths(-1), endsOn: End.AddDays(1)),
            Course("Внутри периода", [DefaultAreas.Digital], startsOn: Start.AddMonths(1), endsOn: Start.AddMonths(2)),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Внутри периода");
    }

    [Fact]
    public void CourseFillingTheWholePeriodFits()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)), [Course("Весь учебный год", [DefaultAreas.Digital], startsOn: Start, endsOn: End)]);

        Titles(items, RouteSection.Courses).Should().Equal("Весь учебный год");
    }

    [Fact]
    public void CourseWithoutPlacesLeftIsSkipped()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)),
        [
            Course("Мест нет", [DefaultAreas.Digital], federalRegistry: true, hasPlaces: false),
            Course("Места есть", [DefaultAreas.Digital]),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Места есть");
    }

    [Fact]
    public void CourseTheTeacherHasAlreadyTakenIsSkipped()
    {
        var taken = Course("Уже пройден", [DefaultAreas.Digital], federalRegistry: true);
        var registry = new FakeRegistry();
        registry.Taken.Add((Teacher.PersonId, taken.Id));

        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)), [taken, Course("Новый", [DefaultAreas.Digital])], registry);

        Titles(items, RouteSection.Courses).Should().Equal("Новый");
    }

    [Fact]
    public void CourseCoveringTwoDeficitAreasIsProposedOnceWithBothInTheReason()
    {
        var both = Course("Цифровая дидактика", [DefaultAreas.Digital, DefaultAreas.Methodical], federalRegistry: true);

        var items = Draft(Profile(Area(DefaultAreas.Methodical, 55), Area(DefaultAreas.Digital, 30)),
            [both, Course("Современный урок", [DefaultAreas.Methodical])]);

        var course = items.Should().ContainSingle(i => i.Section == RouteSection.Courses).Subject;
        course.CourseId.Should().Be(both.Id);
        course.DeficitAreaId.Should().Be(DefaultAreas.Digital, "the most severe deficit leads");
        course.Reason.Should().Be("Выраженный дефицит: цифровая компетенция (30 баллов); Частичный дефицит: методическая компетенция (55 баллов)");
    }

    [Fact]
    public void CoursesFollowTheDeficitsPronouncedFirstThenTheLowestScore()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 60), Area(DefaultAreas.Methodical, 45), Area(DefaultAreas.Digital, 65), Area(DefaultAreas.Gifted, 39)),
        [
            Course("Право", [DefaultAreas.Legal]), Course("Методика", [DefaultAreas.Methodical]),
            Course("Цифра", [DefaultAreas.Digital]), Course("Одарённые", [DefaultAreas.Gifted]),
        ]);

        Titles(items, RouteSection.Courses).Should().Equal("Одарённые", "Методика", "Право", "Цифра");
        items.Where(i => i.Section == RouteSection.Courses).Select(i => i.DeficitAreaId)
            .Should().Equal(DefaultAreas.Gifted, DefaultAreas.Methodical, DefaultAreas.Legal, DefaultAreas.Digital);
    }

    [Fact]
    public void AreaWithoutDeficitGetsNoCourse()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 70), Area(DefaultAreas.Digital, 69)), [Course("Право", [DefaultAreas.Legal]), Course("Цифра", [DefaultAreas.Digital])]);

        Titles(items, RouteSection.Courses).Should().Equal("Цифра");
    }

    [Fact]
    public void CourseItemEndsWithTheCourseOrWithTheRoute()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 30), Area(DefaultAreas.Digital, 35)),
            [Course("Право", [DefaultAreas.Legal], endsOn: new DateOnly(2026, 12, 20)), Course("Цифра", [DefaultAreas.Digital])]);

        items.Where(i => i.Section == RouteSection.Courses).Select(i => i.Deadline).Should().Equal(new DateOnly(2026, 12, 20), End);
    }

    [Fact]
    public void CourseDetailsNameTheFormHoursProviderAndTheFederalRegistry()
    {
        RouteDrafter.CourseDetails(Course("Цифра", [DefaultAreas.Digital], federalRegistry: true))
            .Should().Be("Дистанционно, 36 ч.; ИРО; Федеральный реестр ДПП");
        RouteDrafter.CourseDetails(Course("Цифра", [DefaultAreas.Digital]) with { Form = CourseForm.Blended, Hours = 72 })
            .Should().Be("Очно-заочно, 72 ч.; ИРО");
    }

    [Fact]
    public void InternshipIsProposedForTheWorstPronouncedDeficitAndIsNotACourse()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 35), Area(DefaultAreas.Digital, 20)),
        [
            Course("Стажировка по праву", [DefaultAreas.Legal], kind: CourseKind.Internship),
            Course("Стажировка в цифровой школе", [DefaultAreas.Digital], kind: CourseKind.Internship),
        ]);

        items.Should().NotContain(i => i.Section == RouteSection.Courses);
        var internship = items.Should().ContainSingle(i => i.Section == RouteSection.Internship).Subject;
        internship.Title.Should().Be("Стажировка в цифровой школе");
        internship.DeficitAreaId.Should().Be(DefaultAreas.Digital);
        internship.Reason.Should().Be("Выраженный дефицит: цифровая компетенция (20 баллов)");
    }

    [Fact]
    public void NoInternshipForAPartialDeficit()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 40)), [Course("Стажировка в цифровой школе", [DefaultAreas.Digital], kind: CourseKind.Internship)]);

        items.Should().NotContain(i => i.Section == RouteSection.Internship);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("methodical")]
    public void LessonVisitsOfATeacherMethodistAnswerASubjectOrMethodicalDeficit(string code)
    {
        var areaId = DefaultAreas.All.Single(a => a.Code == code).Id;

        var items = Draft(Profile(Area(DefaultAreas.Digital, 20), Area(areaId, 50)), [], new FakeRegistry { Methodist = Methodist });

        var visits = items.Should().ContainSingle(i => i.Section == RouteSection.Events).Subject;
        visits.Title.Should().Be("Посещение уроков и внеурочных занятий учителя-методиста Лебедева О.И. (МБОУ СШ № 3)");
        visits.DeficitAreaId.Should().Be(areaId);
        visits.Deadline.Should().Be(new DateOnly(2027, 1, 15), "halfway through the route");
    }

    [Fact]
    public void NoLessonVisitsWithoutATeacherMethodistOfTheSubject()
    {
        var items = Draft(Profile(Area(DefaultAreas.Methodical, 30)), [], new FakeRegistry());

        items.Should().NotContain(i => i.Section == RouteSection.Events);
    }

    [Fact]
    public void NoLessonVisitsForADeficitOutsideTeaching()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30), Area(DefaultAreas.Methodical, 75)), [], new FakeRegistry { Methodist = Methodist });

        items.Should().NotContain(i => i.Section == RouteSection.Events);
    }

    [Theory]
    [InlineData(85, true)]
    [InlineData(84, false)]
    public void StrongAreaFrom85PointsIsProposedAsExperience(int score, bool proposed)
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30), Area(DefaultAreas.Legal, score)), []);

        var experience = items.Where(i => i.Section == RouteSection.Experience).ToList();
        experience.Should().HaveCount(proposed ? 1 : 0);
        if (proposed)
        {
            experience[0].Title.Should().Be("Представление опыта: нормативно-правовая компетенция");
            experience[0].DeficitAreaId.Should().BeNull();
        }
    }

    [Fact]
    public void ExperienceIsPresentedInTheStrongestArea()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 88), Area(DefaultAreas.Gifted, 95)), []);

        items.Should().ContainSingle(i => i.Section == RouteSection.Experience).Which.Title.Should().Be("Представление опыта: работа с одарёнными детьми");
    }

    [Fact]
    public void OwnMaterialsFollowTheCourseOfTheMostSevereDeficit()
    {
        var items = Draft(Profile(Area(DefaultAreas.Legal, 50), Area(DefaultAreas.Digital, 30)),
            [Course("Право", [DefaultAreas.Legal]), Course("Цифра", [DefaultAreas.Digital])]);

        var materials = items.Should().ContainSingle(i => i.Section == RouteSection.Materials).Subject;
        materials.Title.Should().Be("Методическая разработка по итогам курса «Цифра»");
        materials.DeficitAreaId.Should().Be(DefaultAreas.Digital);
        materials.Deadline.Should().Be(End);
    }

    [Fact]
    public void NoOwnMaterialsWithoutACourse()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 30)), []);

        items.Should().NotContain(i => i.Section == RouteSection.Materials);
    }

    [Fact]
    public void ReasonsUseTheRussianPluralOfPoints()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 31), Area(DefaultAreas.Legal, 92)), [Course("Цифра", [DefaultAreas.Digital])]);

        items.Single(i => i.Section == RouteSection.Courses).Reason.Should().Be("Выраженный дефицит: цифровая компетенция (31 балл)");
        items.Single(i => i.Section == RouteSection.Experience).Reason.Should().Be("Сильная сторона по результатам диагностики: нормативно-правовая компетенция (92 балла)");
    }

    [Fact]
    public void YoungTeacherGetsTheMentorTheRegistryOffers()
    {
        var mentor = new Colleague(Guid.NewGuid(), "Смирнова Е.В.", "МБОУ СШ № 1");

        var items = Draft(null, [], new FakeRegistry { Mentor = mentor }, Teacher with { IsYoung = true });

        var mentoring = items.Should().ContainSingle().Subject;
        mentoring.Section.Should().Be(RouteSection.Mentoring);
        mentoring.Title.Should().Be("Работа с наставником");
        mentoring.Details.Should().Be("Наставник — Смирнова Е.В. (МБОУ СШ № 1); адаптация в профессии, планирование и анализ уроков");
        mentoring.Reason.Should().Be("Молодой педагог: первые три года работы");
    }

    [Fact]
    public void YoungTeacherGetsMentoringEvenWithoutAMentorInTheRegistry()
    {
        var items = Draft(null, [], new FakeRegistry(), Teacher with { IsYoung = true });

        items.Should().ContainSingle(i => i.Section == RouteSection.Mentoring)
            .Which.Details.Should().Be("Адаптация в профессии, планирование и анализ уроков");
    }

    [Fact]
    public void ExperiencedTeacherOfTheAssetMentorsAYoungColleague()
    {
        var young = new Colleague(Guid.NewGuid(), "Новикова А.С.", "МБОУ СШ № 1");

        var items = Draft(null, [], new FakeRegistry { Young = young }, Teacher with { IsAssetEligible = true });

        var mentoring = items.Should().ContainSingle(i => i.Section == RouteSection.Mentoring).Subject;
        mentoring.Title.Should().Be("Работа в качестве наставника");
        mentoring.Details.Should().Be("Наставник молодого педагога Новикова А.С.; помощь в планировании и анализе уроков");
    }

    [Fact]
    public void TeacherOfTheAssetWithNoYoungColleagueGetsNoMentoring() =>
        Draft(null, [], new FakeRegistry(), Teacher with { IsAssetEligible = true }).Should().BeEmpty();

    [Fact]
    public void TeacherNeitherYoungNorOfTheAssetGetsNoMentoring() =>
        Draft(null, [], new FakeRegistry { Mentor = Methodist, Young = Methodist }).Should().NotContain(i => i.Section == RouteSection.Mentoring);

    [Fact]
    public void WithoutAProfileThereAreNoCourseOrDeficitItems()
    {
        var catalogue = new[]
        {
            Course("Цифра", [DefaultAreas.Digital], federalRegistry: true),
            Course("Стажировка", [DefaultAreas.Digital], kind: CourseKind.Internship),
        };

        var items = Draft(null, catalogue, new FakeRegistry { Methodist = Methodist, Mentor = Methodist }, Teacher with { IsYoung = true });

        items.Select(i => i.Section).Should().Equal(RouteSection.Mentoring);
    }

    [Fact]
    public void ProfileWithoutDeficitsGivesNoCourseItems()
    {
        var items = Draft(Profile(Area(DefaultAreas.Digital, 80), Area(DefaultAreas.Methodical, 70)),
            [Course("Цифра", [DefaultAreas.Digital]), Course("Стажировка", [DefaultAreas.Methodical], kind: CourseKind.Internship)],
            new FakeRegistry { Methodist = Methodist });

        items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-09-01", "2027-05-31")]
    [InlineData("2026-06-01", "2027-05-31")]
    [InlineData("2026-05-31", "2027-05-31")]
    [InlineData("2026-12-31", "2027-05-31")]
    [InlineData("2026-01-31", "2026-05-31")]
    [InlineData("2026-02-01", "2027-05-31")]
    [InlineData("2028-02-01", "2028-05-31")]
    [InlineData("2028-02-02", "2029-05-31")]
    public void PeriodRunsToTheEndOfTheAcademicYearOrTheNextWhenFewerThan120DaysAreLeft(string start, string end)
    {
        var (from, to) = RouteDrafter.Period(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        from.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        to.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<DraftItem> Draft(DraftProfile? profile, IReadOnlyList<CatalogueCourse> catalogue, FakeRegistry? registry = null, DraftTeacher? teacher = null) =>
        RouteDrafter.Draft(teacher ?? Teacher, profile, catalogue, registry ?? new FakeRegistry(), Start, End);

    private static IEnumerable<string> Titles(IEnumerable<DraftItem> items, RouteSection section) => items.Where(i => i.Section == section).Select(i => i.Title);

    private static DraftArea Area(Guid id, int score)
    {
        var (_, code, name) = DefaultAreas.All.Single(a => a.Id == id);
        return new DraftArea(id, code, name, score, Scoring.Level(score, 70, 40));
    }

    private static DraftProfile Profile(params DraftArea[] areas) =>
        new(Guid.NewGuid(), new DateOnly(2026, 8, 20), Scoring.OverallLevel(areas.Select(a => a.Score).ToList(), 70, 40), areas);

    private static CatalogueCourse Course(string title, Guid[] areas, bool federalRegistry = false, Guid? subject = null, DateOnly? startsOn = null,
        DateOnly? endsOn = null, bool hasPlaces = true, CourseKind kind = CourseKind.Advanced) =>
        new(Guid.NewGuid(), title, "ИРО", kind, 36, CourseForm.Distance, startsOn, endsOn, federalRegistry, subject, areas, hasPlaces);

    private sealed class FakeRegistry : IDraftRegistry
    {
        public Colleague? Methodist { get; init; }
        public Colleague? Mentor { get; init; }
        public Colleague? Young { get; init; }
        public HashSet<(Guid PersonId, Guid CourseId)> Taken { get; } = [];

        public Colleague? LessonsToVisit(DraftTeacher teacher) => Methodist;

        public Colleague? PossibleMentor(DraftTeacher teacher) => Mentor;

        public Colleague? YoungColleague(DraftTeacher teacher) => Young;

        public bool HasTaken(Guid personId, Guid courseId) => Taken.Contains((personId, courseId));
    }
}
