using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

/// <summary>
/// One's own mentoring: as a mentor, the pairs and mentees with quick logging of a meeting; as a mentee, the mentor, the
/// plan and the meetings.
/// </summary>
public sealed class MyModel(AppDbContext db, CurrentUser currentUser, MentoringPairs pairs) : PageModel
{
    public bool HasPerson { get; private set; }
    public bool IsMethodist { get; private set; }
    public List<MentoringPair> AsMentor { get; private set; } = [];
    public List<MentoringPair> AsMentee { get; private set; } = [];
    public Dictionary<Guid, PairPerson> People { get; private set; } = [];
    public int LoadLimit { get; private set; }
    public DateOnly Today => pairs.Today;

    [TempData] public string? Error { get; set; }

    public int ActiveMentees => AsMentor.Where(p => p.Status == MentoringStatus.Active).Sum(p => p.Mentees.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        IsMethodist = scope.IsMethodist;
        HasPerson = scope.PersonId is not null;
        if (scope.PersonId is not { } me) return Page();
        var mine = await db.MentoringPairs.AsNoTracking()
            .Where(p => p.MentorPersonId == me || p.Mentees.Any(m => m.PersonId == me))
            .Include(p => p.Mentees).Include(p => p.PlanItems).Include(p => p.Meetings)
            .AsSplitQuery()
            .ToListAsync(ct);
        var ordered = mine.OrderBy(p => p.Status != MentoringStatus.Active).ThenByDescending(p => p.StartDate).ToList();
        AsMentor = ordered.Where(p => p.MentorPersonId == me).ToList();
        AsMentee = ordered.Where(p => p.Mentees.Any(m => m.PersonId == me)).ToList();
        var ids = mine.SelectMany(p => p.Mentees.Select(m => m.PersonId).Append(p.MentorPersonId)).Distinct().ToArray();
        People = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => ids.Contains(p.Id)), ct);
        LoadLimit = await pairs.LoadLimitAsync(ct);
        return Page();
    }

    /// <summary>A meeting logged by the mentor from the list of their pairs.</summary>
    public async Task<IActionResult> OnPostMeetingAsync(Guid pairId, DateOnly? date, string? topic, string? hours, CancellationToken ct)
    {
        if (await pairs.FindAsync(pairId, ct) is not { } pair) return NotFound();
        var (op, _) = await pairs.AddMeetingAsync(pair, date, topic, MentoringRules.ParseHours(hours), null, ct);
        if (op.Status == MentoringOpStatus.Forbidden) return Forbid();
        if (op.Succeeded) TempData["Message"] = "Встреча записана.";
        else Error = op.Message;
        return Redirect($"/Mentoring/My#pair-{pairId}");
    }
}
