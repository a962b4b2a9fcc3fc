using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed class DetailsModel(
    AppDbContext db, CurrentUser currentUser, TimeProvider clock, Diagnostics.ResultAccess results, Associations.AssociationService associationService) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<(Employment Employment, string Municipality, bool Editable)> Employments { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSeeHistory { get; private set; }
    public bool CanGrantAccess { get; private set; }
    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Null when the user may not see the teacher's results (then the card says nothing about them).</summary>
    public List<Diagnostics.DeficitProfile>? Results { get; private set; }
    public List<Routes.DevelopmentRoute> Routes { get; private set; } = [];
    public List<(string Course, Courses.EnrolmentStatus Status, DateOnly? CompletedOn, string? Certificate)> Enrolments { get; private set; } = [];
    public bool CanDraftRoute { get; private set; }

    /// <summary>The listed associations whose card this user may open; the others are named without a link.</summary>
    public IReadOnlySet<Guid> OpenableAssociations { get; private set; } = new HashSet<Guid>();

    /// <summary>The associations the teacher is a member of or asked to join: name, level, role and state.</summary>
    public List<(Guid Id, string Name, Metodist.Web.Features.Associations.AssociationLevel Level, Metodist.Web.Features.Associations.MemberRole Role, Metodist.Web.Features.Associations.MemberStatus Status, DateOnly? JoinedOn)> Associations { get; private set; } = [];

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
        // Results, routes and courses are private: only the teacher's own circle sees them, and each look at results is recorded.
        Results = await results.OpenAsync(id, "Карточка педагога", ct);
        if (Results is not null)
        {
            Routes = await db.Routes.AsNoTracking().Include(r => r.Items).Where(r => r.PersonId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
            Enrolments = (await db.Enrolments.AsNoTracking().Where(e => e.PersonId == id).OrderByDescending(e => e.EnrolledAt)
                    .Select(e => new { e.Course!.Title, e.Status, e.CompletedOn, e.CertificateNumber }).ToListAsync(ct))
                .Select(e => (e.Title, e.Status, e.CompletedOn, e.CertificateNumber)).ToList();
            CanDraftRoute = (scope.IsMethodist || scope.PersonId == id || scope.TutoredPersonIds.Contains(id))
                && !Routes.Any(r => r.Status is not (RouteStatus.Completed or RouteStatus.NotCompleted));
        }
        Associations = (await db.AssociationMembers.AsNoTracking()
                .Where(m => m.PersonId == id && (m.Status == Metodist.Web.Features.Associations.MemberStatus.Active || m.Status == Metodist.Web.Features.Associations.MemberStatus.Requested)
                    && !m.Association!.IsArchived)
                .OrderBy(m => m.Association!.Name)
                .Select(m => new { m.AssociationId, m.Association!.Name, m.Association.Level, m.Role, m.Status, m.JoinedOn }).ToListAsync(ct))
            .Select(m => (m.AssociationId, m.Name, m.Level, m.Role, m.Status, m.JoinedOn)).ToList();
        var listed = Associations.Select(a => a.Id).ToList();
        OpenableAssociations = (await (await associationService.VisibleAsync(ct)).Where(a => listed.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        if (CanSeeHistory)
            History = await db.AuditEntries.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.At).Take(15).ToListAsync(ct);
        return Page();
    }
}
