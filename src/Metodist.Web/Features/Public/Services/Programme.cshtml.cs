using Metodist.Web.Features.Associations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Public.Services;

/// <summary>A published programme of a municipal service on the public site, with its DOCX.</summary>
[AllowAnonymous]
public sealed class ProgrammeModel(PublicDirectory directory) : PageModel
{
    public Programme Programme { get; private set; } = null!;
    public string Owner { get; private set; } = "";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await directory.PublishedProgrammeAsync(id, ct);
        if (p is null) return false;
        Programme = p;
        Owner = p.AssociationId is { } aid ? (await directory.AssociationAsync(aid, ct))?.Name ?? ""
            : p.MunicipalityId is { } m ? (await directory.ServiceAsync(m, ct))?.ShortName ?? "" : "";
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? File(RecordDocx.Programme(Programme, Owner), RecordDocx.ContentType, "Программа деятельности.docx") : NotFound();
}
