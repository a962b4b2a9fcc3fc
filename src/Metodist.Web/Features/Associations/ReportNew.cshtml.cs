using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Associations;

/// <summary>Starts the report of one of the periods the association's report dates cut the academic year into.</summary>
public sealed class ReportNewModel(AssociationService associations, ReportService reports) : PageModel
{
    public Association Association { get; private set; } = null!;
    public AcademicYear Year { get; private set; }
    public IReadOnlyList<(DateOnly Start, DateOnly DueOn, Guid? ReportId)> Periods { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public string? AcademicYear { get; set; }

    private async Task<bool> LoadAsync(Guid associationId, CancellationToken ct)
    {
        var a = await associations.FindAsync(associationId, ct);
        if (a is null || !await associations.CanManageAsync(a, ct)) return false;
        Association = a;
        Year = Associations.AcademicYear.Parse(AcademicYear) ?? Associations.AcademicYear.Of(associations.Today);
        Periods = await reports.PeriodsAsync(a, Year, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid associationId, CancellationToken ct) => await LoadAsync(associationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid associationId, DateOnly dueOn, CancellationToken ct)
    {
        if (!await LoadAsync(associationId, ct)) return NotFound();
        var (op, report) = await reports.CreateAsync(Association, Year, dueOn, ct);
        if (op.Succeeded)
        {
            TempData["Message"] = "Отчёт собран из данных: дополните его итогами, проблемами и предложениями.";
            return Redirect($"/Associations/Reports/{report!.Id}");
        }
        Error = op.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
