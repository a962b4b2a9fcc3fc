using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Web;

/// <summary>The territories and organizations a user's filters may offer: only those inside their scope.</summary>
public static class ScopeOptions
{
    public static async Task<List<Option>> MunicipalitiesAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var rows = await MunicipalityRowsAsync(db, scope, ct);
        return rows.Select(m => new Option(m.Id, m.Name)).ToList();
    }

    /// <summary>The municipalities of the scope with their districts (for a district filter), by name.</summary>
    public static async Task<List<(Guid Id, string Name, Guid? DistrictId)>> MunicipalityRowsAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var rows = await db.Municipalities.AsNoTracking()
            .Where(m => scope.MunicipalityIds.Contains(m.Id) || db.Organizations.Any(o => o.MunicipalityId == m.Id && scope.OrganizationIds.Contains(o.Id)))
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name, m.DistrictId }).ToListAsync(ct);
        return rows.Select(m => (m.Id, m.Name, m.DistrictId)).ToList();
    }

    public static async Task<List<Option>> OrganizationsAsync(AppDbContext db, UserScope scope, Guid? municipalityId, CancellationToken ct, Guid? districtId = null)
    {
        var organizations = scope.Organizations(db.Organizations.AsNoTracking(), db.Employments);
        if (municipalityId is { } id) organizations = organizations.Where(o => o.MunicipalityId == id);
        else if (districtId is { } district) organizations = organizations.Where(o => o.Municipality!.DistrictId == district);
        var rows = await organizations.OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToListAsync(ct);
        return rows.Select(o => new Option(o.Id, o.ShortName)).ToList();
    }
}
