using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Consultations;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Home;

/// <summary>The start page: key counts of the user's scope and where to go next.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, TeacherList list) : PageModel
{
    public UserScope Scope { get; private set; } = UserScope.Nobody;
    public int Teachers { get; private set; }
    public int Young { get; private set; }
    public int AttestationSoon { get; private set; }
    public int AssetEligible { get; private set; }
    public int Organizations { get; private set; }
    public IReadOnlyList<string> RoleTitles { get; private set; } = [];
    public int YoungWithMentor { get; private set; }
    public int ActivePairs { get; private set; }
    public int ActiveMethodists { get; private set; }
    public int AssignedTeachers { get; private set; }
    public int OpenConsultations { get; private set; }
    public int OverdueConsultations { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await currentUser.ScopeAsync(ct);
        if (Scope.PersonId is { } personId && !Scope.CanEditRegistry) return Redirect($"/Registry/Teachers/Details/{personId}");
        var today = list.Today;
        var persons = Scope.Persons(db.Persons.AsNoTracking());
        Teachers = await persons.CountAsync(ct);
        var bornAfter = TeacherRules.YoungBornAfter(today);
        var startedFrom = TeacherRules.YoungStartedOnOrAfter(today);
        Young = await persons.CountAsync(p => p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today, ct);
        var soon = today.AddMonths(3);
        AttestationSoon = await persons.CountAsync(p => p.NextAttestationDue != null && p.NextAttestationDue <= soon, ct);
        var assetStart = TeacherRules.AssetStartedOnOrBefore(today);
        AssetEligible = await persons.CountAsync(p => (p.Category == QualificationCategory.Highest || p.Category == QualificationCategory.TeacherMethodist)
                                                      && p.PedagogicalWorkStart != null && p.PedagogicalWorkStart <= assetStart, ct);
        YoungWithMentor = await persons.CountAsync(p => p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today
            && db.MentoringMentees.Any(m => m.PersonId == p.Id && m.Pair!.Status == MentoringStatus.Active), ct);
        var scopedIds = persons.Select(p => p.Id);
        ActivePairs = await db.MentoringPairs.CountAsync(x => x.Status == MentoringStatus.Active && x.Mentees.Any(m => scopedIds.Contains(m.PersonId)), ct);
        ActiveMethodists = await db.RegionalMethodists.CountAsync(m => m.Status == AssetStatus.Active && scopedIds.Contains(m.PersonId), ct);
        AssignedTeachers = await db.AssetAssignments.CountAsync(a => a.Methodist!.Status == AssetStatus.Active && scopedIds.Contains(a.PersonId), ct);
        var desk = Scope.IsRegionAdmin
            ? db.ConsultationRequests.AsNoTracking()
            : db.ConsultationRequests.AsNoTracking().Where(r => r.ServiceMunicipalityId != null && Scope.MunicipalityIds.Contains(r.ServiceMunicipalityId.Value));
        var open = desk.Where(r => r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress);
        OpenConsultations = await open.CountAsync(ct);
        OverdueConsultations = await open.CountAsync(r => r.DueOn < today, ct);
        Organizations = await Scope.Organizations(db.Organizations.AsNoTracking(), db.Employments).CountAsync(ct);
        RoleTitles = Scope.Roles.Select(r => Accounts.AppRoles.Title(r.Role)).Distinct().ToList();
        return Page();
    }
}
