using Metodist.Web.Features.Audit;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<(Employment Employment, string Municipality, bool Editable)> Employments { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSeeHistory { get; private set; }
    public bool CanGrantAccess { get; private set; }
    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var person = await scope.Persons(db.Persons.AsNoTracking())
            .Include(p => p.Employments).ThenInclude(e => e.Organization).ThenInclude(o => o!.Municipality)
            .Include(p => p.Employments).ThenInclude(e => e.Position)
            .Include(p => p.Employments).ThenInclude(e => e.Subjects).ThenInclude(s => s.Subject)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        Person = person;
        Employments = person.Employments.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate)
            .Select(e => (e, e.Organization!.Municipality!.Name, scope.CoversOrganization(e.OrganizationId, e.MunicipalityId))).ToList();
        CanEdit = scope.CanEditRegistry;
        CanGrantAccess = scope.IsRegionAdmin;
        CanSeeHistory = scope.CanEditRegistry || scope.PersonId == id;
        if (CanSeeHistory)
            History = await db.AuditEntries.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.At).Take(15).ToListAsync(ct);
        return Page();
    }
}
