using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Imports;

[RequestSizeLimit(ImportJobs.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportJobs.MaxRequestBytes)]
public sealed class IndexModel(ImportJobs jobs, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<ImportJobView> Recent { get; private set; } = [];

    [BindProperty]
    public string Kind { get; set; } = "teachers";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanImport) return Forbid();
        Recent = await jobs.RecentAsync(scope, 20, ct);
        return Page();
    }

    /// <summary>Stores the file and queues a check of it; the real import starts from the check's page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanImport) return Forbid();
        var kind = ImportJobs.ParseKind(Kind) ?? ImportKind.Teachers;
        var (job, error) = await jobs.CreateAsync(scope, currentUser.UserName, kind, Upload, dryRun: true, validOnly: false, ct);
        if (job is null)
        {
            Error = error;
            Recent = await jobs.RecentAsync(scope, 20, ct);
            return Page();
        }
        return RedirectToPage("/Imports/Job", new { id = job.Id });
    }
}
