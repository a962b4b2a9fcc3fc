using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Territories;

public sealed record MunicipalityNode(Guid Id, string Name, int Organizations, int Teachers, bool InScope);

public sealed record DistrictNode(Guid? Id, string Name, IReadOnlyList<MunicipalityNode> Municipalities)
{
    public int Organizations => Municipalities.Sum(m => m.Organizations);
    public int Teachers => Municipalities.Sum(m => m.Teachers);
}

public sealed record RegionNode(Guid Id, string Name, IReadOnlyList<DistrictNode> Districts)
{
    public int Organizations => Districts.Sum(d => d.Organizations);
    public int Teachers => Districts.Sum(d => d.Teachers);
}

/// <summary>Region → intermunicipal district → municipality, with counts of organizations and teachers (counted inside the reader's scope).</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<RegionNode> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().GroupBy(o => o.MunicipalityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var teachers = await db.Employments.AsNoTracking().Where(e => scope.MunicipalityIds.Contains(e.MunicipalityId))
            .GroupBy(e => e.MunicipalityId).Select(g => new { g.Key, Count = g.Select(e => e.PersonId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        MunicipalityNode Node(Municipality m) => new(m.Id, m.Name, organizations.GetValueOrDefault(m.Id), teachers.GetValueOrDefault(m.Id), scope.CoversMunicipality(m.Id));
        Regions = regions.Select(r => new RegionNode(r.Id, r.Name,
            districts.Where(d => d.RegionId == r.Id)
                .Select(d => new DistrictNode(d.Id, d.Name, municipalities.Where(m => m.DistrictId == d.Id).Select(Node).ToList()))
                .Concat(municipalities.Any(m => m.RegionId == r.Id && m.DistrictId == null)
                    ? [new DistrictNode(null, "Вне межмуниципальных округов", municipalities.Where(m => m.RegionId == r.Id && m.DistrictId == null).Select(Node).ToList())]
                    : [])
                .ToList())).ToList();
    }
}
