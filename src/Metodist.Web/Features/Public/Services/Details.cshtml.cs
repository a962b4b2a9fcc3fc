using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Public.Services;

/// <summary>The section of one municipal service: its published programme, its associations, coming events and documents.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PublicDirectory directory) : PageModel
{
    public Municipality Municipality { get; private set; } = null!;
    public Organization? Service { get; private set; }
    public Programme? Programme { get; private set; }
    public IReadOnlyList<PublicAssociation> Associations { get; private set; } = [];
    public IReadOnlyList<PublicEvent> Coming { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var m = await directory.MunicipalityAsync(id, ct);
        if (m is null) return NotFound();
        Municipality = m;
        Service = await directory.ServiceAsync(id, ct);
        Programme = await directory.PublishedProgrammeAsync(null, id, ct);
        Associations = await directory.AssociationsAsync(id, ct);
        Coming = await directory.ComingAsync(id, null, 10, ct);
        return Page();
    }
}
