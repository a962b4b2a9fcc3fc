using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>Correcting a saved protocol: the same form as a new one, the people present chosen among those listed at the meeting.</summary>
public sealed class ProtocolEditModel(ProtocolService protocols, AssociationService associations) : PageModel
{
    [BindProperty] public ProtocolInput Input { get; set; } = new();

    public Protocol Protocol { get; private set; } = null!;
    public string? Error { get; private set; }

    public ProtocolForm Form
    {
        get
        {
            var a = Protocol.Association!;
            var members = a.Members.Where(m => m.Status == MemberStatus.Active && m.PersonId is not null).OrderBy(m => m.SortOrder)
                .Select(m => (m.PersonId!.Value, m.FullName)).ToList();
            var organizations = a.Members.ToDictionary(m => m.Id, m => m.OrganizationName);
            var people = Protocol.Attendees.Select(x => (x.MemberId, x.FullName, organizations.GetValueOrDefault(x.MemberId))).ToList();
            var closed = Protocol.Assignments.Where(x => x.DoneOn is not null).ToDictionary(x => x.Id);
            return new ProtocolForm(Input, people, members, closed, Error, "Сохранить изменения", $"/Associations/Protocols/{Protocol.Id}");
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await protocols.FindAsync(id, ct);
        if (p is null || !await associations.CanManageAsync(p.Association!, ct)) return false;
        Protocol = p;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var p = Protocol;
        Input = new ProtocolInput
        {
            Number = p.Number, Date = p.Date, Venue = p.Venue, Chair = p.Chair, Secretary = p.Secretary, Agenda = p.Agenda, Heard = p.Heard,
            Decided = p.Decided, Guests = p.Guests, EventId = p.EventId, Present = p.Attendees.Where(x => x.Present).Select(x => x.MemberId).ToList(),
            Assignments = p.Assignments.Where(x => x.DoneOn is null).OrderBy(x => x.Number)
                .Select(x => new AssignmentInput { Id = x.Id, Text = x.Text, ResponsiblePersonId = x.ResponsiblePersonId, Deadline = x.Deadline }).ToList(),
        };
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var input = new NewProtocol(Input.Number, Input.Date, Input.Venue, Input.Chair, Input.Secretary, Input.Agenda, Input.Heard, Input.Decided, Input.Guests,
            Input.EventId, Input.Present, Input.Assignments.Select(x => new NewAssignment(x.Text, x.ResponsiblePersonId, null, x.Deadline, x.Id)).ToList());
        var op = await protocols.UpdateAsync(Protocol, input, ct);
        if (!op.Succeeded)
        {
            // The protocol is read again, so the form shows what is saved around the rejected input.
            if (!await LoadAsync(id, ct)) return NotFound();
            Error = op.Message;
            Fill();
            Response.StatusCode = op.Status switch
            {
                OpStatus.Forbidden => StatusCodes.Status403Forbidden,
                OpStatus.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return Page();
        }
        TempData["Message"] = $"Протокол № {Protocol.Number} исправлен.";
        return Redirect($"/Associations/Protocols/{id}");
    }

    /// <summary>Numbers and responsible names of the existing rows, and empty rows for new assignments.</summary>
    private void Fill()
    {
        var saved = Protocol.Assignments.ToDictionary(x => x.Id);
        Input.Assignments.RemoveAll(x => x.Id is { } rid && (!saved.TryGetValue(rid, out var s) || s.DoneOn is not null));
        foreach (var x in Input.Assignments)
            if (x.Id is { } rid && saved.TryGetValue(rid, out var s)) { x.Number = s.Number; x.ResponsibleName = s.ResponsibleText; }
        var empty = Input.Assignments.Count(x => x.Id is null);
        for (var i = empty; i < 3; i++) Input.Assignments.Add(new AssignmentInput());
    }
}
