using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Results;

public sealed record ResultRow(Guid Id, Guid PersonId, string Name, string? Organization, string Diagnostic, DateOnly TakenOn, int Score, DeficitLevel Level);

/// <summary>
/// The individual results a user may see (their private scope), with filters, paging and the XLSX export.
/// Staff without such a scope are sent to the nameless aggregates.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, ResultAccess access) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DiagnosticId { get; set; }
    [BindProperty(SupportsGet = true)] public DeficitLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AreaId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<ResultRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];
    public List<Option> Diagnostics { get; private set; } = [];
    public List<Option> Areas { get; private set; } = [];
    public UserScope Scope { get; private set; } = UserScope.Nobody;

    private IQueryable<DiagnosticResult> Query(UserScope scope)
    {
        var people = scope.PrivatePersons(db.Persons);
        if (MunicipalityId is { } m) people = people.Where(p => p.Employments.Any(e => e.MunicipalityId == m));
        if (OrganizationId is { } o) people = people.Where(p => p.Employments.Any(e => e.OrganizationId == o));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = SearchText.Normalize(Search);
            people = people.Where(p => p.SearchName.Contains(text));
        }
        var ids = people.Select(p => p.Id);
        var query = scope.SeesEveryone && MunicipalityId is null && OrganizationId is null && string.IsNullOrWhiteSpace(Search)
            ? db.DiagnosticResults.AsNoTracking()
            : db.DiagnosticResults.AsNoTracking().Where(r => ids.Contains(r.PersonId));
        if (DiagnosticId is { } d) query = query.Where(r => r.DiagnosticId == d);
        if (AreaId is { } area)
            query = Level is { } areaLevel
                ? query.Where(r => r.Areas.Any(a => a.AreaId == area && a.Level == areaLevel))
                : query.Where(r => r.Areas.Any(a => a.AreaId == area && a.Level != DeficitLevel.None));
        else if (Level is { } level) query = query.Where(r => r.Level == level);
        return query;
    }

    private static IQueryable<ResultRow> Project(IQueryable<DiagnosticResult> query) => query.Select(r => new ResultRow(
        r.Id, r.PersonId, r.Person!.LastName + " " + r.Person.FirstName + " " + (r.Person.MiddleName ?? ""),
        r.Person.Employments.OrderByDescending(e => e.IsMain).Select(e => e.Organization!.ShortName).FirstOrDefault(),
        r.Diagnostic!.Title, r.TakenOn, r.Score, r.Level));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await currentUser.ScopeAsync(ct);
        if (!Scope.IsStaff) return Redirect("/Diagnostics/My");
        var query = Query(Scope);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await Project(query.OrderByDescending(r => r.TakenOn).ThenBy(r => r.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        Municipalities = await ScopeOptions.MunicipalitiesAsync(db, Scope, ct);
        Organizations = await ScopeOptions.OrganizationsAsync(db, Scope, MunicipalityId, ct);
        Diagnostics = (await db.Diagnostics.AsNoTracking().OrderBy(d => d.Title).Select(d => new { d.Id, d.Title }).ToListAsync(ct))
            .Select(d => new Option(d.Id, d.Title)).ToList();
        Areas = (await db.CompetenceAreas.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => new Option(a.Id, a.Name)).ToList();
        return Page();
    }

    /// <summary>The export names people and their levels: each person in it counts as an opening of their result.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsStaff) return Forbid();
        var query = Query(scope);
        var rows = await Project(query.OrderBy(r => r.Person!.SearchName).ThenByDescending(r => r.TakenOn).Take(100_000)).ToListAsync(ct);
        await access.RecordViewsAsync(rows.Select(r => (r.PersonId, r.Id)), "Выгрузка XLSX", ct);
        var content = Xlsx.Write("Результаты диагностики", Columns, rows);
        return File(content, Xlsx.ContentType, $"Результаты диагностики {DateTime.Now:yyyy-MM-dd}.xlsx");
    }

    private static readonly XlsxColumn<ResultRow>[] Columns =
    [
        new("ФИО", 36, r => r.Name.TrimEnd()),
        new("Организация", 34, r => r.Organization),
        new("Диагностика", 40, r => r.Diagnostic),
        new("Дата", 12, r => r.TakenOn),
        new("Балл", 8, r => r.Score),
        new("Уровень дефицитов", 22, r => r.Level.Title()),
    ];

    public string Link(params (string Key, string? Value)[] overrides) => Links.To("/Diagnostics/Results",
    [
        ("search", Search), ("municipalityId", MunicipalityId?.ToString()), ("organizationId", OrganizationId?.ToString()),
        ("diagnosticId", DiagnosticId?.ToString()), ("level", Level?.ToString()), ("areaId", AreaId?.ToString()),
        ("page", Links.Page(PageNumber)), .. overrides,
    ]);
}
