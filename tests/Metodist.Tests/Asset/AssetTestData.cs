using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Asset;

/// <summary>Places, teachers and members of the asset written straight into the database of a test app.</summary>
public static class AssetTestData
{
    public static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;
    public static readonly Guid Chemistry = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Химия").Id;
    public static readonly DateOnly LongAgo = new(2008, 9, 1);

    /// <summary>A municipality of its own in the test region, with one school, so that a test's counts meet no other test's teachers.</summary>
    public static async Task<Organization> AddMunicipalitySchoolAsync(this TestApp app, TestData data, string municipality)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var place = new Municipality { Name = municipality, RegionId = data.Region.Id, DistrictId = data.District.Id };
        var school = new Organization
        {
            FullName = $"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1 г. {municipality}»", ShortName = $"МБОУ СШ № 1 ({municipality})",
            Kind = OrganizationKind.School, MunicipalityId = place.Id,
        };
        db.AddRange(place, school);
        await db.SaveChangesAsync();
        return school;
    }

    /// <summary>A teacher of the subject at the school, with the category and start of work given (the highest and long ago by default).</summary>
    public static async Task<Person> AddSubjectTeacherAsync(this TestApp app, TestData data, Organization school, string lastName, Guid? subjectId = null,
        QualificationCategory category = QualificationCategory.Highest, DateOnly? workStart = null)
    {
        var teacher = await data.AddTeacherAsync(school, lastName, category: category, workStart: workStart ?? LongAgo);
        if (subjectId is { } subject) await app.TeachesAsync(teacher.Id, subject);
        return teacher;
    }

    /// <summary>A member of the asset in the given status, serving the subjects and municipalities given.</summary>
    public static async Task<RegionalMethodist> AddMethodistAsync(this TestApp app, Person person, AssetStatus status, Guid[] subjects, Guid[] municipalities,
        int? loadNorm = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var methodist = new RegionalMethodist
        {
            PersonId = person.Id, Status = status, LoadNorm = loadNorm, IsExamExpert = true,
            ActiveSince = status == AssetStatus.Active ? new DateOnly(2025, 11, 1) : null,
        };
        methodist.Subjects.AddRange(subjects.Select(s => new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = s }));
        methodist.Municipalities.AddRange(municipalities.Select(m => new RegionalMethodistMunicipality { MethodistId = methodist.Id, MunicipalityId = m }));
        db.RegionalMethodists.Add(methodist);
        await db.SaveChangesAsync();
        return methodist;
    }

    /// <summary>Assigns teachers to the methodist directly (as if done earlier).</summary>
    public static async Task AssignDirectlyAsync(this TestApp app, RegionalMethodist methodist, IEnumerable<Person> teachers)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AssetAssignments.AddRange(teachers.Select(t => new AssetAssignment { MethodistId = methodist.Id, PersonId = t.Id, AssignedOn = new DateOnly(2026, 9, 1), AssignedBy = "test" }));
        await db.SaveChangesAsync();
    }
}
