using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Public;

/// <summary>What the public site serves without sign-in besides its pages: the iCalendar feed of published events.</summary>
public static class PublicEndpoints
{
    public static void MapPublicEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/public/events.ics", FeedAsync).AllowAnonymous().WithTags("Открытый сайт")
            .WithSummary("Календарь опубликованных мероприятий (iCalendar); municipalityId, associationId сужают его");
    }

    private static async Task<IResult> FeedAsync(HttpContext http, AppDbContext db, TimeProvider clock, Guid? municipalityId, Guid? associationId, CancellationToken ct)
    {
        var since = DateTime.UtcNow.AddDays(-180);
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published && e.EndsAt >= since);
        if (municipalityId is { } m) query = query.Where(e => e.MunicipalityId == m);
        if (associationId is { } a) query = query.Where(e => e.AssociationId == a);
        var rows = await query.OrderBy(e => e.StartsAt).Take(2000)
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.StartsAt, e.EndsAt, e.UpdatedAt, e.VenueNote, e.OnlineUrl, Venue = e.VenueOrganization!.ShortName,
                Address = e.VenueOrganization.Address, Association = e.Association!.Name,
            }).ToListAsync(ct);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var entries = rows.Select(e => new CalendarEntry(e.Id, e.Title, e.StartsAt, e.EndsAt,
            string.Join(", ", new[] { e.Venue, e.Address, e.VenueNote, e.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x))),
            string.Join("\n", new[] { e.Kind.Title(), e.Association is null ? null : $"Организатор: {e.Association}" }.Where(x => x is not null)),
            $"{origin}/Public/Events/{e.Id}", e.UpdatedAt));
        var text = ICalendar.Build("Методические мероприятия", entries, clock.GetUtcNow().UtcDateTime);
        return Results.Text(text, ICalendar.ContentType);
    }
}
