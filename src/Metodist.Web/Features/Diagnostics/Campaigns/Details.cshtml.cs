using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.CampaignPages;

/// <summary>
/// Who of a campaign's cohort has and has not taken the diagnostic. Names only of those whose private records the viewer
/// may open; everyone else is in the counts.
/// </summary>
public sealed class DetailsModel(CurrentUser currentUser, Campaigns campaigns) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public bool Taken { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DiagnosticCampaign Campaign { get; private set; } = null!;
    public string Cohort { get; private set; } = "";
    public CampaignProgress Progress { get; private set; } = new(0, 0, 0, 0);
    public Page<CampaignPerson> People { get; private set; } = new([], 0, 1, PageSize);
    public DateOnly Today => campaigns.Today;

    public CampaignStatus Status => Campaigns.Status(Campaign.StartsOn, Campaign.Deadline, Today, Progress.CohortCount, Progress.TakenCount);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        var campaign = await campaigns.FindAsync(scope, id, ct);
        if (campaign is null) return NotFound();
        Campaign = campaign;
        Cohort = (await campaigns.DescribeAsync([campaign], ct))[campaign.Id];
        Progress = await campaigns.ProgressAsync(campaign, scope, ct);
        var total = Taken ? Progress.VisibleTakenCount : Progress.VisibleCohortCount - Progress.VisibleTakenCount;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pageCount);
        var items = await campaigns.People(campaign, scope, Taken, many: total > Campaigns.ManyPeople).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        People = new Page<CampaignPerson>(items, total, PageNumber, PageSize);
        return Page();
    }
}
