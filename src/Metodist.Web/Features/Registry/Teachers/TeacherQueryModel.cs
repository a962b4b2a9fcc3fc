using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Teachers;

public sealed record Option(string Value, string Text)
{
    /// <summary>
    /// For ids: formatted here, not in SQL, where SQLite would return its stored upper-case text and the
    /// <c>selected</c> comparison with a lower-case <see cref="Guid.ToString()"/> would fail.
    /// </summary>
    public Option(Guid id, string text) : this(id.ToString(), text)
    {
    }
}

/// <summary>The query-string filter of the teacher list, shared by the list page and its export.</summary>
public abstract class TeacherQueryModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    protected AppDbContext Db { get; } = db;
    protected CurrentUser CurrentUser { get; } = currentUser;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DistrictId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PositionId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public QualificationCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Young { get; set; }
    [BindProperty(SupportsGet = true)] public int? AttestationWithinMonths { get; set; }
    [BindProperty(SupportsGet = true)] public TeacherSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    protected TeacherFilter Filter => new()
    {
        Search = Search,
        DistrictId = DistrictId,
        MunicipalityId = MunicipalityId,
        OrganizationId = OrganizationId,
        PositionId = PositionId,
        SubjectId = SubjectId,
        Category = Category,
        YoungOnly = Young,
        AttestationWithinMonths = AttestationWithinMonths,
        Sort = Sort,
        Descending = Desc,
        Page = PageNumber,
        PageSize = 50,
    };

    /// <summary>The current filter as query parameters, with some of them replaced.</summary>
    public Dictionary<string, string> Query(params (string Key, string? Value)[] overrides)
    {
        var q = new Dictionary<string, string>();
        void Set(string key, object? value)
        {
            var text = value switch { null => null, bool b => b ? "true" : null, _ => value.ToString() };
            if (!string.IsNullOrEmpty(text)) q[key] = text;
        }
        Set("search", Search);
        Set("districtId", DistrictId);
        Set("municipalityId", MunicipalityId);
        Set("organizationId", OrganizationId);
        Set("positionId", PositionId);
        Set("subjectId", SubjectId);
        Set("category", Category);
        Set("young", Young);
        Set("attestationWithinMonths", AttestationWithinMonths);
        if (Sort != TeacherSort.Name) Set("sort", Sort);
        Set("desc", Desc);
        if (PageNumber > 1) Set("page", PageNumber);
        foreach (var (key, value) in overrides)
        {
            if (string.IsNullOrEmpty(value)) q.Remove(key);
            else q[key] = value;
        }
        return q;
    }

    public string Link(string path, params (string Key, string? Value)[] overrides) =>
        path + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(Query(overrides)).ToQueryString();

    public IReadOnlyList<Option> Districts { get; private set; } = [];
    public IReadOnlyList<Option> Municipalities { get; private set; } = [];
    public IReadOnlyList<Option> Organizations { get; private set; } = [];
    public IReadOnlyList<Option> Positions { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];

    protected async Task LoadOptionsAsync(UserScope scope, CancellationToken ct)
    {
        var municipalities = await ScopeOptions.MunicipalityRowsAsync(Db, scope, ct);
        Municipalities = municipalities.Select(m => new Option(m.Id, m.Name)).ToList();
        var districtIds = municipalities.Where(m => m.DistrictId != null).Select(m => m.DistrictId!.Value).Distinct().ToList();
        Districts = await Db.Districts.AsNoTracking().Where(d => districtIds.Contains(d.Id)).OrderBy(d => d.Name)
            .Select(d => new Option(d.Id, d.Name)).ToListAsync(ct);
        Organizations = await ScopeOptions.OrganizationsAsync(Db, scope, MunicipalityId, ct, DistrictId);
        Positions = await Db.Positions.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
        Subjects = await Db.Subjects.AsNoTracking().OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
    }
}
