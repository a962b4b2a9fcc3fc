using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Imports;

public sealed class JobModel(ImportJobs jobs, CurrentUser currentUser) : PageModel
{
    public ImportJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanImport) return Forbid();
        var job = await jobs.FindAsync(scope, id, ct);
        if (job is null) return NotFound();
        Job = job;
        return Page();
    }

    /// <summary>Starts the real import of a checked file: all of it, or only its valid rows.</summary>
    public async Task<IActionResult> OnPostImportAsync(Guid id, bool validOnly, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.CanImport) return Forbid();
        var source = await jobs.FindAsync(scope, id, ct);
        if (source is null) return NotFound();
        if (!source.DryRun || source.Status != "succeeded")
        {
            TempData["Message"] = "Загрузить можно только файл, проверка которого завершилась.";
            return RedirectToPage("/Imports/Job", new { id });
        }
        if (!validOnly && source.BadRows > 0)
        {
            TempData["Message"] = "В файле есть строки с ошибками: исправьте файл или загрузите только строки без ошибок.";
            return RedirectToPage("/Imports/Job", new { id });
        }
        var job = await jobs.ImportCheckedAsync(scope, currentUser.UserName, id, validOnly, ct);
        if (job is null) return NotFound();
        return RedirectToPage("/Imports/Job", new { id = job.Id });
    }
}
