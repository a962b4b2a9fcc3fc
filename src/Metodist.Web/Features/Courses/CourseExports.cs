using System.Globalization;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Web.Features.Courses;

/// <summary>The catalogue and the plan-application as XLSX workbooks.</summary>
public static class CourseExports
{
    private static string YesNo(bool value) => value ? "да" : "нет";

    private static string Stamp(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string CatalogueFileName(DateOnly today) => $"Каталог курсов {Stamp(today)}.xlsx";

    public static byte[] Catalogue(IEnumerable<CourseRow> rows) => Xlsx.Write("Курсы",
    [
        new XlsxColumn<CourseRow>("Программа", 60, c => c.Title),
        new("Организатор", 36, c => c.Provider),
        new("Вид", 24, c => c.Kind.Title()),
        new("Форма", 16, c => c.Form.Title()),
        new("Часов", 9, c => c.Hours),
        new("Начало", 12, c => c.StartsOn),
        new("Окончание", 12, c => c.EndsOn),
        new("Квота", 9, c => c.Quota),
        new("Записано", 10, c => c.Taken),
        new("Свободных мест", 10, c => c.PlacesLeft),
        new("Федеральный реестр", 12, c => YesNo(c.FederalRegistry)),
        new("Области компетенций", 50, c => string.Join(", ", c.Areas.Select(a => a.Name))),
        new("Предмет", 24, c => c.SubjectName),
    ], rows);

    public static string PlanFileName(PlanReport plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var unit = new string(plan.UnitName.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c is not ('«' or '»' or '"')).ToArray()).Trim();
        return $"План-заявка на курсы {unit} {Stamp(plan.From)}-{Stamp(plan.To)}.xlsx";
    }

    /// <summary>Two sheets: the summary by course, then the teachers with their courses and the needs left without a course.</summary>
    public static byte[] Plan(PlanReport plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var summary = new XlsxWorksheet<PlanCourse>("Сводка по курсам",
        [
            new("Программа", 60, c => c.Course.Title),
            new("Организатор", 36, c => c.Course.Provider),
            new("Вид", 24, c => c.Course.Kind.Title()),
            new("Форма", 16, c => c.Course.Form.Title()),
            new("Часов", 9, c => c.Course.Hours),
            new("Начало", 12, c => c.Course.StartsOn),
            new("Окончание", 12, c => c.Course.EndsOn),
            new("Федеральный реестр", 12, c => YesNo(c.Course.FederalRegistry)),
            new("Педагогов", 11, c => c.Teachers),
            new("Из них по черновикам ИОМ", 14, c => c.FromDrafts),
            new("Человеко-часов", 12, c => c.TeacherHours),
            new("Свободных мест", 10, c => c.Course.PlacesLeft),
        ], plan.Courses);
        var teachers = new XlsxWorksheet<PlanLine>("Педагоги",
        [
            new("ФИО", 36, l => l.FullName),
            new("Организация", 32, l => l.OrganizationName),
            new("Должность", 22, l => l.PositionName),
            new("Раздел ИОМ", 10, l => l.Section?.Code()),
            new("Программа", 60, l => l.Course?.Title),
            new("Часов", 9, l => l.Course?.Hours),
            new("Форма", 16, l => l.Course?.Form.Title()),
            new("Начало", 12, l => l.Course?.StartsOn),
            new("Окончание", 12, l => l.Course?.EndsOn),
            new("Федеральный реестр", 12, l => l.Course is { } c ? YesNo(c.FederalRegistry) : null),
            new("Состояние ИОМ", 16, l => l.RouteStatus?.Title()),
            new("Запись на курс", 18, l => l.Enrolment?.Title()),
            new("Потребность без курса", 50, l => string.Join(", ", l.NeedsWithoutCourse)),
        ], plan.Lines);
        return Xlsx.WriteWorkbook(summary, teachers);
    }
}
