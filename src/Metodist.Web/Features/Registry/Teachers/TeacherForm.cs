using System.Net.Mail;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class EmploymentForm
{
    public Guid? Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? PositionId { get; set; }
    public List<Guid> SubjectIds { get; set; } = [];
    public bool IsMain { get; set; }
    public DateOnly? StartDate { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => OrganizationId is null && PositionId is null && SubjectIds.Count == 0 && StartDate is null;
}

/// <summary>What the create and edit pages post for a teacher.</summary>
public sealed class TeacherForm
{
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Snils { get; set; }
    public QualificationCategory Category { get; set; }
    public DateOnly? CategoryAssignedOn { get; set; }
    public DateOnly? NextAttestationDue { get; set; }
    public DateOnly? PedagogicalWorkStart { get; set; }
    public EducationLevel? EducationLevel { get; set; }
    public string? Education { get; set; }
    public List<EmploymentForm> Employments { get; set; } = [];

    public static TeacherForm From(Person p) => new()
    {
        LastName = p.LastName,
        FirstName = p.FirstName,
        MiddleName = p.MiddleName,
        BirthDate = p.BirthDate,
        Email = p.Email,
        Phone = p.Phone,
        Snils = p.Snils,
        Category = p.Category,
        CategoryAssignedOn = p.CategoryAssignedOn,
        NextAttestationDue = p.NextAttestationDue,
        PedagogicalWorkStart = p.PedagogicalWorkStart,
        EducationLevel = p.EducationLevel,
        Education = p.Education,
        Employments = p.Employments.OrderByDescending(e => e.IsMain).Select(e => new EmploymentForm
        {
            Id = e.Id, OrganizationId = e.OrganizationId, PositionId = e.PositionId, IsMain = e.IsMain, StartDate = e.StartDate,
            SubjectIds = e.Subjects.Select(s => s.SubjectId).ToList(),
        }).ToList(),
    };
}

/// <summary>Validates a teacher form against the registry rules and the editor's scope, and applies it to a person.</summary>
public sealed class TeacherEditor(AppDbContext db, TimeProvider clock)
{
    public async Task<Dictionary<string, string>> ValidateAsync(TeacherForm form, Guid? personId, UserScope scope, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        form.LastName = form.LastName?.Trim() ?? "";
        form.FirstName = form.FirstName?.Trim() ?? "";
        form.MiddleName = string.IsNullOrWhiteSpace(form.MiddleName) ? null : form.MiddleName.Trim();
        form.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        form.Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();

        if (form.LastName.Length == 0) errors["LastName"] = "Укажите фамилию.";
        else if (!IsName(form.LastName)) errors["LastName"] = "Фамилия может содержать только буквы, пробел и дефис.";
        if (form.FirstName.Length == 0) errors["FirstName"] = "Укажите имя.";
        else if (!IsName(form.FirstName)) errors["FirstName"] = "Имя может содержать только буквы, пробел и дефис.";
        if (form.MiddleName is not null && !IsName(form.MiddleName)) errors["MiddleName"] = "Отчество может содержать только буквы, пробел и дефис.";

        if (form.BirthDate is not { } birth) errors["BirthDate"] = "Укажите дату рождения.";
        else if (birth > today.AddYears(-16)) errors["BirthDate"] = "Педагогу должно быть не меньше 16 лет: проверьте дату рождения.";
        else if (birth < today.AddYears(-100)) errors["BirthDate"] = "Дата рождения слишком ранняя: проверьте год.";

        if (form.Email is not null && !MailAddress.TryCreate(form.Email, out _)) errors["Email"] = "Адрес электронной почты указан неверно.";
        if (form.Phone is not null && form.Phone.Count(char.IsDigit) is < 6 or > 15) errors["Phone"] = "Телефон должен содержать от 6 до 15 цифр.";

        var snils = Registry.Snils.Normalize(form.Snils, out var snilsError);
        if (snilsError is not null) errors["Snils"] = snilsError;
        else
        {
            form.Snils = snils;
            if (snils is not null && await db.Persons.AnyAsync(p => p.Snils == snils && p.Id != personId, ct))
                errors["Snils"] = "Педагог с таким СНИЛС уже есть в реестре.";
        }

        if (form.PedagogicalWorkStart is { } start)
        {
            if (start > today) errors["PedagogicalWorkStart"] = "Дата начала педагогической деятельности не может быть в будущем.";
            else if (form.BirthDate is { } b && start < b.AddYears(14)) errors["PedagogicalWorkStart"] = "Педагогическая деятельность не может начаться раньше 14 лет.";
        }
        if (form.Category != QualificationCategory.None)
        {
            if (form.CategoryAssignedOn is not { } assigned) errors["CategoryAssignedOn"] = "Укажите дату присвоения категории.";
            else if (assigned > today) errors["CategoryAssignedOn"] = "Дата присвоения категории не может быть в будущем.";
            if (form.NextAttestationDue is { } due && form.CategoryAssignedOn is { } on && due <= on)
                errors["NextAttestationDue"] = "Срок следующей аттестации должен быть позже даты присвоения.";
        }

        var rows = form.Employments.Where(e => !e.Remove && !e.IsBlank).ToList();
        for (var i = 0; i < form.Employments.Count; i++)
        {
            var e = form.Employments[i];
            if (e.Remove || e.IsBlank) continue;
            if (e.OrganizationId is not { } orgId) errors[$"Employments[{i}].OrganizationId"] = "Выберите организацию.";
            else
            {
                var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Id, o.MunicipalityId }).FirstOrDefaultAsync(ct);
                if (org is null || !scope.CoversOrganization(org.Id, org.MunicipalityId))
                    errors[$"Employments[{i}].OrganizationId"] = "Организация недоступна в вашей области видимости.";
            }
            if (e.PositionId is not { } positionId || !await db.Positions.AnyAsync(p => p.Id == positionId, ct))
                errors[$"Employments[{i}].PositionId"] = "Выберите должность из справочника.";
            if (e.StartDate is { } s && s > today) errors[$"Employments[{i}].StartDate"] = "Дата начала работы не может быть в будущем.";
        }
        if (rows.GroupBy(e => e.OrganizationId).Any(g => g.Key != null && g.Count() > 1))
            errors["Employments"] = "В одной организации укажите одно место работы.";
        if (rows.Count(e => e.IsMain) > 1) errors["Employments"] = "Основным может быть только одно место работы.";
        if (rows.Count == 0 && !scope.IsRegionAdmin) errors["Employments"] = "Укажите место работы в организации вашей области видимости.";
        return errors;
    }

    private static bool IsName(string value) => value.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.');

    /// <summary>Copies a validated form onto the person (tracked), changing only what differs so the audit log lists real changes.</summary>
    public async Task ApplyAsync(Person person, TeacherForm form, CancellationToken ct)
    {
        person.LastName = form.LastName;
        person.FirstName = form.FirstName;
        person.MiddleName = form.MiddleName;
        person.BirthDate = form.BirthDate!.Value;
        person.Email = form.Email;
        person.Phone = form.Phone;
        person.Snils = form.Snils;
        person.AssignCategory(form.Category, form.CategoryAssignedOn, form.NextAttestationDue);
        person.PedagogicalWorkStart = form.PedagogicalWorkStart;
        person.EducationLevel = form.EducationLevel;
        person.Education = string.IsNullOrWhiteSpace(form.Education) ? null : form.Education.Trim();

        var rows = form.Employments.Where(e => !e.IsBlank).ToList();
        foreach (var row in rows)
        {
            var existing = row.Id is { } id ? person.Employments.FirstOrDefault(e => e.Id == id) : null;
            if (row.Remove)
            {
                if (existing is not null) person.Employments.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                existing = new Employment { PersonId = person.Id };
                person.Employments.Add(existing);
            }
            if (existing.OrganizationId != row.OrganizationId)
            {
                var org = await db.Organizations.FirstAsync(o => o.Id == row.OrganizationId, ct);
                existing.PlaceAt(org);
            }
            existing.PositionId = row.PositionId!.Value;
            existing.IsMain = row.IsMain;
            existing.StartDate = row.StartDate;
            var wanted = row.SubjectIds.Distinct().ToHashSet();
            existing.Subjects.RemoveAll(s => !wanted.Contains(s.SubjectId));
            foreach (var subjectId in wanted.Where(w => existing.Subjects.All(s => s.SubjectId != w)))
                existing.Subjects.Add(new EmploymentSubject { EmploymentId = existing.Id, SubjectId = subjectId });
        }
        // A single place of work is the main one. Counted over all of them: places outside the editor's scope are not
        // in the form, and making the one in the form main would leave the person with two.
        if (person.Employments.Count == 1) person.Employments[0].IsMain = true;
    }
}
