using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>Empty workbooks with the headings each import accepts, for people to fill in.</summary>
public static class ImportTemplates
{
    /// <summary>The template of a kind; the results template has a column for each active competence area, by its code.</summary>
    public static async Task<(byte[] Content, string FileName)> BuildAsync(ImportKind kind, AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var areaCodes = kind == ImportKind.DiagnosticResults
            ? await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => a.Code).ToListAsync(ct)
            : [];
        return Build(kind, areaCodes);
    }

    public static (byte[] Content, string FileName) Build(ImportKind kind, IReadOnlyList<string> areaCodes)
    {
        var (sheet, fileName, headings) = kind switch
        {
            ImportKind.Teachers => ("Педагоги", "шаблон_педагоги.xlsx", ImportColumns.Teachers.Where(c => c.Field is not (TeacherField.FullName or TeacherField.PartTime or TeacherField.ExperienceYears)).Select(c => c.Title)),
            ImportKind.DiagnosticResults => ("Результаты", "шаблон_результаты_диагностики.xlsx",
                ResultColumns.Fixed.Where(c => c.Field != ResultField.FullName).Select(c => c.Title).Concat(areaCodes)),
            ImportKind.Courses => ("Курсы", "шаблон_каталог_курсов.xlsx", CourseColumns.All.Select(c => c.Title)),
            _ => ("Организации", "шаблон_организации.xlsx", ImportColumns.Organizations.Select(c => c.Title)),
        };
        var columns = headings.Select(h => new XlsxColumn<string>(h, Math.Clamp(h.Length + 4, 12, 40), _ => null)).ToList();
        return (Xlsx.Write(sheet, columns, []), fileName);
    }
}
