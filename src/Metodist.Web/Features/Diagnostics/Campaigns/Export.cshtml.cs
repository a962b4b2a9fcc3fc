using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.CampaignPages;

/// <summary>The teachers of the viewer's scope who have not yet taken the campaign's diagnostic, as an XLSX sheet.</summary>
public sealed class ExportModel(CurrentUser currentUser, Campaigns campaigns) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        var campaign = await campaigns.FindAsync(scope, id, ct);
        if (campaign is null) return NotFound();
        var people = await campaigns.People(campaign, scope, taken: false).ToListAsync(ct);
        XlsxColumn<CampaignPerson>[] columns =
        [
            new("ФИО", 36, p => p.FullName),
            new("Организация", 36, p => p.Organization),
            new("Муниципалитет", 24, p => p.Municipality),
            new("Должность", 24, p => p.Position),
        ];
        return File(Xlsx.Write("Не прошли", columns, people), Xlsx.ContentType, $"не_прошли_диагностику_{campaigns.Today:yyyy-MM-dd}.xlsx");
    }
}
