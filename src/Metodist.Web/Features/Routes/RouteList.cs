using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

public sealed class RouteFilter
{
    public RouteStatus? Status { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? TutorId { get; set; }
    public DeficitLevel? Level { get; set; }
    public string? Search { get; set; }

    /// <summary>Submitted routes not yet agreed by the organization (true) or agreed and waiting for the ЦНППМ (false).</summary>
    public bool? Agreed { get; set; }

    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 50;
}

public sealed record RouteListPage(IReadOnlyList<RouteSummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The routes list of the pages and the API: filters, counts by status, paging and the XLSX export.</summary>
public sealed class RouteList(RouteService routes)
{
    public const int MaxExportRows = 100_000;

    private async Task<IQueryable<DevelopmentRoute>> QueryAsync(RouteFilter f, bool withStatus, CancellationToken ct)
    {
        var query = (await routes.VisibleAsync(ct)).AsNoTracking();
        if (withStatus && f.Status is { } status) query = query.Where(r => r.Status == status);
        if (f.MunicipalityId is { } m) query = query.Where(r => r.MunicipalityId == m);
        if (f.OrganizationId is { } o) query = query.Where(r => r.OrganizationId == o);
        if (f.TutorId is { } t) query = query.Where(r => r.TutorPersonId == t);
        if (f.Level is { } level) query = query.Where(r => r.DeficitLevel == level);
        if (f.Agreed is { } agreed)
            query = query.Where(r => r.Status == RouteStatus.Submitted && (agreed ? r.OrganizationAgreedAt != null : r.OrganizationAgreedAt == null));
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var text = SearchText.Normalize(f.Search);
            query = query.Where(r => r.Person!.SearchName.Contains(text));
        }
        return query;
    }

    /// <summary>A row as the database gives it, with the enums still enums.</summary>
    private sealed record RouteRow(
        Guid Id, Guid PersonId, string TeacherName, RouteStatus Status, Guid? MunicipalityId, string? Municipality, string? Organization,
        DeficitLevel? Level, DateOnly StartsOn, DateOnly EndsOn, bool OrganizationAgreed, string? TutorName, int ItemsTotal, int ItemsDone, DateTime UpdatedAt)
    {
        public RouteSummary ToSummary() => new(Id, PersonId, TeacherName, Status.Code(), Status.Title(), MunicipalityId, Municipality, Organization,
            Level?.Code(), StartsOn, EndsOn, OrganizationAgreed, TutorName, ItemsTotal, ItemsDone, UpdatedAt);
    }

    private static IQueryable<RouteRow> Project(IQueryable<DevelopmentRoute> query) => query.Select(r => new RouteRow(
        r.Id, r.PersonId, r.Person!.LastName + " " + r.Person.FirstName + (r.Person.MiddleName == null ? "" : " " + r.Person.MiddleName),
        r.Status, r.MunicipalityId, r.MunicipalityName, r.OrganizationName, r.DeficitLevel, r.StartsOn, r.EndsOn, r.OrganizationAgreedAt != null,
        r.Tutor == null ? null : r.Tutor.LastName + " " + r.Tutor.FirstName + (r.Tutor.MiddleName == null ? "" : " " + r.Tutor.MiddleName),
        r.Items.Count, r.Items.Count(i => i.IsDone), r.UpdatedAt));

    public async Task<RouteListPage> PageAsync(RouteFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, true, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await Project(query.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new RouteListPage(items.Select(r => r.ToSummary()).ToList(), total, page, pageSize);
    }

    /// <summary>How many routes of each status match the other filters (for the tabs of the list).</summary>
    public async Task<Dictionary<RouteStatus, int>> CountsAsync(RouteFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, false, ct);
        var counts = await query.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<byte[]> ExportAsync(RouteFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, true, ct);
        var rows = await Project(query.OrderBy(r => r.MunicipalityName).ThenBy(r => r.OrganizationName).ThenBy(r => r.Person!.SearchName).Take(MaxExportRows))
            .ToListAsync(ct);
        return Xlsx.Write("ИОМ", Columns, rows);
    }

    private static readonly XlsxColumn<RouteRow>[] Columns =
    [
        new("ФИО педагога", 36, r => r.TeacherName),
        new("Муниципальное образование", 28, r => r.Municipality),
        new("Образовательная организация", 36, r => r.Organization),
        new("Уровень дефицитов", 20, r => r.Level?.Title()),
        new("Начало", 12, r => r.StartsOn),
        new("Окончание", 12, r => r.EndsOn),
        new("Состояние", 18, r => r.Status.Title()),
        new("Согласован ОО", 14, r => r.OrganizationAgreed ? "да" : "нет"),
        new("Тьютор", 30, r => r.TutorName),
        new("Пунктов", 10, r => r.ItemsTotal),
        new("Выполнено", 11, r => r.ItemsDone),
    ];
}
