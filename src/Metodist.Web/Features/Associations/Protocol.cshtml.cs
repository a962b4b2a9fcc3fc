using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>A protocol as it reads, its assignments with closing for managers, and its DOCX.</summary>
public sealed class ProtocolModel(ProtocolService protocols, AssociationService associations) : PageModel
{
    public Protocol Protocol { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => associations.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var p = await protocols.FindAsync(id, ct);
        if (p is null) return NotFound();
        Protocol = p;
        CanManage = await associations.CanManageAsync(p.Association!, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        var p = await protocols.FindAsync(id, ct);
        if (p is null) return NotFound();
        var a = p.Association!;
        var bytes = RecordDocx.Protocol(p, a.Name, a.BaseOrganization?.FullName ?? a.Organization?.FullName);
        return File(bytes, RecordDocx.ContentType, $"Протокол № {p.Number} от {p.Date:dd.MM.yyyy}.docx");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid assignmentId, DateOnly? doneOn, string? note, CancellationToken ct)
    {
        var p = await protocols.FindAsync(id, ct);
        if (p is null) return NotFound();
        var op = await protocols.CloseAssignmentAsync(p, assignmentId, doneOn, note, ct);
        if (op.Succeeded)
        {
            TempData["Message"] = "Поручение отмечено выполненным.";
            return Redirect($"/Associations/Protocols/{id}");
        }
        Protocol = p;
        CanManage = await associations.CanManageAsync(p.Association!, ct);
        Error = op.Message;
        Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }
}
