using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry;

public enum TeacherSort
{
    Name,
    BirthDate,
    Experience,
    Category,
    Attestation,
}

/// <summary>Search, filters, sort and page of the teacher list; the same for the page, the API and the export.</summary>
public sealed record TeacherFilter
{
    public string? Search { get; init; }
    public Guid? DistrictId { get; init; }
    public Guid? MunicipalityId { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? PositionId { get; init; }
    public Guid? SubjectId { get; init; }
    public QualificationCategory? Category { get; init; }
    public bool YoungOnly { get; init; }
    public int? AttestationWithinMonths { get; init; }
    public TeacherSort Sort { get; init; } = TeacherSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, 500);
}

public sealed record TeacherRow
{
    public Guid Id { get; init; }
    public string LastName { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string? MiddleName { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Snils { get; init; }
    public QualificationCategory Category { get; init; }
    public DateOnly? CategoryAssignedOn { get; init; }
    public DateOnly? NextAttestationDue { get; init; }
    public DateOnly? PedagogicalWorkStart { get; init; }
    public Guid? EmploymentId { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    public Guid? MunicipalityId { get; init; }
    public string? MunicipalityName { get; init; }
    public string? PositionName { get; init; }
    public IReadOnlyList<string> Subjects { get; init; } = [];

    public string FullName => string.IsNullOrEmpty(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public int? ExperienceYears(DateOnly today) => TeacherRules.ExperienceYears(PedagogicalWorkStart, today);

    public bool IsYoung(DateOnly today) => TeacherRules.IsYoungTeacher(BirthDate, PedagogicalWorkStart, today);

    public bool IsAssetEligible(DateOnly today) => TeacherRules.IsEligibleForAsset(Category, PedagogicalWorkStart, today);
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class TeacherList(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A name search with at most this many hits is narrow: each person found is checked on their own.</summary>
    private const int NarrowSearchHits = 5_000;

    /// <summary>Up to this many matches are ordered and paged in memory from one read of their sort keys.</summary>
    private const int KeysInMemory = 20_000;

    private sealed record SortKey(Guid Id, string SearchName, DateOnly BirthDate, DateOnly? WorkStart, QualificationCategory Category, DateOnly? AttestationDue);

    /// <summary>
    /// One page of the list and the total. A search or filter usually leaves a few thousand people: their
    /// sort keys are read once, counted and ordered here, and only the page's rows are fetched — one pass
    /// over the data instead of a count and a sorted page. Broader lists fall back to the database for both.
    /// </summary>
    public async Task<Page<TeacherRow>> PageAsync(UserScope scope, TeacherFilter filter, CancellationToken ct = default)
    {
        var query = await FilteredAsync(scope, filter, ct);
        var skip = (filter.SafePage - 1) * filter.SafePageSize;
        List<TeacherRow> rows;
        int total;
        var keys = await query
            .Select(p => new SortKey(p.Id, p.SearchName, p.BirthDate, p.PedagogicalWorkStart, p.Category, p.NextAttestationDue))
            .Take(KeysInMemory + 1)
            .ToListAsync(ct);
        if (keys.Count <= KeysInMemory)
        {
            total = keys.Count;
            var ids = Ordered(keys, filter).Skip(skip).Take(filter.SafePageSize).Select(k => k.Id).ToList();
            var byId = (await Project(db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
            rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }
        else
        {
            total = await query.CountAsync(ct);
            rows = await Project(Sorted(query, filter).Skip(skip).Take(filter.SafePageSize)).ToListAsync(ct);
        }
        return new Page<TeacherRow>(await WithEmploymentAsync(rows, ct), total, filter.SafePage, filter.SafePageSize);
    }

    /// <summary>The order of <see cref="Sorted"/>, for keys in memory (names compare by code point, as the databases here do).</summary>
    private static IEnumerable<SortKey> Ordered(List<SortKey> keys, TeacherFilter f)
    {
        var byName = StringComparer.Ordinal;
        return (f.Sort, f.Descending) switch
        {
            (TeacherSort.BirthDate, false) => keys.OrderBy(k => k.BirthDate).ThenBy(k => k.Id),
            (TeacherSort.BirthDate, true) => keys.OrderByDescending(k => k.BirthDate).ThenBy(k => k.Id),
            (TeacherSort.Experience, false) => keys.OrderBy(k => k.WorkStart == null).ThenByDescending(k => k.WorkStart).ThenBy(k => k.Id),
            (TeacherSort.Experience, true) => keys.OrderBy(k => k.WorkStart == null).ThenBy(k => k.WorkStart).ThenBy(k => k.Id),
            (TeacherSort.Category, false) => keys.OrderBy(k => (int)k.Category).ThenBy(k => k.SearchName, byName).ThenBy(k => k.Id),
            (TeacherSort.Category, true) => keys.OrderByDescending(k => (int)k.Category).ThenBy(k => k.SearchName, byName).ThenBy(k => k.Id),
            (TeacherSort.Attestation, false) => keys.OrderBy(k => k.AttestationDue == null).ThenBy(k => k.AttestationDue).ThenBy(k => k.Id),
            (TeacherSort.Attestation, true) => keys.OrderBy(k => k.AttestationDue == null).ThenByDescending(k => k.AttestationDue).ThenBy(k => k.Id),
            (_, true) => keys.OrderByDescending(k => k.SearchName, byName).ThenBy(k => k.Id),
            _ => keys.OrderBy(k => k.SearchName, byName).ThenBy(k => k.Id),
        };
    }

    /// <summary>Every row that matches the filter, in its order (for the XLSX export).</summary>
    public async Task<IReadOnlyList<TeacherRow>> AllAsync(UserScope scope, TeacherFilter filter, CancellationToken ct = default)
    {
        var query = await FilteredAsync(scope, filter, ct);
        var rows = await Project(Sorted(query, filter)).ToListAsync(ct);
        return await WithEmploymentAsync(rows, ct);
    }

    /// <summary>
    /// The filtered people, written so that the database answers from indexes: search terms through a
    /// trigram index on the folded name (FTS5 on SQLite, pg_trgm with LIKE on PostgreSQL), and the scope
    /// last, so it is checked only for rows that already match.
    /// </summary>
    private async Task<IQueryable<Person>> FilteredAsync(UserScope scope, TeacherFilter f, CancellationToken ct)
    {
        var query = db.Persons.AsNoTracking();
        var terms = SearchText.Terms(f.Search);
        // Whether the name search leaves few enough people to check each one's places of work.
        var narrowSearch = false;
        if (db.Database.IsSqlite())
        {
            // Terms of three letters or more go to the trigram index (PersonSearch); shorter ones, which
            // match nearly everybody anyway, are tested on the name itself.
            var indexed = terms.Where(t => t.Length >= 3).ToList();
            if (indexed.Count > 0)
            {
                var match = string.Join(" AND ", indexed.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
                query = db.Persons.FromSqlRaw(
                    "SELECT * FROM \"Persons\" WHERE rowid IN (SELECT rowid FROM \"PersonSearch\" WHERE \"PersonSearch\" MATCH {0})", match)
                    .AsNoTracking();
                var hits = await db.Database
                    .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM \"PersonSearch\" WHERE \"PersonSearch\" MATCH {0}", match)
                    .SingleAsync(ct);
                narrowSearch = hits <= NarrowSearchHits;
            }
            foreach (var term in terms.Where(t => t.Length < 3)) query = query.Where(p => p.SearchName.Contains(term));
        }
        else
        {
            foreach (var term in terms)
            {
                var pattern = SearchText.ContainsPattern(term);
                query = query.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\"));
            }
            // PostgreSQL plans the join itself from its statistics; a per-person check lets it start from the name index.
            narrowSearch = terms.Any(t => t.Length >= 3);
        }

        Guid[]? municipalities = null;
        if (f.MunicipalityId is { } municipalityId) municipalities = [municipalityId];
        else if (f.DistrictId is { } districtId)
            municipalities = await db.Municipalities.Where(m => m.DistrictId == districtId).Select(m => m.Id).ToArrayAsync(ct);

        if (municipalities is not null || f.OrganizationId is not null || f.PositionId is not null || f.SubjectId is not null)
        {
            var organizationId = f.OrganizationId;
            var positionId = f.PositionId;
            var subjectId = f.SubjectId;
            var anyMunicipality = municipalities is null;
            var municipalityIds = municipalities ?? [];
            // A narrow name search leaves a few hundred people: check each of them. Otherwise an organization
            // or a subject names fewer people than the list: collect them once.
            if (organizationId is not null || (subjectId is not null && !narrowSearch))
            {
                // A subject starts from its own index and joins the places of work.
                var employments = subjectId is { } subject
                    ? db.EmploymentSubjects.Where(s => s.SubjectId == subject).Select(s => s.Employment!)
                    : db.Employments;
                var personIds = employments.Where(e =>
                        (anyMunicipality || municipalityIds.Contains(e.MunicipalityId))
                        && (organizationId == null || e.OrganizationId == organizationId)
                        && (positionId == null || e.PositionId == positionId))
                    .Select(e => e.PersonId);
                query = query.Where(p => personIds.Contains(p.Id));
            }
            else
            {
                // A municipality or a position names thousands (and a subject, after a name search, is checked
                // faster per person than collected): check each person already found by the
                // other conditions through the (PersonId, MunicipalityId, OrganizationId) index.
                query = query.Where(p => p.Employments.Any(e =>
                    (anyMunicipality || municipalityIds.Contains(e.MunicipalityId))
                    && (positionId == null || e.PositionId == positionId)
                    && (subjectId == null || e.Subjects.Any(s => s.SubjectId == subjectId))));
            }
        }

        if (f.Category is { } category) query = query.Where(p => p.Category == category);

        var today = Today;
        if (f.YoungOnly)
        {
            var bornAfter = TeacherRules.YoungBornAfter(today);
            var startedFrom = TeacherRules.YoungStartedOnOrAfter(today);
            query = query.Where(p => p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today);
        }

        if (f.AttestationWithinMonths is { } months)
        {
            var until = today.AddMonths(Math.Clamp(months, 0, 120));
            query = query.Where(p => p.NextAttestationDue != null && p.NextAttestationDue <= until);
        }
        return scope.Persons(query);
    }

    /// <summary>Categories are stored by name, so ordering by the column would be alphabetical in English; this orders by rank.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Person, int>> CategoryRank = p =>
        p.Category == QualificationCategory.None ? 0
        : p.Category == QualificationCategory.Conformity ? 1
        : p.Category == QualificationCategory.First ? 2
        : p.Category == QualificationCategory.Highest ? 3
        : p.Category == QualificationCategory.TeacherMethodist ? 4
        : 5;

    private static IQueryable<Person> Sorted(IQueryable<Person> q, TeacherFilter f) => (f.Sort, f.Descending) switch
    {
        (TeacherSort.BirthDate, false) => q.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
        (TeacherSort.BirthDate, true) => q.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
        // Longer experience means an earlier start.
        // Unknown dates go last either way: SQLite and PostgreSQL would otherwise put NULLs at opposite ends.
        (TeacherSort.Experience, false) => q.OrderBy(p => p.PedagogicalWorkStart == null).ThenByDescending(p => p.PedagogicalWorkStart).ThenBy(p => p.Id),
        (TeacherSort.Experience, true) => q.OrderBy(p => p.PedagogicalWorkStart == null).ThenBy(p => p.PedagogicalWorkStart).ThenBy(p => p.Id),
        (TeacherSort.Category, false) => q.OrderBy(CategoryRank).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (TeacherSort.Category, true) => q.OrderByDescending(CategoryRank).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (TeacherSort.Attestation, false) => q.OrderBy(p => p.NextAttestationDue == null).ThenBy(p => p.NextAttestationDue).ThenBy(p => p.Id),
        (TeacherSort.Attestation, true) => q.OrderBy(p => p.NextAttestationDue == null).ThenByDescending(p => p.NextAttestationDue).ThenBy(p => p.Id),
        (_, true) => q.OrderByDescending(p => p.SearchName).ThenBy(p => p.Id),
        _ => q.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
    };

    private static IQueryable<TeacherRow> Project(IQueryable<Person> q) => q.Select(p => new TeacherRow
    {
        Id = p.Id,
        LastName = p.LastName,
        FirstName = p.FirstName,
        MiddleName = p.MiddleName,
        BirthDate = p.BirthDate,
        Email = p.Email,
        Phone = p.Phone,
        Snils = p.Snils,
        Category = p.Category,
        CategoryAssignedOn = p.CategoryAssignedOn,
        NextAttestationDue = p.NextAttestationDue,
        PedagogicalWorkStart = p.PedagogicalWorkStart,
    });

    /// <summary>
    /// Adds each row's main place of work (the main one, else the earliest) and its subjects, read for
    /// the whole page in two queries instead of a subquery per row and column.
    /// </summary>
    private async Task<IReadOnlyList<TeacherRow>> WithEmploymentAsync(List<TeacherRow> rows, CancellationToken ct)
    {
        var main = new Dictionary<Guid, (Guid Id, Guid OrganizationId, Guid MunicipalityId, string Organization, string Municipality, string Position)>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(5000))
        {
            var employments = await db.Employments.AsNoTracking().Where(e => chunk.Contains(e.PersonId))
                .Select(e => new { e.Id, e.PersonId, e.IsMain, e.StartDate, e.OrganizationId, e.MunicipalityId, Org = e.Organization!.ShortName, Muni = e.Organization.Municipality!.Name, Pos = e.Position!.Name })
                .ToListAsync(ct);
            foreach (var e in employments.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.Id))
                main.TryAdd(e.PersonId, (e.Id, e.OrganizationId, e.MunicipalityId, e.Org, e.Muni, e.Pos));
        }
        var withEmployment = rows.Select(r => main.TryGetValue(r.Id, out var e)
            ? r with
            {
                EmploymentId = e.Id, OrganizationId = e.OrganizationId, OrganizationName = e.Organization,
                MunicipalityId = e.MunicipalityId, MunicipalityName = e.Municipality, PositionName = e.Position,
            }
            : r).ToList();
        return await WithSubjectsAsync(withEmployment, ct);
    }

    private async Task<IReadOnlyList<TeacherRow>> WithSubjectsAsync(List<TeacherRow> rows, CancellationToken ct)
    {
        var employmentIds = rows.Where(r => r.EmploymentId != null).Select(r => r.EmploymentId!.Value).ToList();
        if (employmentIds.Count == 0) return rows;
        var subjects = new Dictionary<Guid, List<string>>();
        foreach (var chunk in employmentIds.Chunk(5000))
        {
            var pairs = await db.EmploymentSubjects.AsNoTracking().Where(s => chunk.Contains(s.EmploymentId))
                .Select(s => new { s.EmploymentId, s.Subject!.Name }).ToListAsync(ct);
            foreach (var pair in pairs)
            {
                if (!subjects.TryGetValue(pair.EmploymentId, out var list)) subjects[pair.EmploymentId] = list = [];
                list.Add(pair.Name);
            }
        }
        return rows.Select(r => r.EmploymentId is { } id && subjects.TryGetValue(id, out var names)
            ? r with { Subjects = names.Order(StringComparer.Ordinal).ToList() }
            : r).ToList();
    }
}
