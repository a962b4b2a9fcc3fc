using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

/// <summary>The region's methodical asset: members by status, their subjects, territory and load against the norm, and the asset's indicators.</summary>
public sealed class IndexModel(AppDbContext db, AssetService asset, AssetList list) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overloaded { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public MethodistPage Result { get; private set; } = new([], 0, 1, 50);
    public Dictionary<AssetStatus, int> Counts { get; private set; } = [];
    public AssetIndicators Indicators { get; private set; } = new(0, 0, 0, 0);
    public int RegionNorm { get; private set; }
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Subjects { get; private set; } = [];
    public UserScope Scope { get; private set; } = UserScope.Nobody;

    private MethodistFilter Filter => new()
    {
        Status = AssetTitles.ParseStatus(Status), MunicipalityId = MunicipalityId, SubjectId = SubjectId, Search = Search, OverloadedOnly = Overloaded,
        Page = PageNumber, PageSize = 50,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await asset.ScopeAsync(ct);
        if (!Scope.IsStaff) return Forbid();
        Result = await list.PageAsync(Filter, ct);
        Counts = await list.CountsAsync(Filter, ct);
        // The indicators speak for a territory: they are shown to the region centre and the methodists of municipalities and schools.
        if (Scope.IsMethodist) Indicators = await list.IndicatorsAsync(ct);
        RegionNorm = await asset.RegionNormAsync(ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, Scope, ct);
        Subjects = await SubjectOptionsAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsStaff) return Forbid();
        return File(await list.ExportAsync(Filter, ct), Xlsx.ContentType, $"Методический актив {asset.Today:yyyy-MM-dd}.xlsx");
    }

    internal static async Task<List<Option>> SubjectOptionsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return rows.Select(s => new Option(s.Id, s.Name)).ToList();
    }

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Asset",
    [
        ("status", Status), ("municipalityId", MunicipalityId?.ToString()), ("subjectId", SubjectId?.ToString()), ("search", Search),
        ("overloaded", Overloaded ? "true" : null), ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
