using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

public enum CourseSort
{
    StartsOn,
    Title,
    Hours,
    PlacesLeft,
}

/// <summary>Search, filters, sort and page of the catalogue; the same for the page, its export and the API.</summary>
public sealed record CourseFilter
{
    public string? Search { get; init; }
    public Guid? AreaId { get; init; }
    public CourseForm? Form { get; init; }
    public CourseKind? Kind { get; init; }

    /// <summary>True for Federal Registry programmes only, false for the others only, null for all.</summary>
    public bool? FederalRegistry { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>Courses that start on or after this date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Courses that start on or before this date.</summary>
    public DateOnly? To { get; init; }

    public bool WithPlacesOnly { get; init; }
    public CourseSort Sort { get; init; } = CourseSort.StartsOn;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, 500);
}

public sealed record AreaRef(Guid Id, string Code, string Name, int SortOrder);

/// <summary>A course as lists show it, with the places its enrolments hold.</summary>
public sealed record CourseRow
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Provider { get; init; } = "";
    public CourseKind Kind { get; init; }
    public int Hours { get; init; }
    public CourseForm Form { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public int? Quota { get; init; }

    /// <summary>Enrolments that are not cancelled.</summary>
    public int Taken { get; init; }

    public bool FederalRegistry { get; init; }
    public Guid? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<AreaRef> Areas { get; init; } = [];

    public int? PlacesLeft => Quota is { } quota ? Math.Max(0, quota - Taken) : null;
    public string Dates => CourseTitles.Dates(StartsOn, EndsOn);
}

/// <summary>Reads the course catalogue: filtered pages, whole lists and single courses.</summary>
public sealed class CourseCatalogue(AppDbContext db)
{
    public async Task<Page<CourseRow>> PageAsync(CourseFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var rows = await Project(Sorted(query, filter).Skip((filter.SafePage - 1) * filter.SafePageSize).Take(filter.SafePageSize)).ToListAsync(ct);
        return new Page<CourseRow>(rows.Select(Ordered).ToList(), total, filter.SafePage, filter.SafePageSize);
    }

    /// <summary>Every course that matches the filter, in its order (the export and the API).</summary>
    public async Task<IReadOnlyList<CourseRow>> AllAsync(CourseFilter filter, CancellationToken ct = default) =>
        (await Project(Sorted(Filtered(filter), filter)).ToListAsync(ct)).Select(Ordered).ToList();

    public async Task<CourseRow?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var row = await Project(db.Courses.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? null : Ordered(row);
    }

    /// <summary>The courses with these ids, by id (the plan-application reads the courses its routes name).</summary>
    public async Task<Dictionary<Guid, CourseRow>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToArray();
        var rows = await Project(db.Courses.AsNoTracking().Where(c => wanted.Contains(c.Id))).ToListAsync(ct);
        return rows.Select(Ordered).ToDictionary(r => r.Id);
    }

    /// <summary>The active areas of the competence framework, in the framework's order (the filter and the form).</summary>
    public async Task<IReadOnlyList<AreaRef>> AreasAsync(CancellationToken ct = default) =>
        await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AreaRef(a.Id, a.Code, a.Name, a.SortOrder)).ToListAsync(ct);

    private IQueryable<Course> Filtered(CourseFilter f)
    {
        var query = db.Courses.AsNoTracking();
        foreach (var term in SearchText.Terms(f.Search))
        {
            var pattern = SearchText.ContainsPattern(term);
            query = query.Where(c => EF.Functions.Like(c.SearchTitle, pattern, "\\"));
        }
        if (f.AreaId is { } areaId) query = query.Where(c => c.Areas.Any(a => a.AreaId == areaId));
        if (f.Form is { } form) query = query.Where(c => c.Form == form);
        if (f.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (f.FederalRegistry is { } federal) query = query.Where(c => c.FederalRegistry == federal);
        if (f.SubjectId is { } subjectId) query = query.Where(c => c.SubjectId == subjectId);
        if (f.From is { } from) query = query.Where(c => c.StartsOn >= from);
        if (f.To is { } to) query = query.Where(c => c.StartsOn <= to);
        if (f.WithPlacesOnly) query = query.Where(c => c.Quota == null || c.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled) < c.Quota);
        return query;
    }

    // Undated courses go last either way: SQLite and PostgreSQL would otherwise put NULLs at opposite ends.
    private static IQueryable<Course> Sorted(IQueryable<Course> q, CourseFilter f) => (f.Sort, f.Descending) switch
    {
        (CourseSort.Title, false) => q.OrderBy(c => c.SearchTitle).ThenBy(c => c.Id),
        (CourseSort.Title, true) => q.OrderByDescending(c => c.SearchTitle).ThenBy(c => c.Id),
        (CourseSort.Hours, false) => q.OrderBy(c => c.Hours).ThenBy(c => c.SearchTitle).ThenBy(c => c.Id),
        (CourseSort.Hours, true) => q.OrderByDescending(c => c.Hours).ThenBy(c => c.SearchTitle).ThenBy(c => c.Id),
        (CourseSort.PlacesLeft, false) => q.OrderBy(c => c.Quota == null).ThenBy(c => c.Quota - c.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled)).ThenBy(c => c.Id),
        (CourseSort.PlacesLeft, true) => q.OrderBy(c => c.Quota != null).ThenByDescending(c => c.Quota - c.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled)).ThenBy(c => c.Id),
        (_, true) => q.OrderBy(c => c.StartsOn == null).ThenByDescending(c => c.StartsOn).ThenBy(c => c.SearchTitle).ThenBy(c => c.Id),
        _ => q.OrderBy(c => c.StartsOn == null).ThenBy(c => c.StartsOn).ThenBy(c => c.SearchTitle).ThenBy(c => c.Id),
    };

    private static IQueryable<CourseRow> Project(IQueryable<Course> q) => q.Select(c => new CourseRow
    {
        Id = c.Id,
        Title = c.Title,
        Provider = c.Provider,
        Kind = c.Kind,
        Hours = c.Hours,
        Form = c.Form,
        StartsOn = c.StartsOn,
        EndsOn = c.EndsOn,
        Quota = c.Quota,
        Taken = c.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled),
        FederalRegistry = c.FederalRegistry,
        SubjectId = c.SubjectId,
        SubjectName = c.Subject!.Name,
        Description = c.Description,
        Areas = c.Areas.Select(a => new AreaRef(a.AreaId, a.Area!.Code, a.Area.Name, a.Area.SortOrder)).ToList(),
    });

    private static CourseRow Ordered(CourseRow row) => row with { Areas = row.Areas.OrderBy(a => a.SortOrder).ThenBy(a => a.Name, StringComparer.Ordinal).ToList() };
}
