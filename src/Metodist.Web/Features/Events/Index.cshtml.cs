using System.Globalization;
using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Events;

/// <summary>One line of the list of events.</summary>
public sealed record EventRow(
    Guid Id, string Title, EventKind Kind, DateTime StartsAt, DateTime EndsAt, EventStatus Status, string? Organizer, string? Venue, bool Online,
    int? Capacity, int Registered, int Waitlisted, int Attended, bool Mine);

/// <summary>The events the user sees: search, filters by dates, kind, state and «мои», pages and XLSX.</summary>
public sealed class IndexModel(EventService events, AssociationService associations) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public EventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public EventStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<EventRow> Result { get; private set; } = new([], 0, 1, PageSize);
    public bool CanCreate { get; private set; }

    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    public string Link(int? page = null, string? handler = null)
    {
        var q = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) q.Add(key, value);
        }
        Add("handler", handler);
        Add("search", Search?.Trim());
        Add("kind", Kind?.ToString());
        Add("status", Status?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("mine", Mine ? "true" : null);
        Add("past", Past ? "true" : null);
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return "/Events" + q.ToQueryString();
    }

    private async Task<IQueryable<MethodicalEvent>> QueryAsync(CancellationToken ct)
    {
        var query = (await events.VisibleAsync(ct)).AsNoTracking();
        if (Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (Status is { } status) query = query.Where(e => e.Status == status);
        if (From is { } from)
        {
            var start = events.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.EndsAt >= start);
        }
        else if (!Past && To is null)
        {
            var today = events.ToUtc(events.Today.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.EndsAt >= today);
        }
        if (To is { } to)
        {
            var end = events.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.StartsAt < end);
        }
        var scope = await associations.ScopeAsync(ct);
        if (Mine && scope.PersonId is { } me)
            query = query.Where(e => e.Registrations.Any(r => r.PersonId == me && r.Status != RegistrationStatus.Cancelled) || e.Responsible.Any(r => r.PersonId == me));
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = "%" + search.Replace("%", "").Replace("_", "").ToLowerInvariant() + "%";
            query = query.Where(e => EF.Functions.Like(e.Title.ToLower(), pattern));
        }
        return query;
    }

    private async Task<IQueryable<EventRow>> RowsAsync(IQueryable<MethodicalEvent> query, CancellationToken ct)
    {
        var me = (await associations.ScopeAsync(ct)).PersonId;
        var ordered = Past && From is null ? query.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id) : query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        return ordered.Select(e => new EventRow(
            e.Id, e.Title, e.Kind, e.StartsAt, e.EndsAt, e.Status, e.Association != null ? e.Association.Name : null,
            e.VenueOrganization != null ? e.VenueOrganization.ShortName : e.VenueNote, e.OnlineUrl != null, e.Capacity,
            e.Registrations.Count(r => r.Status == RegistrationStatus.Registered), e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
            e.Registrations.Count(r => r.Attended), me != null && e.Registrations.Any(r => r.PersonId == me && r.Status != RegistrationStatus.Cancelled)));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        CanCreate = scope.IsRegionAdmin || scope.Has(Accounts.AppRole.MunicipalMethodist) || scope.Has(Accounts.AppRole.AssociationLead)
            || (scope.PersonId is { } me && await (await associations.VisibleAsync(ct)).AnyAsync(a => a.LeaderPersonId == me, ct));
        var query = await QueryAsync(ct);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await (await RowsAsync(query, ct)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Result = new Page<EventRow>(items, total, page, PageSize);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await (await RowsAsync(await QueryAsync(ct), ct)).ToListAsync(ct);
        var bytes = Xlsx.Write("Мероприятия",
        [
            new XlsxColumn<EventRow>("Мероприятие", 60, r => r.Title),
            new("Форма", 20, r => r.Kind.Title()),
            new("Начало", 18, r => Local(r.StartsAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)),
            new("Окончание", 18, r => Local(r.EndsAt).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)),
            new("Состояние", 14, r => r.Status.Title()),
            new("Организатор", 40, r => r.Organizer),
            new("Место", 30, r => r.Venue ?? (r.Online ? "онлайн" : null)),
            new("Мест", 8, r => r.Capacity),
            new("Записано", 10, r => r.Registered),
            new("В листе ожидания", 10, r => r.Waitlisted),
            new("Присутствовали", 10, r => r.Attended),
        ], rows);
        return File(bytes, Xlsx.ContentType, $"Мероприятия {events.Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.xlsx");
    }
}
