using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

/// <summary>Where a person works: the main place of work (else the earliest), its municipality, and the subjects taught there.</summary>
public sealed record WorkPlace(string Organization, Guid MunicipalityId, string Municipality, IReadOnlyList<string> Subjects);

/// <summary>Looks up what the asset's lists show about people, a page at a time.</summary>
public static class AssetPeople
{
    /// <summary>Ids sent to the database in one query at the most (as one JSON or array parameter: a parameter each would be slow to prepare by the thousand).</summary>
    public const int Chunk = 5000;

    public static string FullName(string lastName, string firstName, string? middleName) =>
        string.IsNullOrEmpty(middleName) ? $"{lastName} {firstName}" : $"{lastName} {firstName} {middleName}";

    /// <summary>The place of work of each person, read in two queries for the whole set.</summary>
    public static async Task<Dictionary<Guid, WorkPlace>> PlacesAsync(AppDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var jobs = new List<(Guid Id, Guid PersonId, bool IsMain, DateOnly? StartDate, string Organization, string Municipality, Guid MunicipalityId)>();
        foreach (var ids in personIds.Distinct().Chunk(Chunk))
        {
            var rows = await db.Employments.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.PersonId))
                .Select(e => new { e.Id, e.PersonId, e.IsMain, e.StartDate, e.MunicipalityId, Organization = e.Organization!.ShortName, Municipality = e.Organization.Municipality!.Name })
                .ToListAsync(ct);
            jobs.AddRange(rows.Select(e => (e.Id, e.PersonId, e.IsMain, e.StartDate, e.Organization, e.Municipality, e.MunicipalityId)));
        }
        var main = jobs.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.Id)
            .GroupBy(e => e.PersonId).ToDictionary(g => g.Key, g => g.First());
        var names = new List<(Guid EmploymentId, string Name)>();
        foreach (var employmentIds in main.Values.Select(e => e.Id).Chunk(Chunk))
        {
            var rows = await db.EmploymentSubjects.AsNoTracking().Where(s => EF.Parameter(employmentIds).Contains(s.EmploymentId))
                .Select(s => new { s.EmploymentId, s.Subject!.Name }).ToListAsync(ct);
            names.AddRange(rows.Select(s => (s.EmploymentId, s.Name)));
        }
        var subjects = names.ToLookup(s => s.EmploymentId, s => s.Name);
        return main.ToDictionary(p => p.Key, p => new WorkPlace(p.Value.Organization, p.Value.MunicipalityId, p.Value.Municipality,
            subjects[p.Value.Id].Order(StringComparer.Ordinal).ToList()));
    }

    /// <summary>The names of the subjects and of the municipalities each methodist serves.</summary>
    public static async Task<(ILookup<Guid, (Guid Id, string Name)> Subjects, ILookup<Guid, (Guid Id, string Name)> Municipalities)> ServiceAsync(
        AppDbContext db, IReadOnlyCollection<Guid> methodistIds, CancellationToken ct)
    {
        var ids = methodistIds.ToArray();
        var subjects = await db.RegionalMethodistSubjects.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.MethodistId))
            .Select(s => new { s.MethodistId, s.SubjectId, s.Subject!.Name }).ToListAsync(ct);
        var municipalities = await db.RegionalMethodistMunicipalities.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.MethodistId))
            .Select(m => new { m.MethodistId, m.MunicipalityId, m.Municipality!.Name }).ToListAsync(ct);
        return (subjects.OrderBy(s => s.Name, StringComparer.Ordinal).ToLookup(s => s.MethodistId, s => (s.SubjectId, s.Name)),
            municipalities.OrderBy(m => m.Name, StringComparer.Ordinal).ToLookup(m => m.MethodistId, m => (m.MunicipalityId, m.Name)));
    }

    /// <summary>The municipalities a user's scope names: their own and those of the organizations they are methodists of.</summary>
    public static async Task<Guid[]> MunicipalitiesOfScopeAsync(AppDbContext db, Infrastructure.Auth.UserScope scope, CancellationToken ct)
    {
        if (scope.OrganizationIds.Length == 0) return scope.MunicipalityIds;
        var organizations = scope.OrganizationIds;
        var ofOrganizations = await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => o.MunicipalityId).ToListAsync(ct);
        return scope.MunicipalityIds.Concat(ofOrganizations).Distinct().ToArray();
    }
}
