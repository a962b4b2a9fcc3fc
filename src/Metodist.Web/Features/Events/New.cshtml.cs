using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Events;

/// <summary>The fields of the event form; times are the region's wall clock.</summary>
public sealed class EventInput
{
    public string? Title { get; set; }
    public EventKind Kind { get; set; } = EventKind.Seminar;
    public string? Description { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; } = new(15, 0);
    public TimeOnly? EndTime { get; set; } = new(17, 0);
    public Guid? VenueOrganizationId { get; set; }
    public string? VenueNote { get; set; }
    public string? OnlineUrl { get; set; }
    public Guid? AssociationId { get; set; }
    public Guid? PlanItemId { get; set; }
    public int? Capacity { get; set; }
    public string? Audience { get; set; }
    public decimal? Hours { get; set; }
    public List<Guid> AreaIds { get; set; } = [];
    public List<Guid> SubjectIds { get; set; } = [];
    public List<Guid> PositionIds { get; set; } = [];
}

/// <summary>Creates an event of an association (or of the user's service), from a plan item when one is given; saves it as a draft or publishes it.</summary>
public sealed class NewModel(AppDbContext db, EventService events, AssociationService associations, CourseCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)] public EventInput Input { get; set; } = new();

    public string? Error { get; private set; }
    public IReadOnlyList<Option> Associations { get; private set; } = [];
    public IReadOnlyList<Option> Items { get; private set; } = [];
    public IReadOnlyList<Option> Venues { get; private set; } = [];
    public IReadOnlyList<AreaRef> Areas { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Positions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? associationId, Guid? planItemId, CancellationToken ct)
    {
        Input.AssociationId ??= associationId;
        Input.PlanItemId ??= planItemId;
        if (Input.PlanItemId is { } itemId && await db.PlanItems.AsNoTracking().Include(i => i.Plan).FirstOrDefaultAsync(i => i.Id == itemId, ct) is { } item)
        {
            Input.AssociationId ??= item.Plan!.AssociationId;
            Input.Title ??= item.Title;
            Input.Kind = item.Kind ?? Input.Kind;
            Input.VenueOrganizationId ??= item.VenueOrganizationId;
            Input.Description ??= item.Content;
            if (item.Date is { } d) Input.Date ??= d;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool publish, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.Date is not { } date)
        {
            Error = "Укажите дату мероприятия.";
            return Page();
        }
        var start = Input.StartTime ?? new TimeOnly(15, 0);
        var end = Input.EndTime ?? start.AddHours(2);
        var input = new NewEvent(Input.Title, Input.Kind, events.ToUtc(date.ToDateTime(start)), events.ToUtc(date.ToDateTime(end)), Input.VenueOrganizationId,
            Input.Capacity, Input.AssociationId, Input.PlanItemId, Input.Description, Input.VenueNote, Input.OnlineUrl, Input.Audience, Input.Hours,
            AreaIds: Input.AreaIds, SubjectIds: Input.SubjectIds, PositionIds: Input.PositionIds);
        var (op, e) = await events.CreateAsync(input, publish, ct);
        if (!op.Succeeded)
        {
            Error = op.Message;
            Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = publish ? "Мероприятие опубликовано: оно в календаре на сайте, педагоги могут записываться." : "Мероприятие сохранено как черновик.";
        return Redirect($"/Events/{e!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var visible = await (await associations.VisibleAsync(ct)).AsNoTracking().Include(a => a.Members).Where(a => !a.IsArchived)
            .OrderBy(a => a.Name).Take(500).ToListAsync(ct);
        var managed = new List<Association>();
        foreach (var a in visible)
            if (await associations.CanManageAsync(a, ct)) managed.Add(a);
        Associations = managed.Select(a => new Option(a.Id.ToString(), a.Name)).ToList();
        if (Input.AssociationId is { } aid)
        {
            var year = AcademicYear.Of(events.Today).ToString();
            Items = (await db.PlanItems.AsNoTracking().Where(i => i.Plan!.AssociationId == aid).OrderByDescending(i => i.Plan!.AcademicYear).ThenBy(i => i.Plan!.Kind).ThenBy(i => i.Number)
                .Select(i => new { i.Id, i.Plan!.AcademicYear, i.Number, i.Title }).Take(300).ToListAsync(ct))
                .Select(i => new Option(i.Id.ToString(), $"{i.AcademicYear}, п. {i.Number}. {i.Title}")).ToList();
        }
        var association = managed.FirstOrDefault(a => a.Id == Input.AssociationId);
        var scope = await associations.ScopeAsync(ct);
        var venues = db.Organizations.AsNoTracking();
        venues = association?.MunicipalityId is { } m ? venues.Where(o => o.MunicipalityId == m)
            : scope.MunicipalityIds.Length > 0 ? venues.Where(o => scope.MunicipalityIds.Contains(o.MunicipalityId))
            : association is not null ? venues.Where(o => o.Municipality!.RegionId == association.RegionId)
            : venues.Where(o => o.Kind == Registry.OrganizationKind.MunicipalService || o.Kind == Registry.OrganizationKind.RegionalCentre);
        Venues = (await venues.OrderBy(o => o.ShortName).Take(1500).Select(o => new { o.Id, o.ShortName }).ToListAsync(ct)).Select(o => new Option(o.Id.ToString(), o.ShortName)).ToList();
        Areas = await catalogue.AreasAsync(ct);
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        Positions = (await db.Positions.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
    }
}
