using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Public.Services;

/// <summary>The municipal methodological services of the region, each with its section of the public site.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicDirectory directory) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name, string? District, string? Service, int Associations)> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Services = await directory.ServicesAsync(ct);
}
