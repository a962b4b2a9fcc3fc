using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Consultations;

/// <summary>Downloads a file of a request or of its answer, for those who see the request (the asker and the service).</summary>
public sealed class FileModel(ConsultationDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var file = await desk.FileAsync(id, fileId, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
