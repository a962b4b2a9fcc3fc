using System.Globalization;
using System.Text;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Registry;

namespace Metodist.Bench;

/// <summary>The generated region's teachers as the CSV a region sends: one row per teacher, their main place of work.</summary>
internal static class TeacherCsv
{
    public const string Header =
        "Фамилия;Имя;Отчество;Дата рождения;СНИЛС;Электронная почта;Телефон;ИНН организации;Должность;Предметы;" +
        "Квалификационная категория;Дата присвоения категории;Дата начала педагогической деятельности;Дата приема на работу";

    public static byte[] Write(DemoData data, IReadOnlyDictionary<Guid, string> positionNames, IReadOnlyDictionary<Guid, string> subjectNames)
    {
        var innByOrganization = data.Organizations.ToDictionary(o => o.Id, o => o.Inn ?? "");
        var sb = new StringBuilder(data.Persons.Count * 200);
        sb.Append(Header).Append('\n');
        foreach (var p in data.Persons)
        {
            var e = p.Employments.OrderByDescending(x => x.IsMain).First();
            sb.Append(p.LastName).Append(';').Append(p.FirstName).Append(';').Append(p.MiddleName).Append(';')
                .Append(Date(p.BirthDate)).Append(';').Append(p.Snils).Append(';').Append(p.Email).Append(';').Append(p.Phone).Append(';')
                .Append(innByOrganization[e.OrganizationId]).Append(';').Append(positionNames[e.PositionId]).Append(';')
                .Append(string.Join(", ", e.Subjects.Select(s => subjectNames[s.SubjectId]))).Append(';')
                .Append(p.Category.Title()).Append(';').Append(Date(p.CategoryAssignedOn)).Append(';')
                .Append(Date(p.PedagogicalWorkStart)).Append(';').Append(Date(e.StartDate)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";
}
