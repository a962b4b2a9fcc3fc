using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

/// <summary>A pair's card: people, terms and order, the plan, the meetings log with hours, the routes it stands in, and its closing.</summary>
public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, MentoringPairs pairs) : PageModel
{
    public MentoringPair Pair { get; private set; } = null!;
    public PairAccess Access { get; private set; } = PairAccess.None;
    public Dictionary<Guid, PairPerson> People { get; private set; } = [];
    public int MentorLoad { get; private set; }
    public int LoadLimit { get; private set; }
    public List<(Guid RouteId, string Teacher, RouteStatus Status, bool Done)> Routes { get; private set; } = [];
    public DateOnly Today => pairs.Today;

    [TempData] public string? Error { get; set; }

    public PairPerson Mentor => People[Pair.MentorPersonId];
    public IEnumerable<PairPerson> Mentees => Pair.Mentees.Select(m => People[m.PersonId]).OrderBy(p => p.FullName, StringComparer.Ordinal);
    public bool IsActive => Pair.Status == MentoringStatus.Active;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var ids = Pair.Mentees.Select(m => m.PersonId).Append(Pair.MentorPersonId).ToArray();
        People = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => ids.Contains(p.Id)), ct);
        LoadLimit = await pairs.LoadLimitAsync(ct);
        MentorLoad = (await pairs.LoadsAsync([Pair.MentorPersonId], ct)).GetValueOrDefault(Pair.MentorPersonId);
        // The routes the pair stands in, of the people whose routes the user may open.
        var scope = await currentUser.ScopeAsync(ct);
        var visible = scope.PrivatePersons(db.Persons).Select(p => p.Id);
        var rows = await db.RouteItems.AsNoTracking().Where(i => i.MentoringPairId == Pair.Id && visible.Contains(i.PersonId))
            .Select(i => new { i.RouteId, i.PersonId, i.Route!.Status, i.IsDone }).ToListAsync(ct);
        Routes = rows.Select(r => (r.RouteId, People.TryGetValue(r.PersonId, out var p) ? p.FullName : "", r.Status, r.IsDone)).OrderBy(r => r.Item2, StringComparer.Ordinal).ToList();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await pairs.FindAsync(id, ct) is not { } pair) return false;
        Pair = pair;
        Access = await pairs.AccessAsync(pair, ct);
        return true;
    }

    private IActionResult Done(MentoringOp op, string success, string? anchor = null)
    {
        if (op.Status == MentoringOpStatus.Forbidden) return Forbid();
        if (op.Succeeded) TempData["Message"] = success;
        else Error = op.Message;
        return Redirect($"/Mentoring/{Pair.Id}" + (anchor is null ? "" : "#" + anchor));
    }

    public async Task<IActionResult> OnPostTermsAsync(Guid id, PairTermsForm terms, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var input = new PairTermsInput(terms.ParsedForm ?? Pair.Form, terms.ParsedLevel ?? Pair.Level, terms.StartDate, terms.EndDate, terms.OrderNumber,
            terms.OrderDate, terms.Goals);
        return Done(await pairs.UpdateTermsAsync(Pair, input, ct), "Условия наставничества сохранены.");
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, string? kind, string? title, string? details, DateOnly? dueDate, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var parsed = kind == MentoringPlanKind.Meeting.Code() ? MentoringPlanKind.Meeting : MentoringPlanKind.Task;
        return Done(await pairs.AddPlanItemAsync(Pair, parsed, title, details, dueDate, ct), "Пункт плана добавлен.", "plan");
    }

    public async Task<IActionResult> OnPostPlanDoneAsync(Guid id, Guid itemId, bool done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await pairs.SetPlanItemDoneAsync(Pair, itemId, done, ct), done ? "Пункт плана выполнен." : "Отметка о выполнении снята.", "plan");
    }

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, DateOnly? date, string? topic, string? hours, string? notes, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (op, _) = await pairs.AddMeetingAsync(Pair, date, topic, MentoringRules.ParseHours(hours), notes, ct);
        return Done(op, "Встреча записана.", "meetings");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? evaluation, int? score, DateOnly? closedOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await pairs.CloseAsync(Pair, evaluation, score, closedOn, ct), "Наставничество завершено; пункты ИОМ наставляемых отмечены выполненными.");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await pairs.CancelAsync(Pair, ct), "Пара наставничества отменена.");
    }

}
