using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>Empty workbooks with the headings each import accepts, for people to fill in.</summary>
public static class ImportTemplates
{
    public static (byte[] Content, string FileName) Build(ImportKind kind)
    {
        var (sheet, fileName, headings) = kind switch
        {
            ImportKind.Teachers => ("Педагоги", "шаблон_педагоги.xlsx", ImportColumns.Teachers.Where(c => c.Field is not (TeacherField.FullName or TeacherField.PartTime or TeacherField.ExperienceYears)).Select(c => c.Title)),
            _ => ("Организации", "шаблон_организации.xlsx", ImportColumns.Organizations.Select(c => c.Title)),
        };
        var columns = headings.Select(h => new XlsxColumn<string>(h, Math.Clamp(h.Length + 4, 12, 40), _ => null)).ToList();
        return (Xlsx.Write(sheet, columns, []), fileName);
    }
}
