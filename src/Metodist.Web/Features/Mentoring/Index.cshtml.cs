using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Mentoring;

/// <summary>The pairs and groups of the methodist's scope, with the share of young teachers who have a mentor.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, MentoringPairList list, YoungTeacherList young) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overloaded { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PairListPage Result { get; private set; } = new([], 0, 1, 50);
    public Dictionary<MentoringStatus, int> Counts { get; private set; } = [];
    public (int Total, int WithMentor) Coverage { get; private set; }
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];

    private PairFilter Filter => new()
    {
        Status = MentoringTitles.ParseStatus(Status), MunicipalityId = MunicipalityId, OrganizationId = OrganizationId, Form = MentoringTitles.ParseForm(Form),
        Search = Search, OverloadedOnly = Overloaded, Page = PageNumber,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        // Mentors and mentees without a methodist's role have their own page.
        if (!scope.IsMethodist) return Redirect("/Mentoring/My");
        Result = await list.PageAsync(Filter, ct);
        Counts = await list.CountsAsync(Filter, ct);
        Coverage = await young.CoverageAsync(new YoungTeacherFilter { MunicipalityId = MunicipalityId, OrganizationId = OrganizationId }, ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, scope, ct);
        Organizations = await ScopeOptions.OrganizationsAsync(db, scope, MunicipalityId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsMethodist) return Forbid();
        return File(await list.ExportAsync(Filter, ct), Xlsx.ContentType, $"Наставничество {young.Today:yyyy-MM-dd}.xlsx");
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Mentoring",
    [
        ("status", Status), ("municipalityId", MunicipalityId?.ToString()), ("organizationId", OrganizationId?.ToString()), ("form", Form),
        ("search", Search), ("overloaded", Overloaded ? "true" : null), ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
