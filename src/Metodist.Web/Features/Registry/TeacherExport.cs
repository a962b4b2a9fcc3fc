using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Web.Features.Registry;

/// <summary>The teacher list as an XLSX sheet with the same headings the import accepts.</summary>
public static class TeacherExport
{
    public static string FileName(DateOnly today) => $"педагоги_{today:yyyy-MM-dd}.xlsx";

    public static byte[] Build(IReadOnlyList<TeacherRow> rows, DateOnly today)
    {
        XlsxColumn<TeacherRow>[] columns =
        [
            new("Фамилия", 18, r => r.LastName),
            new("Имя", 14, r => r.FirstName),
            new("Отчество", 18, r => r.MiddleName),
            new("Дата рождения", 14, r => r.BirthDate),
            new("СНИЛС", 16, r => r.Snils),
            new("Муниципалитет", 24, r => r.MunicipalityName),
            new("Организация", 36, r => r.OrganizationName),
            new("Должность", 24, r => r.PositionName),
            new("Предметы", 30, r => string.Join("; ", r.Subjects)),
            new("Квалификационная категория", 22, r => r.Category.Title()),
            new("Дата присвоения категории", 14, r => r.CategoryAssignedOn),
            new("Срок аттестации", 14, r => r.NextAttestationDue),
            new("Дата начала педагогической деятельности", 14, r => r.PedagogicalWorkStart),
            new("Педагогический стаж, лет", 10, r => r.ExperienceYears(today)),
            new("Молодой педагог", 10, r => r.IsYoung(today) ? "да" : "нет"),
            new("Электронная почта", 26, r => r.Email),
            new("Телефон", 18, r => r.Phone),
        ];
        return Xlsx.Write("Педагоги", columns, rows);
    }
}
