using Metodist.Web.Features.Events;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The fields of a plan item as the form sends them.</summary>
public sealed class PlanItemInput
{
    public string? Title { get; set; }
    public string? Content { get; set; }
    public EventKind? Kind { get; set; }
    public PlanTiming Timing { get; set; } = PlanTiming.Month;
    public int? Month { get; set; }
    public int? EndMonth { get; set; }
    public DateOnly? Date { get; set; }
    public string? TimingNote { get; set; }
    public Guid? VenueOrganizationId { get; set; }
    public List<Guid> ResponsibleIds { get; set; } = [];
    public string? ResponsibleText { get; set; }

    public static PlanItemInput From(PlanItem i) => new()
    {
        Title = i.Title, Content = i.Content, Kind = i.Kind, Timing = i.Timing, Month = i.Month, EndMonth = i.EndMonth, Date = i.Date,
        TimingNote = i.TimingNote, VenueOrganizationId = i.VenueOrganizationId, ResponsibleIds = i.Responsible.Select(r => r.PersonId).ToList(),
        ResponsibleText = i.ResponsibleText,
    };

    public NewPlanItem ToNew(bool keepText) => new(Title, Content, Kind, Timing, Month, EndMonth, Date, TimingNote, VenueOrganizationId, ResponsibleIds,
        keepText ? ResponsibleText : null);
}

/// <summary>
/// A work plan or road map: its items with where each stands, the editor of items and outcomes, approval and publication,
/// and the DOCX laid out like the seeds.
/// </summary>
public sealed class PlanModel(AppDbContext db, AssociationService associations, AssociationDocuments documents, EventService events) : PageModel
{
    public WorkPlan Plan { get; private set; } = null!;
    public AcademicYear Year { get; private set; }
    public bool CanManage { get; private set; }
    public Dictionary<Guid, ItemProgress> Progress { get; private set; } = [];
    public Dictionary<Guid, List<(Guid Id, string Title, DateTime StartsAt, EventStatus Status)>> Events { get; private set; } = [];
    public IReadOnlyList<Option> Venues { get; private set; } = [];
    public IReadOnlyList<Option> People { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [BindProperty] public PlanItemInput Input { get; set; } = new();

    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    public string TimingText(PlanItem i) =>
        string.Join(", ", new[] { PlanRules.TimingText(AssociationService.Timing(i), Year), i.TimingNote }.Where(x => !string.IsNullOrWhiteSpace(x)));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan is null) return false;
        Plan = plan;
        Year = AcademicYear.Parse(plan.AcademicYear) ?? AcademicYear.Of(associations.Today);
        CanManage = await associations.CanManagePlanAsync(plan, ct);
        Progress = await associations.ProgressAsync(plan, ct);
        var itemIds = plan.Items.Select(i => i.Id).ToList();
        Events = (await db.Events.AsNoTracking().Where(e => e.PlanItemId != null && itemIds.Contains(e.PlanItemId.Value)).OrderBy(e => e.StartsAt)
                .Select(e => new { ItemId = e.PlanItemId!.Value, e.Id, e.Title, e.StartsAt, e.Status }).ToListAsync(ct))
            .GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.Select(e => (e.Id, e.Title, e.StartsAt, e.Status)).ToList());
        if (CanManage)
        {
            var a = plan.Association;
            var venues = db.Organizations.AsNoTracking();
            venues = a?.MunicipalityId is { } m ? venues.Where(o => o.MunicipalityId == m)
                : a is not null ? venues.Where(o => o.Municipality!.RegionId == a.RegionId)
                : plan.MunicipalityId is { } pm ? venues.Where(o => o.MunicipalityId == pm) : venues.Where(_ => false);
            var chosen = plan.Items.Where(i => i.VenueOrganizationId != null).Select(i => i.VenueOrganizationId!.Value).ToList();
            Venues = (await venues.Union(db.Organizations.Where(o => chosen.Contains(o.Id))).OrderBy(o => o.ShortName).Take(1500)
                .Select(o => new { o.Id, o.ShortName }).ToListAsync(ct)).Select(o => new Option(o.Id.ToString(), o.ShortName)).ToList();
            People = (a?.Members ?? []).Where(x => x.Status == MemberStatus.Active && x.PersonId != null).OrderBy(x => x.FullName)
                .Select(x => new Option(x.PersonId!.Value.ToString(), x.FullName + (x.Position is null ? "" : ", " + x.Position.ToLowerInvariant()))).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Edit is { } itemId && CanManage && Plan.Items.FirstOrDefault(i => i.Id == itemId) is { } item) Input = PlanItemInput.From(item);
        else Edit = null;
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan is null) return NotFound();
        var (bytes, name) = await documents.PlanAsync(plan, ct);
        return File(bytes, AssociationDocx.ContentType, name);
    }

    private async Task<IActionResult> ResultAsync(Guid id, Op op, string message, Guid? editing, CancellationToken ct)
    {
        if (op.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/Associations/Plans/{id}");
        }
        var input = Input;
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = input;
        Edit = editing;
        Error = op.Message;
        Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan is null) return NotFound();
        var (op, item) = await associations.AddItemAsync(plan, Input.ToNew(!string.IsNullOrWhiteSpace(Input.ResponsibleText)), ct);
        return await ResultAsync(id, op, $"Пункт {item?.Number} добавлен в план.", null, ct);
    }

    public async Task<IActionResult> OnPostUpdateItemAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return NotFound();
        var sameResponsible = item.Responsible.Select(r => r.PersonId).Order().SequenceEqual(Input.ResponsibleIds.Distinct().Order());
        var op = await associations.UpdateItemAsync(plan, item, Input.ToNew(sameResponsible || !string.Equals(Input.ResponsibleText, item.ResponsibleText, StringComparison.Ordinal)), ct);
        return await ResultAsync(id, op, $"Пункт {item.Number} изменён.", itemId, ct);
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return NotFound();
        var op = await associations.RemoveItemAsync(plan, item, ct);
        return await ResultAsync(id, op, "Пункт удалён, номера пунктов пересчитаны.", null, ct);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid itemId, PlanItemOutcome outcome, string? reason, DateOnly? date, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return NotFound();
        var op = await associations.SetOutcomeAsync(plan, item, outcome, reason, date, ct);
        return await ResultAsync(id, op, $"Пункт {item.Number}: {outcome.Title()}.", null, ct);
    }

    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, PlanStatus to, string? document, CancellationToken ct)
    {
        var plan = await associations.FindPlanAsync(id, ct);
        if (plan is null) return NotFound();
        var op = await associations.AdvancePlanAsync(plan, to, document, ct);
        var message = to switch
        {
            PlanStatus.Approved => "План утверждён.",
            PlanStatus.Published => "План опубликован на сайте методической службы.",
            _ => "План возвращён в черновик и снят с публикации.",
        };
        return await ResultAsync(id, op, message, null, ct);
    }
}
