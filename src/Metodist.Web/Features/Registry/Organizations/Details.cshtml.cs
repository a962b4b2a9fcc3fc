using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Organizations;

public sealed record PositionCount(string Position, int Count);

public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public string Municipality { get; private set; } = "";
    public string? District { get; private set; }
    public int Teachers { get; private set; }
    public int YoungTeachers { get; private set; }
    public int AttestationSoon { get; private set; }
    public IReadOnlyList<PositionCount> Positions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanAddTeacher { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var org = await scope.Organizations(db.Organizations.AsNoTracking(), db.Employments)
            .Include(o => o.Municipality).ThenInclude(m => m!.District)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        Organization = org;
        Municipality = org.Municipality!.Name;
        District = org.Municipality.District?.Name;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var covered = scope.CoversOrganization(org.Id, org.MunicipalityId);
        CanEdit = scope.CoversMunicipality(org.MunicipalityId) && (scope.IsRegionAdmin || scope.Has(Accounts.AppRole.MunicipalMethodist));
        CanAddTeacher = covered && scope.CanEditRegistry;
        var staff = scope.Persons(db.Persons.AsNoTracking()).Where(p => p.Employments.Any(e => e.OrganizationId == id));
        Teachers = await staff.CountAsync(ct);
        var bornAfter = TeacherRules.YoungBornAfter(today);
        var startedFrom = TeacherRules.YoungStartedOnOrAfter(today);
        YoungTeachers = await staff.CountAsync(p => p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today, ct);
        var soon = today.AddMonths(6);
        AttestationSoon = await staff.CountAsync(p => p.NextAttestationDue != null && p.NextAttestationDue <= soon, ct);
        Positions = covered
            ? await db.Employments.AsNoTracking().Where(e => e.OrganizationId == id).GroupBy(e => e.Position!.Name)
                .Select(g => new PositionCount(g.Key, g.Count())).OrderByDescending(g => g.Count).ToListAsync(ct)
            : [];
        return Page();
    }
}
