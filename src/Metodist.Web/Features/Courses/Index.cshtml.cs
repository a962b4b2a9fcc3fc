using System.Globalization;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>The course catalogue: search by title, filters, sort, pages, and the same list in XLSX (handler «Export»).</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser, CourseCatalogue catalogue, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AreaId { get; set; }
    [BindProperty(SupportsGet = true)] public CourseForm? Form { get; set; }
    [BindProperty(SupportsGet = true)] public CourseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool FederalRegistry { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithPlaces { get; set; }
    [BindProperty(SupportsGet = true)] public CourseSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<CourseRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<AreaRef> Areas { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanPlan { get; private set; }
    public bool HasOwnCourses { get; private set; }

    private CourseFilter Filter => new()
    {
        Search = Search, AreaId = AreaId, Form = Form, Kind = Kind, FederalRegistry = FederalRegistry ? true : null, SubjectId = SubjectId,
        From = From, To = To, WithPlacesOnly = WithPlaces, Sort = Sort, Descending = Desc, Page = PageNumber,
    };

    /// <summary>This list's address with the current filter, the given page, sort and handler.</summary>
    public string Link(int? page = null, CourseSort? sort = null, bool? desc = null, string? handler = null)
    {
        var q = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) q.Add(key, value);
        }
        Add("handler", handler);
        Add("search", Search?.Trim());
        Add("areaId", AreaId?.ToString());
        Add("form", Form?.ToString());
        Add("kind", Kind?.ToString());
        Add("federalRegistry", FederalRegistry ? "true" : null);
        Add("subjectId", SubjectId?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("withPlaces", WithPlaces ? "true" : null);
        var sortValue = sort ?? Sort;
        Add("sort", sortValue == CourseSort.StartsOn ? null : sortValue.ToString());
        Add("desc", desc ?? Desc ? "true" : null);
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return "/Courses" + q.ToQueryString();
    }

    /// <summary>A column heading's link: sorts by the column, or turns the order round when it already sorts by it.</summary>
    public string SortLink(CourseSort sort) => Link(sort: sort, desc: Sort == sort && !Desc);

    public string Arrow(CourseSort sort) => Sort == sort ? (Desc ? " ▼" : " ▲") : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        CanEdit = scope.IsRegionAdmin;
        CanPlan = scope.IsMethodist;
        HasOwnCourses = scope.PersonId is not null;
        Areas = await catalogue.AreasAsync(ct);
        Subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        Result = await catalogue.PageAsync(Filter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await catalogue.AllAsync(Filter, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return File(CourseExports.Catalogue(rows), Xlsx.ContentType, CourseExports.CatalogueFileName(today));
    }
}
