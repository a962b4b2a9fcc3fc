using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The fields of the protocol form; five assignment rows are offered so the form works without scripts.</summary>
public sealed class ProtocolInput
{
    public const int AssignmentRows = 5;

    public int? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }
    public string? Agenda { get; set; }
    public string? Heard { get; set; }
    public string? Decided { get; set; }
    public int Guests { get; set; }
    public Guid? EventId { get; set; }
    public List<Guid> Present { get; set; } = [];
    public List<AssignmentInput> Assignments { get; set; } = [];
}

public sealed class AssignmentInput
{
    /// <summary>The assignment being edited; empty on a new row.</summary>
    public Guid? Id { get; set; }

    public string? Text { get; set; }
    public Guid? ResponsiblePersonId { get; set; }
    public DateOnly? Deadline { get; set; }

    /// <summary>Shown, not posted: the number of an existing assignment and the name of its responsible person.</summary>
    public int? Number { get; set; }

    public string? ResponsibleName { get; set; }
}

/// <summary>What the protocol form shows: the fields, the people who can be ticked present, those who can be made responsible.</summary>
public sealed record ProtocolForm(
    ProtocolInput Input, IReadOnlyList<(Guid MemberId, string FullName, string? Note)> People, IReadOnlyList<(Guid PersonId, string FullName)> Responsible,
    IReadOnlyDictionary<Guid, ProtocolAssignment> Closed, string? Error, string Submit, string CancelHref);

/// <summary>A new protocol of a meeting: attendees ticked among the members (from the event's attendance when it was held as one).</summary>
public sealed class ProtocolNewModel(AppDbContext db, AssociationService associations, ProtocolService protocols, EventService events) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProtocolInput Input { get; set; } = new();

    public Association Association { get; private set; } = null!;
    public IReadOnlyList<AssociationMember> Members { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title, DateTime StartsAt)> Meetings { get; private set; } = [];
    public string? Error { get; private set; }

    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    public ProtocolForm Form => new(Input, Members.Select(m => (m.Id, m.FullName, m.OrganizationName)).ToList(),
        Members.Where(m => m.PersonId is not null).Select(m => (m.PersonId!.Value, m.FullName)).ToList(),
        new Dictionary<Guid, ProtocolAssignment>(), Error, "Сохранить протокол", $"/Associations/{Association.Id}");

    private async Task<bool> LoadAsync(Guid associationId, CancellationToken ct)
    {
        var a = await associations.FindAsync(associationId, ct);
        if (a is null || !await associations.CanManageAsync(a, ct)) return false;
        Association = a;
        Members = a.Members.Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.SortOrder).ToList();
        var now = DateTime.UtcNow;
        Meetings = (await db.Events.AsNoTracking().Where(e => e.AssociationId == associationId && e.Status == EventStatus.Published && e.StartsAt <= now)
                .OrderByDescending(e => e.StartsAt).Take(50).Select(e => new { e.Id, e.Title, e.StartsAt }).ToListAsync(ct))
            .Select(e => (e.Id, e.Title, e.StartsAt)).ToList();
        while (Input.Assignments.Count < ProtocolInput.AssignmentRows) Input.Assignments.Add(new AssignmentInput());
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid associationId, CancellationToken ct)
    {
        if (!await LoadAsync(associationId, ct)) return NotFound();
        Input.Number ??= await protocols.NextNumberAsync(associationId, ct);
        Input.Date ??= associations.Today;
        Input.Venue ??= Association.BaseOrganization?.ShortName;
        Input.Chair ??= Association.Leader?.ShortName;
        Input.Secretary ??= Members.FirstOrDefault(m => m.Role == MemberRole.Secretary)?.FullName;
        if (Input.EventId is { } eventId && Meetings.Any(m => m.Id == eventId) && Input.Present.Count == 0)
        {
            // Those who attended the meeting held as an event are ticked as present.
            var attended = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.Attended).Select(r => r.PersonId).ToListAsync(ct);
            Input.Present = Members.Where(m => m.PersonId is { } p && attended.Contains(p)).Select(m => m.Id).ToList();
            Input.Date = events.LocalDay(Meetings.First(m => m.Id == eventId).StartsAt);
            Input.Agenda ??= Meetings.First(m => m.Id == eventId).Title;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid associationId, CancellationToken ct)
    {
        if (!await LoadAsync(associationId, ct)) return NotFound();
        var input = new NewProtocol(Input.Number, Input.Date, Input.Venue, Input.Chair, Input.Secretary, Input.Agenda, Input.Heard, Input.Decided, Input.Guests,
            Input.EventId, Input.Present, Input.Assignments.Select(x => new NewAssignment(x.Text, x.ResponsiblePersonId, null, x.Deadline)).ToList());
        var (op, protocol) = await protocols.CreateAsync(Association, input, ct);
        if (!op.Succeeded)
        {
            Error = op.Message;
            Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = $"Протокол № {protocol!.Number} сохранён.";
        return Redirect($"/Associations/Protocols/{protocol.Id}");
    }
}
