using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.CampaignPages;

/// <summary>Assigns a diagnostic to a cohort inside the methodist's scope, with a start date and a deadline.</summary>
public sealed class CreateModel(AppDbContext db, CurrentUser currentUser, Campaigns campaigns) : PageModel
{
    [BindProperty] public CampaignForm Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<Option> Diagnostics { get; private set; } = [];
    public IReadOnlyList<Option> Regions { get; private set; } = [];
    public IReadOnlyList<Option> Districts { get; private set; } = [];
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public IReadOnlyList<Option> Organizations { get; private set; } = [];
    public IReadOnlyList<Option> Positions { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(Guid? diagnosticId, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        var today = campaigns.Today;
        Input = new CampaignForm { DiagnosticId = diagnosticId, StartsOn = today, Deadline = today.AddMonths(1) };
        if (!scope.IsRegionAdmin && scope.MunicipalityIds.Length == 1) Input.MunicipalityId = scope.MunicipalityIds[0];
        if (!scope.IsRegionAdmin && scope.MunicipalityIds.Length == 0 && scope.OrganizationIds.Length == 1) Input.OrganizationId = scope.OrganizationIds[0];
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        var (campaign, errors) = await campaigns.CreateAsync(scope, Input, currentUser.UserName, ct);
        if (campaign is not null)
        {
            TempData["Message"] = "Кампания создана: педагоги когорты увидят её в разделе «Пройти диагностику».";
            return Redirect($"/Diagnostics/Campaigns/Details/{campaign.Id}");
        }
        Errors = errors;
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        var diagnostics = await db.Diagnostics.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.Title).Select(d => new { d.Id, d.Title }).ToListAsync(ct);
        Diagnostics = diagnostics.Select(d => new Option(d.Id, d.Title)).ToList();
        var regionIds = scope.RegionIds;
        if (regionIds.Length > 1)
            Regions = (await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                .Select(r => new Option(r.Id, r.Name)).ToList();
        Districts = (await db.Districts.AsNoTracking().Where(d => regionIds.Contains(d.RegionId)).OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => new Option(d.Id, d.Name)).ToList();
        var municipalityIds = scope.MunicipalityIds;
        Municipalities = (await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            .Select(m => new Option(m.Id, m.Name)).ToList();
        var organizationIds = scope.OrganizationIds;
        Organizations = (await db.Organizations.AsNoTracking()
                .Where(o => municipalityIds.Contains(o.MunicipalityId) || organizationIds.Contains(o.Id))
                .OrderBy(o => o.Municipality!.Name).ThenBy(o => o.ShortName).Select(o => new { o.Id, Name = o.Municipality!.Name + " — " + o.ShortName }).ToListAsync(ct))
            .Select(o => new Option(o.Id, o.Name)).ToList();
        Positions = (await db.Positions.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => new Option(p.Id, p.Name)).ToList();
        Subjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => new Option(s.Id, s.Name)).ToList();
    }
}
