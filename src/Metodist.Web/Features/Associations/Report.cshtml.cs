using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>A report: the figures of the period computed from the data, the leader's text while it is a draft, submission and DOCX.</summary>
public sealed class ReportModel(ReportService reports, AssociationService associations) : PageModel
{
    public AssociationReport Report { get; private set; } = null!;
    public ReportBody Body { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var r = await reports.FindAsync(id, ct);
        if (r is null) return false;
        Report = r;
        Body = await reports.BodyAsync(r, ct);
        CanEdit = r.Status == ReportStatus.Draft && await associations.CanManageAsync(r.Association!, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return File(RecordDocx.Report(Report, Report.Association!.Name, Body), RecordDocx.ContentType, $"{Report.Title}.docx");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? summary, string? problems, string? proposals, bool submit, CancellationToken ct)
    {
        var r = await reports.FindAsync(id, ct);
        if (r is null) return NotFound();
        var op = await reports.SaveTextAsync(r, summary, problems, proposals, submit, ct);
        if (op.Succeeded)
        {
            TempData["Message"] = submit ? "Отчёт сдан." : "Текст отчёта сохранён.";
            return Redirect($"/Associations/Reports/{id}");
        }
        await LoadAsync(id, ct);
        Report.Summary = summary;
        Report.Problems = problems;
        Report.Proposals = proposals;
        Error = op.Message;
        Response.StatusCode = op.Status switch
        {
            OpStatus.Forbidden => StatusCodes.Status403Forbidden,
            OpStatus.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
