using System.Globalization;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>One line of the list of associations.</summary>
public sealed record AssociationRow(
    Guid Id, string Name, AssociationLevel Level, AssociationKind Kind, string Subject, string? Municipality, string? Organization,
    string? Leader, string? LeaderTitle, int Members, int Requests, string? PlanYear, PlanStatus? PlanStatus, bool IsArchived);

/// <summary>The associations the user sees: search by name or subject, filters by level, kind, municipality, «мои», pages and XLSX.</summary>
public sealed class IndexModel(AppDbContext db, AssociationService associations) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public AssociationLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public AssociationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<AssociationRow> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool IsStaff { get; private set; }

    public string Link(int? page = null, string? handler = null)
    {
        var q = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) q.Add(key, value);
        }
        Add("handler", handler);
        Add("search", Search?.Trim());
        Add("level", Level?.ToString());
        Add("kind", Kind?.ToString());
        Add("municipalityId", MunicipalityId?.ToString());
        Add("mine", Mine ? "true" : null);
        Add("archived", Archived ? "true" : null);
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return "/Associations" + q.ToQueryString();
    }

    private async Task<IQueryable<Association>> QueryAsync(CancellationToken ct)
    {
        var query = (await associations.VisibleAsync(ct)).AsNoTracking().Where(a => a.IsArchived == Archived);
        if (Level is { } level) query = query.Where(a => a.Level == level);
        if (Kind is { } kind) query = query.Where(a => a.Kind == kind);
        if (MunicipalityId is { } m) query = query.Where(a => a.MunicipalityId == m);
        var scope = await associations.ScopeAsync(ct);
        if (Mine && scope.PersonId is { } me)
            query = query.Where(a => a.LeaderPersonId == me || a.Members.Any(x => x.PersonId == me && (x.Status == MemberStatus.Active || x.Status == MemberStatus.Requested)));
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = "%" + search.Replace("%", "").Replace("_", "").ToLowerInvariant() + "%";
            query = query.Where(a => EF.Functions.Like(a.Name.ToLower(), pattern) || EF.Functions.Like(a.Subject.ToLower(), pattern));
        }
        return query;
    }

    private IQueryable<AssociationRow> Rows(IQueryable<Association> query) => query
        .OrderBy(a => a.Level).ThenBy(a => a.Municipality!.Name).ThenBy(a => a.Name).ThenBy(a => a.Id)
        .Select(a => new AssociationRow(
            a.Id, a.Name, a.Level, a.Kind, a.Subject, a.Municipality!.Name, a.Organization!.ShortName,
            a.Leader == null ? null : a.Leader.LastName + " " + a.Leader.FirstName + (a.Leader.MiddleName == null ? "" : " " + a.Leader.MiddleName),
            a.LeaderTitle,
            a.Members.Count(m => m.Status == MemberStatus.Active),
            a.Members.Count(m => m.Status == MemberStatus.Requested),
            db.WorkPlans.Where(p => p.AssociationId == a.Id && p.Kind == PlanKind.WorkPlan).OrderByDescending(p => p.AcademicYear).Select(p => p.AcademicYear).FirstOrDefault(),
            db.WorkPlans.Where(p => p.AssociationId == a.Id && p.Kind == PlanKind.WorkPlan).OrderByDescending(p => p.AcademicYear).Select(p => (PlanStatus?)p.Status).FirstOrDefault(),
            a.IsArchived));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await associations.ScopeAsync(ct);
        IsStaff = scope.IsMethodist;
        CanCreate = scope.IsMethodist;
        var query = await QueryAsync(ct);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await Rows(query).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Result = new Page<AssociationRow>(items, total, page, PageSize);
        var municipalityIds = await (await associations.VisibleAsync(ct)).Where(a => a.MunicipalityId != null).Select(a => a.MunicipalityId!.Value).Distinct().ToListAsync(ct);
        Municipalities = (await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new Option(m.Id.ToString(), m.Name)).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Rows(await QueryAsync(ct)).ToListAsync(ct);
        var bytes = Xlsx.Write("Объединения",
        [
            new XlsxColumn<AssociationRow>("Название", 60, r => r.Name),
            new("Уровень", 18, r => r.Level.Title()),
            new("Вид", 28, r => r.Kind.Title()),
            new("Предмет или проблема", 30, r => r.Subject),
            new("Муниципалитет", 24, r => r.Municipality),
            new("Организация", 30, r => r.Organization),
            new("Руководитель", 30, r => r.Leader ?? r.LeaderTitle),
            new("Участников", 10, r => r.Members),
            new("Заявок", 8, r => r.Requests),
            new("План работы", 14, r => r.PlanYear),
            new("Состояние плана", 16, r => r.PlanStatus?.Title()),
        ], rows);
        return File(bytes, Xlsx.ContentType, $"Объединения {associations.Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}.xlsx");
    }
}
