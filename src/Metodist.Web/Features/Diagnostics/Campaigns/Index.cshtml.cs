using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

// Not «…Diagnostics.Campaigns»: that name belongs to the campaigns service.
namespace Metodist.Web.Features.Diagnostics.CampaignPages;

/// <summary>The campaigns a methodist follows, with progress over each whole cohort. Teachers find theirs on the test page.</summary>
public sealed class IndexModel(CurrentUser currentUser, Campaigns campaigns) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<CampaignRow> Result { get; private set; } = new([], 0, 1, 20);
    public DateOnly Today => campaigns.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Redirect("/Diagnostics/My");
        Result = await campaigns.PageAsync(scope, PageNumber, 20, ct);
        return Page();
    }
}
