using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Organizations;

public sealed record OrganizationRow(Guid Id, string ShortName, string FullName, OrganizationKind Kind, string Municipality, string? Inn, string? Phone, string? Email, string? Address, int Teachers);

public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Column to sort by: "name" or "teachers"; by default municipality, kind, name.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public Page<OrganizationRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public string Link(string path, int? page = null, string? handler = null, string? sort = null, bool? desc = null)
    {
        var q = new QueryBuilder();
        var sortValue = sort ?? Sort;
        if (!string.IsNullOrEmpty(sortValue)) q.Add("sort", sortValue);
        if (desc ?? Desc) q.Add("desc", "true");
        if (handler is not null) q.Add("handler", handler);
        if (!string.IsNullOrWhiteSpace(Search)) q.Add("search", Search);
        if (MunicipalityId is { } m) q.Add("municipalityId", m.ToString());
        if (Kind is { } k) q.Add("kind", k.ToString());
        if (page is > 1) q.Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path + q.ToQueryString();
    }

    private async Task<IQueryable<Organization>> QueryAsync(UserScope scope, CancellationToken ct)
    {
        var query = scope.Organizations(db.Organizations.AsNoTracking(), db.Employments);
        foreach (var term in SearchText.Terms(Search))
        {
            var pattern = SearchText.ContainsPattern(term);
            query = query.Where(o => EF.Functions.Like(o.SearchName, pattern, "\\") || o.Inn == term);
        }
        if (MunicipalityId is { } municipalityId) query = query.Where(o => o.MunicipalityId == municipalityId);
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        var municipalityIds = await query.Select(o => o.MunicipalityId).Distinct().ToListAsync(ct);
        Municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => scope.MunicipalityIds.Contains(m.Id) || municipalityIds.Contains(m.Id))
            .OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);
        return (Sort, Desc) switch
        {
            ("name", false) => query.OrderBy(o => o.ShortName).ThenBy(o => o.Id),
            ("name", true) => query.OrderByDescending(o => o.ShortName).ThenBy(o => o.Id),
            ("teachers", false) => query.OrderBy(o => db.Employments.Count(e => e.OrganizationId == o.Id)).ThenBy(o => o.ShortName).ThenBy(o => o.Id),
            ("teachers", true) => query.OrderByDescending(o => db.Employments.Count(e => e.OrganizationId == o.Id)).ThenBy(o => o.ShortName).ThenBy(o => o.Id),
            (_, true) => query.OrderByDescending(o => o.Municipality!.Name).ThenBy(o => o.Kind).ThenBy(o => o.ShortName).ThenBy(o => o.Id),
            _ => query.OrderBy(o => o.Municipality!.Name).ThenBy(o => o.Kind).ThenBy(o => o.ShortName).ThenBy(o => o.Id),
        };
    }

    private static IQueryable<OrganizationRow> Project(IQueryable<Organization> q, AppDbContext db) => q.Select(o => new OrganizationRow(
        o.Id, o.ShortName, o.FullName, o.Kind, o.Municipality!.Name, o.Inn, o.Phone, o.Email, o.Address,
        db.Employments.Where(e => e.OrganizationId == o.Id).Select(e => e.PersonId).Distinct().Count()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        CanCreate = scope.IsRegionAdmin || scope.Has(Accounts.AppRole.MunicipalMethodist);
        var query = await QueryAsync(scope, ct);
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, PageNumber);
        var rows = await Project(query.Skip((page - 1) * 50).Take(50), db).ToListAsync(ct);
        Result = new Page<OrganizationRow>(rows, total, page, 50);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var rows = await Project(await QueryAsync(scope, ct), db).ToListAsync(ct);
        XlsxColumn<OrganizationRow>[] columns =
        [
            new("Краткое наименование", 34, r => r.ShortName),
            new("Полное наименование", 60, r => r.FullName),
            new("Тип", 22, r => r.Kind.Title()),
            new("Муниципалитет", 24, r => r.Municipality),
            new("ИНН", 14, r => r.Inn),
            new("Адрес", 40, r => r.Address),
            new("Телефон", 18, r => r.Phone),
            new("Электронная почта", 26, r => r.Email),
            new("Педагогов", 10, r => r.Teachers),
        ];
        return File(Xlsx.Write("Организации", columns, rows), Xlsx.ContentType, $"организации_{clock.GetLocalNow():yyyy-MM-dd}.xlsx");
    }
}
