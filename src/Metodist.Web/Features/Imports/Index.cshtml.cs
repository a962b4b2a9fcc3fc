using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Imports;

[RequestSizeLimit(ImportJobs.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportJobs.MaxRequestBytes)]
public sealed class IndexModel(ImportJobs jobs, CurrentUser currentUser, AppDbContext db) : PageModel
{
    public IReadOnlyList<ImportJobView> Recent { get; private set; } = [];

    /// <summary>The kinds this user may import (the course catalogue only for the region administrator).</summary>
    public IReadOnlyList<ImportKindInfo> Kinds { get; private set; } = [];

    /// <summary>The competence areas a results file names in its headings.</summary>
    public IReadOnlyList<AreaHeading> Areas { get; private set; } = [];

    [BindProperty]
    public string Kind { get; set; } = "teachers";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Error { get; private set; }

    public bool Offers(ImportKind kind) => Kinds.Any(k => k.Kind == kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanImport) return Forbid();
        if (Request.Query.TryGetValue("kind", out var kind) && ImportJobs.ParseKind(kind) is not null) Kind = kind.ToString();
        await LoadAsync(scope, ct);
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
            await LoadAsync(scope, ct);
            return Page();
        }
        return RedirectToPage("/Imports/Job", new { id = job.Id });
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Kinds = ImportJobs.AllowedKinds(scope);
        Areas = await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder)
            .Select(a => new AreaHeading(a.Id, a.Code, a.Name)).ToListAsync(ct);
        Recent = await jobs.RecentAsync(scope, 20, ct);
    }
}
