using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry;

public sealed record TeacherItem(
    Guid Id, string LastName, string FirstName, string? MiddleName, DateOnly BirthDate,
    Guid? OrganizationId, string? OrganizationName, Guid? MunicipalityId, string? MunicipalityName,
    string Category, string CategoryName, string? Position, IReadOnlyList<string> Subjects,
    int? ExperienceYears, DateOnly? NextAttestationDue, bool IsYoung, bool IsAssetEligible);

public sealed record TeacherPage(IReadOnlyList<TeacherItem> Items, int Total, int Page, int PageSize);

public sealed record EmploymentItem(Guid Id, Guid OrganizationId, string OrganizationName, Guid MunicipalityId, Guid PositionId, string Position,
    bool IsMain, DateOnly? StartDate, IReadOnlyList<string> Subjects);

public sealed record TeacherDetail(
    Guid Id, string LastName, string FirstName, string? MiddleName, DateOnly BirthDate, string? Email, string? Phone, string? Snils,
    Guid? OrganizationId, Guid? MunicipalityId, string Category, string CategoryName, DateOnly? CategoryAssignedOn, DateOnly? NextAttestationDue,
    DateOnly? PedagogicalWorkStart, int? ExperienceYears, string? EducationLevel, string? Education, bool IsYoung, bool IsAssetEligible,
    IReadOnlyList<EmploymentItem> Employments);

public sealed record TerritoryItem(Guid Id, string Name, string Kind, Guid? ParentId);

public sealed record OrganizationItem(Guid Id, string ShortName, string FullName, string Kind, string KindName, Guid MunicipalityId, string? Inn);

public static class RegistryApi
{
    public static void MapRegistryApi(this RouteGroupBuilder api)
    {
        var teachers = api.MapGroup("/teachers").WithTags("Реестр");
        teachers.MapGet("/", ListTeachers).WithSummary("Педагоги в области видимости: поиск по ФИО, фильтры, страницы");
        teachers.MapGet("/export", ExportTeachers).WithSummary("Отфильтрованный список педагогов в XLSX");
        teachers.MapGet("/{id:guid}", GetTeacher).WithSummary("Карточка педагога (404, если вне области видимости)");

        api.MapGet("/territories", ListTerritories).WithTags("Реестр").WithSummary("Регионы, межмуниципальные округа и муниципалитеты");
        api.MapGet("/organizations", ListOrganizations).WithTags("Реестр").WithSummary("Организации в области видимости");
        api.MapGet("/positions", async (AppDbContext db) => TypedResults.Ok(await db.Positions.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Name }).ToListAsync()))
            .WithTags("Реестр").WithSummary("Словарь должностей");
        api.MapGet("/subjects", async (AppDbContext db) => TypedResults.Ok(await db.Subjects.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync()))
            .WithTags("Реестр").WithSummary("Словарь предметов");
    }

    internal static TeacherFilter FilterFrom(string? search, Guid? districtId, Guid? municipalityId, Guid? organizationId, Guid? positionId, Guid? subjectId,
        QualificationCategory? category, bool? young, int? attestationWithinMonths, TeacherSort? sort, bool? desc, int? page, int? pageSize) => new()
    {
        Search = search,
        DistrictId = districtId,
        MunicipalityId = municipalityId,
        OrganizationId = organizationId,
        PositionId = positionId,
        SubjectId = subjectId,
        Category = category,
        YoungOnly = young ?? false,
        AttestationWithinMonths = attestationWithinMonths,
        Sort = sort ?? TeacherSort.Name,
        Descending = desc ?? false,
        Page = page ?? 1,
        PageSize = pageSize ?? 50,
    };

    private static async Task<Ok<TeacherPage>> ListTeachers(TeacherList list, CurrentUser user,
        string? search, Guid? districtId, Guid? municipalityId, Guid? organizationId, Guid? positionId, Guid? subjectId,
        QualificationCategory? category, bool? young, int? attestationWithinMonths, TeacherSort? sort, bool? desc, int? page, int? pageSize,
        CancellationToken ct)
    {
        var filter = FilterFrom(search, districtId, municipalityId, organizationId, positionId, subjectId, category, young, attestationWithinMonths, sort, desc, page, pageSize);
        var result = await list.PageAsync(await user.ScopeAsync(ct), filter, ct);
        var today = list.Today;
        return TypedResults.Ok(new TeacherPage(result.Items.Select(r => ToItem(r, today)).ToList(), result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<FileContentHttpResult> ExportTeachers(TeacherList list, CurrentUser user,
        string? search, Guid? districtId, Guid? municipalityId, Guid? organizationId, Guid? positionId, Guid? subjectId,
        QualificationCategory? category, bool? young, int? attestationWithinMonths, TeacherSort? sort, bool? desc, CancellationToken ct)
    {
        var filter = FilterFrom(search, districtId, municipalityId, organizationId, positionId, subjectId, category, young, attestationWithinMonths, sort, desc, 1, 50);
        var rows = await list.AllAsync(await user.ScopeAsync(ct), filter, ct);
        return TypedResults.File(TeacherExport.Build(rows, list.Today), Xlsx.ContentType, TeacherExport.FileName(list.Today));
    }

    internal static TeacherItem ToItem(TeacherRow r, DateOnly today) => new(
        r.Id, r.LastName, r.FirstName, r.MiddleName, r.BirthDate, r.OrganizationId, r.OrganizationName, r.MunicipalityId, r.MunicipalityName,
        r.Category.ToString(), r.Category.Title(), r.PositionName, r.Subjects, r.ExperienceYears(today), r.NextAttestationDue, r.IsYoung(today), r.IsAssetEligible(today));

    private static async Task<Results<Ok<TeacherDetail>, ProblemHttpResult>> GetTeacher(Guid id, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var person = await scope.Persons(db.Persons.AsNoTracking())
            .Include(p => p.Employments).ThenInclude(e => e.Organization)
            .Include(p => p.Employments).ThenInclude(e => e.Position)
            .Include(p => p.Employments).ThenInclude(e => e.Subjects).ThenInclude(s => s.Subject)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Problems.NotFound("Педагог не найден или недоступен в вашей области видимости.");
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var employments = person.Employments.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate)
            .Select(e => new EmploymentItem(e.Id, e.OrganizationId, e.Organization!.ShortName, e.MunicipalityId, e.PositionId, e.Position!.Name, e.IsMain, e.StartDate,
                e.Subjects.Select(s => s.Subject!.Name).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var main = employments.FirstOrDefault();
        return TypedResults.Ok(new TeacherDetail(
            person.Id, person.LastName, person.FirstName, person.MiddleName, person.BirthDate, person.Email, person.Phone, person.Snils,
            main?.OrganizationId, main?.MunicipalityId, person.Category.ToString(), person.Category.Title(), person.CategoryAssignedOn, person.NextAttestationDue,
            person.PedagogicalWorkStart, TeacherRules.ExperienceYears(person.PedagogicalWorkStart, today), person.EducationLevel?.Title(), person.Education,
            TeacherRules.IsYoungTeacher(person.BirthDate, person.PedagogicalWorkStart, today),
            TeacherRules.IsEligibleForAsset(person.Category, person.PedagogicalWorkStart, today),
            employments));
    }

    private static async Task<Ok<List<TerritoryItem>>> ListTerritories(AppDbContext db, CancellationToken ct)
    {
        var items = new List<TerritoryItem>();
        items.AddRange(await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new TerritoryItem(r.Id, r.Name, "region", null)).ToListAsync(ct));
        items.AddRange(await db.Districts.AsNoTracking().OrderBy(r => r.Name).Select(d => new TerritoryItem(d.Id, d.Name, "district", d.RegionId)).ToListAsync(ct));
        items.AddRange(await db.Municipalities.AsNoTracking().OrderBy(r => r.Name)
            .Select(m => new TerritoryItem(m.Id, m.Name, "municipality", m.DistrictId ?? m.RegionId)).ToListAsync(ct));
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<List<OrganizationItem>>> ListOrganizations(AppDbContext db, CurrentUser user, Guid? municipalityId, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var query = scope.Organizations(db.Organizations.AsNoTracking(), db.Employments);
        if (municipalityId is { } id) query = query.Where(o => o.MunicipalityId == id);
        var rows = await query.OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName, o.FullName, o.Kind, o.MunicipalityId, o.Inn }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(o => new OrganizationItem(o.Id, o.ShortName, o.FullName, o.Kind.ToString(), o.Kind.Title(), o.MunicipalityId, o.Inn)).ToList());
    }
}
