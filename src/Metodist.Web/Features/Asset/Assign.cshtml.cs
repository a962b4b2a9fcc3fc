using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Asset;

/// <summary>
/// Bulk assignment: the unassigned teachers of a subject in a municipality (or in the whole territory of the methodists of
/// that subject) are distributed among the active methodists who serve them, least loaded first up to the norm; the page
/// shows the plan and its warnings before anything is saved.
/// </summary>
public sealed class AssignModel(AppDbContext db, AssetService asset) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public bool UpToNorm { get; set; }

    [TempData] public string? Error { get; set; }
    [TempData] public string? Warnings { get; set; }

    public BulkAssignment? Plan { get; private set; }
    public List<Option> Subjects { get; private set; } = [];
    public List<Option> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await asset.ScopeAsync(ct);
        if (!scope.IsRegionAdmin) return Forbid();
        Subjects = await IndexModel.SubjectOptionsAsync(db, ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, scope, ct);
        if (SubjectId is not { } subjectId) return Page();
        var (op, plan) = await asset.BulkAsync(subjectId, MunicipalityId, UpToNorm, apply: false, ct);
        if (!op.Succeeded) Error = op.Message;
        Plan = plan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SubjectId is not { } subjectId) return BadRequest();
        var (op, done) = await asset.BulkAsync(subjectId, MunicipalityId, UpToNorm, apply: true, ct);
        if (op.Status == AssetOpStatus.Forbidden) return Forbid();
        if (op.Succeeded)
        {
            TempData["Message"] = done!.Summary;
            if (done.Plan.Warnings.Count > 0) Warnings = string.Join("\n", done.Plan.Warnings);
        }
        else
        {
            Error = op.Message;
        }
        return Redirect(Link());
    }

    public string Link() => Links.To("/Asset/Assign",
        [("subjectId", SubjectId?.ToString()), ("municipalityId", MunicipalityId?.ToString()), ("upToNorm", UpToNorm ? "true" : null)]);
}
