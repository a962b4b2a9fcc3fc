using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Routes;

public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, RouteList list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public DeficitLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Agreed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public RouteListPage Result { get; private set; } = new([], 0, 1, 50);
    public Dictionary<RouteStatus, int> Counts { get; private set; } = [];
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];
    public UserScope Scope { get; private set; } = UserScope.Nobody;

    private RouteFilter Filter(UserScope scope) => new()
    {
        Status = RouteTitles.ParseStatus(Status), MunicipalityId = MunicipalityId, OrganizationId = OrganizationId, Level = Level, Agreed = Agreed,
        Search = Search, TutorId = Mine ? scope.PersonId : null, Page = PageNumber, PageSize = 50,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await currentUser.ScopeAsync(ct);
        // A teacher without other roles has only their own routes: the list is their «Мой маршрут».
        if (!Scope.IsStaff) return Redirect("/Routes/My");
        Result = await list.PageAsync(Filter(Scope), ct);
        Counts = await list.CountsAsync(Filter(Scope), ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, Scope, ct);
        Organizations = await ScopeOptions.OrganizationsAsync(db, Scope, MunicipalityId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var content = await list.ExportAsync(Filter(scope), ct);
        return File(content, Xlsx.ContentType, $"ИОМ {DateTime.Now:yyyy-MM-dd}.xlsx");
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Routes",
    [
        ("status", Status), ("municipalityId", MunicipalityId?.ToString()), ("organizationId", OrganizationId?.ToString()),
        ("level", Level?.ToString()), ("agreed", Agreed?.ToString().ToLowerInvariant()), ("search", Search), ("mine", Mine ? "true" : null),
        ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
