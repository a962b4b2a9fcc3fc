using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Public.Events;

/// <summary>A published event on the public site, with registration for a signed-in teacher (a plain form: no script needed).</summary>
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, EventService events, CurrentUser user) : PageModel
{
    public MethodicalEvent Event { get; private set; } = null!;
    public string? Venue { get; private set; }
    public string? VenueAddress { get; private set; }
    public string? Organizer { get; private set; }
    public int Taken { get; private set; }
    public RegistrationStatus? Mine { get; private set; }
    public bool SignedIn { get; private set; }
    public bool HasPerson { get; private set; }
    public bool IsPast { get; private set; }
    public EventService Events => events;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Registrations).Include(x => x.VenueOrganization).Include(x => x.Association)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == EventStatus.Published, ct);
        if (e is null) return false;
        Event = e;
        Venue = e.VenueOrganization?.ShortName;
        VenueAddress = e.VenueOrganization?.Address;
        Organizer = e.Association?.Name;
        Taken = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered);
        IsPast = e.EndsAt < DateTime.UtcNow;
        SignedIn = user.IsAuthenticated;
        var scope = await user.ScopeAsync(ct);
        HasPerson = scope.PersonId is not null;
        Mine = scope.PersonId is { } me ? e.Registrations.FirstOrDefault(r => r.PersonId == me)?.Status : null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Redirect($"/Accounts/Login?returnUrl=/Public/Events/{id}");
        var e = await events.FindAsync(id, ct);
        if (e is null || e.Status != EventStatus.Published) return NotFound();
        var (op, result) = await events.RegisterAsync(e, null, ct);
        TempData["Message"] = op.Succeeded
            ? result!.Waitlisted ? $"Мест нет: вы в листе ожидания (№ {result.QueuePosition}). Освободится место — придёт уведомление." : "Вы записаны на мероприятие."
            : op.Message;
        return Redirect($"/Public/Events/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAuthenticated) return Redirect($"/Accounts/Login?returnUrl=/Public/Events/{id}");
        var e = await events.FindAsync(id, ct);
        var scope = await user.ScopeAsync(ct);
        if (e is null || scope.PersonId is not { } me) return NotFound();
        var op = await events.UnregisterAsync(e, me, ct);
        TempData["Message"] = op.Succeeded ? "Запись отменена." : op.Message;
        return Redirect($"/Public/Events/{id}");
    }
}
