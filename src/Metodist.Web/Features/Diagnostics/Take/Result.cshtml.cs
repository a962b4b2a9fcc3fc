using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Diagnostics.Take;

/// <summary>The teacher's own deficit profile from a test they have taken: the level per area and overall.</summary>
public sealed class ResultModel(CurrentUser currentUser, ResultAccess results) : PageModel
{
    public DeficitProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await currentUser.ScopeAsync(ct)).PersonId is not { } personId) return NotFound();
        var profile = (await results.HistoryAsync(personId, ct))?.FirstOrDefault(r => r.ResultId == id);
        if (profile is null) return NotFound();
        Profile = profile;
        return Page();
    }
}
