using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Mentoring;

/// <summary>Young teachers in scope: who has a mentor, their route and adaptation, with «Подобрать наставника» for those without one.</summary>
public sealed class YoungModel(AppDbContext db, CurrentUser currentUser, YoungTeacherList list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public bool? HasMentor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Adaptation { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public YoungTeacherPage Result { get; private set; } = new([], 0, 1, 50);
    public (int Total, int WithMentor) Coverage { get; private set; }
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];
    public bool CanAssign { get; private set; }
    public DateOnly Today => list.Today;

    public static AdaptationState? ParseAdaptation(string? code) =>
        Enum.GetValues<AdaptationState>().Cast<AdaptationState?>().FirstOrDefault(s => string.Equals(s!.Value.Code(), code, StringComparison.OrdinalIgnoreCase));

    private YoungTeacherFilter Filter => new()
    {
        Search = Search, MunicipalityId = MunicipalityId, OrganizationId = OrganizationId, HasMentor = HasMentor, Adaptation = ParseAdaptation(Adaptation),
        Page = PageNumber,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsStaff) return Forbid();
        CanAssign = scope.IsMethodist;
        Result = await list.PageAsync(Filter, ct);
        Coverage = await list.CoverageAsync(Filter, ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, scope, ct);
        Organizations = await ScopeOptions.OrganizationsAsync(db, scope, MunicipalityId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsStaff) return Forbid();
        return File(await list.ExportAsync(Filter, ct), Xlsx.ContentType, $"Молодые педагоги {list.Today:yyyy-MM-dd}.xlsx");
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Mentoring/Young",
    [
        ("search", Search), ("municipalityId", MunicipalityId?.ToString()), ("organizationId", OrganizationId?.ToString()),
        ("hasMentor", HasMentor?.ToString().ToLowerInvariant()), ("adaptation", Adaptation), ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
