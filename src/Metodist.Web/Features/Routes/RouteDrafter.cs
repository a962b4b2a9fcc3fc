using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Mentoring;

namespace Metodist.Web.Features.Routes;

/// <summary>The teacher a route is drafted for, as the drafter needs them.</summary>
public sealed record DraftTeacher(Guid PersonId, Guid? OrganizationId, Guid? MunicipalityId, Guid? SubjectId, bool IsYoung, bool IsAssetEligible);

public sealed record DraftArea(Guid AreaId, string Code, string Name, int Score, DeficitLevel Level);

/// <summary>The latest deficit profile of the teacher.</summary>
public sealed record DraftProfile(Guid ResultId, DateOnly TakenOn, DeficitLevel Level, IReadOnlyList<DraftArea> Areas);

public sealed record CatalogueCourse(
    Guid Id, string Title, string Provider, CourseKind Kind, int Hours, CourseForm Form, DateOnly? StartsOn, DateOnly? EndsOn,
    bool FederalRegistry, Guid? SubjectId, IReadOnlyList<Guid> AreaIds, bool HasPlaces);

/// <summary>A colleague the registry offers: a teacher-methodist whose lessons to visit, a possible mentor, a young teacher to mentor.</summary>
public sealed record Colleague(Guid PersonId, string ShortName, string Organization);

/// <summary>A running mentoring pair as section 3 of a route names it: the text of the item and the pair's end.</summary>
public sealed record DraftPairing(Guid PairId, string Details, DateOnly? EndDate);

/// <summary>What the registry holds around a teacher, looked up by the drafter.</summary>
public interface IDraftRegistry
{
    /// <summary>Teacher-methodists of the subject in the municipality (for visits to their lessons).</summary>
    Colleague? LessonsToVisit(DraftTeacher teacher);

    /// <summary>An experienced colleague of the same subject, in the organization first, then the municipality.</summary>
    Colleague? PossibleMentor(DraftTeacher teacher);

    /// <summary>A young teacher of the same organization the teacher could mentor.</summary>
    Colleague? YoungColleague(DraftTeacher teacher);

    /// <summary>Courses the teacher has already completed or is enrolled in.</summary>
    bool HasTaken(Guid personId, Guid courseId);

    /// <summary>The running mentoring pair in which the teacher is a mentee: its real mentor goes before any the registry could offer.</summary>
    DraftPairing? MenteePairing(DraftTeacher teacher) => null;

    /// <summary>The running mentoring pairs the teacher leads as a mentor.</summary>
    IReadOnlyList<DraftPairing> MentorPairings(DraftTeacher teacher) => [];
}

public sealed record DraftItem(
    RouteSection Section, string Title, string? Details, int? Hours, DateOnly? Deadline, Guid? DeficitAreaId, Guid? CourseId, string? Reason,
    Guid? MentoringPairId = null);

/// <summary>
/// Proposes a route from a deficit profile. For each area with a deficit, most severe first, the best catalogue course
/// that develops it: Federal Registry first, then one made for the teacher's subject, then the earliest; only courses whose
/// dates lie inside the route's period, with places left, and not taken before. A course already chosen for another area
/// answers this one too. Then an item of every other section where the catalogue or the registry has something that fits:
/// an internship for the most pronounced deficit, visits to lessons of a teacher-methodist of the subject, presenting
/// experience in a strong area, own materials after the main course, and mentoring (a mentor for a young teacher, a mentee
/// for an experienced one).
/// </summary>
public static class RouteDrafter
{
    public const int StrongScore = 85;

    /// <summary>The route's period: from the start to the end of the academic year (31 May), or of the next one when fewer than four months are left.</summary>
    public static (DateOnly Start, DateOnly End) Period(DateOnly start)
    {
        var yearEnd = new DateOnly(start.Month >= 6 ? start.Year + 1 : start.Year, 5, 31);
        if (yearEnd.DayNumber - start.DayNumber < 120) yearEnd = yearEnd.AddYears(1);
        return (start, yearEnd);
    }

    public static List<DraftItem> Draft(DraftTeacher teacher, DraftProfile? profile, IReadOnlyList<CatalogueCourse> catalogue, IDraftRegistry registry,
        DateOnly start, DateOnly end)
    {
        var items = new List<DraftItem>();
        var deficits = (profile?.Areas ?? []).Where(a => a.Level != DeficitLevel.None)
            .OrderByDescending(a => a.Level).ThenBy(a => a.Score).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();

        bool Fits(CatalogueCourse c) =>
            c.HasPlaces
            && (c.StartsOn is null || c.StartsOn >= start)
            && (c.EndsOn is null || c.EndsOn <= end)
            && (c.SubjectId is null || c.SubjectId == teacher.SubjectId)
            && !registry.HasTaken(teacher.PersonId, c.Id);

        IEnumerable<CatalogueCourse> Ranked(IEnumerable<CatalogueCourse> courses) => courses
            .OrderByDescending(c => c.FederalRegistry)
            .ThenByDescending(c => c.SubjectId is not null && c.SubjectId == teacher.SubjectId)
            .ThenBy(c => c.StartsOn ?? DateOnly.MaxValue)
            .ThenBy(c => c.Title, StringComparer.Ordinal);

        // 1.1 courses.
        var chosen = new List<(CatalogueCourse Course, List<DraftArea> Areas)>();
        foreach (var area in deficits)
        {
            var covering = chosen.FirstOrDefault(c => c.Course.AreaIds.Contains(area.AreaId));
            if (covering.Course is not null)
            {
                covering.Areas.Add(area);
                continue;
            }
            var course = Ranked(catalogue.Where(c => c.Kind != CourseKind.Internship && c.AreaIds.Contains(area.AreaId) && Fits(c))).FirstOrDefault();
            if (course is not null) chosen.Add((course, [area]));
        }
        foreach (var (course, areas) in chosen)
        {
            items.Add(new DraftItem(RouteSection.Courses, course.Title, CourseDetails(course), course.Hours, course.EndsOn ?? end,
                areas[0].AreaId, course.Id, Reason(areas)));
        }

        // 1.2 internship for the most pronounced deficit.
        if (deficits.FirstOrDefault(a => a.Level == DeficitLevel.Pronounced) is { } worst
            && Ranked(catalogue.Where(c => c.Kind == CourseKind.Internship && c.AreaIds.Contains(worst.AreaId) && Fits(c))).FirstOrDefault() is { } internship)
        {
            items.Add(new DraftItem(RouteSection.Internship, internship.Title, CourseDetails(internship), internship.Hours, internship.EndsOn ?? end,
                worst.AreaId, internship.Id, Reason([worst])));
        }

        // 1.3 visits to lessons of a teacher-methodist, for a subject or methodical deficit.
        var teaching = deficits.FirstOrDefault(a => a.AreaId == DefaultAreas.Subject || a.AreaId == DefaultAreas.Methodical);
        if (teaching is not null && registry.LessonsToVisit(teacher) is { } methodist)
        {
            items.Add(new DraftItem(RouteSection.Events, $"Посещение уроков и внеурочных занятий учителя-методиста {methodist.ShortName} ({methodist.Organization})",
                "Посещение занятий с последующим анализом, не менее 4 занятий", 8, Middle(start, end), teaching.AreaId, null, Reason([teaching])));
        }

        // 2.1 presenting experience in a strong area.
        var strong = (profile?.Areas ?? []).Where(a => a.Level == DeficitLevel.None && a.Score >= StrongScore).OrderByDescending(a => a.Score).FirstOrDefault();
        if (strong is not null)
        {
            items.Add(new DraftItem(RouteSection.Experience, $"Представление опыта: {Lower(strong.Name)}",
                "Выступление на заседании методического объединения", null, end.AddMonths(-1), null, null,
                $"Сильная сторона по результатам диагностики: {Lower(strong.Name)} ({Points(strong.Score)})"));
        }

        // 2.2 own materials after the main course.
        if (chosen.Count > 0)
        {
            var (course, areas) = chosen[0];
            items.Add(new DraftItem(RouteSection.Materials, $"Методическая разработка по итогам курса «{course.Title}»",
                "Размещение в банке методических материалов образовательной организации", null, end, areas[0].AreaId, null, Reason(areas)));
        }

        // 3 mentoring: the teacher's running pairs first, then what the registry offers.
        const string youngReason = "Молодой педагог: первые три года работы";
        if (registry.MenteePairing(teacher) is { } pairing)
        {
            items.Add(new DraftItem(RouteSection.Mentoring, MentoringRouteItems.MenteeTitle, pairing.Details, null, Within(pairing.EndDate, start, end), null, null,
                teacher.IsYoung ? youngReason : "Наставничество по приказу", pairing.PairId));
        }
        else if (teacher.IsYoung)
        {
            var mentor = registry.PossibleMentor(teacher);
            items.Add(new DraftItem(RouteSection.Mentoring, MentoringRouteItems.MenteeTitle,
                mentor is null ? "Адаптация в профессии, планирование и анализ уроков" : $"Наставник — {mentor.ShortName} ({mentor.Organization}); адаптация в профессии, планирование и анализ уроков",
                null, end, null, null, youngReason));
        }
        var leading = registry.MentorPairings(teacher);
        foreach (var pair in leading)
        {
            items.Add(new DraftItem(RouteSection.Mentoring, MentoringRouteItems.MentorTitle, pair.Details, null, Within(pair.EndDate, start, end), null, null,
                "Наставник по приказу", pair.PairId));
        }
        if (leading.Count == 0 && !teacher.IsYoung && teacher.IsAssetEligible && registry.YoungColleague(teacher) is { } colleague)
        {
            items.Add(new DraftItem(RouteSection.Mentoring, MentoringRouteItems.MentorTitle,
                $"Наставник молодого педагога {colleague.ShortName}; помощь в планировании и анализе уроков", null, end, null, null,
                "Опыт и категория педагога позволяют быть наставником"));
        }
        return items;
    }

    public static string CourseDetails(CatalogueCourse course) => CourseTitles.Details(course.Form, course.Hours, course.Provider, course.FederalRegistry);

    private static string Reason(IReadOnlyList<DraftArea> areas) =>
        string.Join("; ", areas.Select(a => $"{Capital(a.Level.Title())}: {Lower(a.Name)} ({Points(a.Score)})"));

    private static string Points(int score) => $"{score} {Infrastructure.Web.Format.Plural(score, "балл", "балла", "баллов")}";

    /// <summary>A pair's end as the deadline when it falls inside the route, else the route's end.</summary>
    private static DateOnly Within(DateOnly? date, DateOnly start, DateOnly end) => date is { } d && d >= start && d <= end ? d : end;

    private static DateOnly Middle(DateOnly start, DateOnly end) => DateOnly.FromDayNumber((start.DayNumber + end.DayNumber) / 2);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
