using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Files;

/// <summary>Downloads a stored file in the browser (the certificate scan on a course card).</summary>
public sealed class DownloadModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await StoredFiles.FindVisibleAsync(db, await currentUser.ScopeAsync(ct), id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
