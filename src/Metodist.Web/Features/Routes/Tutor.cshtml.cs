using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

public sealed record TutoredTeacher(Guid RouteId, Guid PersonId, string Name, string? Organization, string? Municipality, string? Subject,
    RouteStatus Status, DeficitLevel? Level, DateOnly EndsOn, int Items, int Done, int Reflections, DateOnly? NextDeadline);

/// <summary>The tutor's list of their teachers: each route they accompany, its state and what is due next.</summary>
public sealed class TutorModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public List<TutoredTeacher> Teachers { get; private set; } = [];
    public DateOnly Today { get; } = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    public bool HasPerson { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        HasPerson = scope.PersonId is not null;
        if (scope.PersonId is not { } me) return;
        var today = Today;
        var rows = await db.Routes.AsNoTracking().Where(r => r.TutorPersonId == me)
            .OrderBy(r => r.Status == RouteStatus.Completed || r.Status == RouteStatus.NotCompleted).ThenBy(r => r.Person!.SearchName)
            .Select(r => new TutoredTeacher(r.Id, r.PersonId, r.Person!.LastName + " " + r.Person.FirstName + " " + (r.Person.MiddleName ?? ""),
                r.OrganizationName, r.MunicipalityName, r.SubjectName, r.Status, r.DeficitLevel, r.EndsOn, r.Items.Count, r.Items.Count(i => i.IsDone),
                r.Items.Count(i => i.Reflection != null), r.Items.Where(i => !i.IsDone && i.Deadline >= today).Min(i => i.Deadline)))
            .ToListAsync(ct);
        Teachers = rows;
    }
}
