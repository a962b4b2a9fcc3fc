using System.Globalization;
using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Public.Events;

public sealed record PublicEventRow(Guid Id, string Title, EventKind Kind, DateTime Start, DateTime End, string? Venue, string? Organizer, bool Online, int? PlacesLeft);

/// <summary>The public calendar of published events by month: a grid of the month and the list under it, with no sign-in and no personal data.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, EventService events) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }

    public DateOnly First { get; private set; }
    public List<PublicEventRow> Rows { get; private set; } = [];
    public List<(Guid Id, string Name)> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = events.Today;
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        var from = events.ToUtc(First.ToDateTime(TimeOnly.MinValue));
        var to = events.ToUtc(First.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published && e.StartsAt < to && e.EndsAt >= from);
        if (MunicipalityId is { } mid) query = query.Where(e => e.MunicipalityId == mid);
        var rows = await query.OrderBy(e => e.StartsAt)
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.StartsAt, e.EndsAt, Venue = e.VenueOrganization!.ShortName, Organizer = e.Association!.Name, e.OnlineUrl, e.Capacity,
                Taken = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered),
            }).ToListAsync(ct);
        Rows = rows.Select(e => new PublicEventRow(e.Id, e.Title, e.Kind, events.LocalTime(e.StartsAt), events.LocalTime(e.EndsAt), e.Venue, e.Organizer,
            e.OnlineUrl is not null, e.Capacity is { } c ? Math.Max(0, c - e.Taken) : null)).ToList();
        var withEvents = db.Events.Where(e => e.Status == EventStatus.Published && e.MunicipalityId != null).Select(e => e.MunicipalityId!.Value).Distinct();
        Municipalities = (await db.Municipalities.AsNoTracking().Where(x => withEvents.Contains(x.Id)).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => (x.Id, x.Name)).ToList();
    }

    public string MonthLink(DateOnly month) =>
        $"/Public/Events?month={month:yyyy-MM}{(MunicipalityId is { } m ? $"&municipalityId={m}" : "")}";

    public static string MonthTitle(DateOnly month) =>
        $"{Associations.AssociationTitles.Months[month.Month - 1]} {month.Year}";
}
