using Metodist.Web.Features.Mentoring.Adaptation;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

public sealed record YoungTeacherFilter
{
    public string? Search { get; init; }
    public Guid? MunicipalityId { get; init; }
    public Guid? OrganizationId { get; init; }
    public bool? HasMentor { get; init; }
    public AdaptationState? Adaptation { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A young teacher with their place of work, mentor, latest route and adaptation status.</summary>
public sealed record YoungTeacherRow(
    Guid Id, string FullName, DateOnly? WorkStart, Guid? OrganizationId, string? Organization, Guid? MunicipalityId, string? Municipality, string? Position,
    IReadOnlyList<string> Subjects, Guid? PairId, Guid? MentorId, string? MentorName, Guid? RouteId, RouteStatus? RouteStatus, AdaptationState Adaptation)
{
    public bool HasMentor => MentorId is not null;
}

public sealed record YoungTeacherPage(IReadOnlyList<YoungTeacherRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Young teachers (under 35 and at most three years of pedagogical work, <see cref="TeacherRules.IsYoungTeacher"/>) whose
/// private records the user may see — their route and adaptation are private — for the page, the API and the export.
/// </summary>
public sealed class YoungTeacherList(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxExportRows = 100_000;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IQueryable<Person>> QueryAsync(YoungTeacherFilter f, CancellationToken ct)
    {
        var today = Today;
        var bornAfter = TeacherRules.YoungBornAfter(today);
        var startedFrom = TeacherRules.YoungStartedOnOrAfter(today);
        var query = db.Persons.AsNoTracking().Where(p => p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today);
        foreach (var term in SearchText.Terms(f.Search)) query = query.Where(p => p.SearchName.Contains(term));
        if (f.MunicipalityId is { } m) query = query.Where(p => p.Employments.Any(e => e.MunicipalityId == m));
        if (f.OrganizationId is { } o) query = query.Where(p => p.Employments.Any(e => e.OrganizationId == o));
        if (f.HasMentor is { } has)
        {
            var mentored = db.MentoringMentees.Where(x => x.Pair!.Status == MentoringStatus.Active).Select(x => x.PersonId);
            query = has ? query.Where(p => mentored.Contains(p.Id)) : query.Where(p => !mentored.Contains(p.Id));
        }
        query = (await user.ScopeAsync(ct)).PrivatePersons(query);
        if (f.Adaptation is { } state)
        {
            // The status comes from the mean score of the latest questionnaire, a decimal that SQLite cannot compare: the
            // latest answers of the people found so far are read and the status worked out here.
            var candidates = query;
            var answers = await db.AdaptationResponses.AsNoTracking().Where(r => candidates.Any(p => p.Id == r.PersonId))
                .Select(r => new { r.PersonId, r.SubmittedAt, r.MeanScore }).ToListAsync(ct);
            var states = answers.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => AdaptationStatus.Of(g.MaxBy(r => r.SubmittedAt)!.MeanScore));
            if (state == AdaptationState.NoData)
            {
                var known = states.Where(s => s.Value != AdaptationState.NoData).Select(s => s.Key).ToArray();
                query = query.Where(p => !known.Contains(p.Id));
            }
            else
            {
                var matching = states.Where(s => s.Value == state).Select(s => s.Key).ToArray();
                query = query.Where(p => matching.Contains(p.Id));
            }
        }
        return query;
    }

    public async Task<YoungTeacherPage> PageAsync(YoungTeacherFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ids = await query.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        return new YoungTeacherPage(await RowsAsync(ids, ct), total, page, pageSize);
    }

    /// <summary>How many young teachers match the filter and how many of them have a mentor (the KPI of seed 002: 100 %).</summary>
    public async Task<(int Total, int WithMentor)> CoverageAsync(YoungTeacherFilter filter, CancellationToken ct = default)
    {
        var total = await (await QueryAsync(filter with { HasMentor = null }, ct)).CountAsync(ct);
        var withMentor = await (await QueryAsync(filter with { HasMentor = true }, ct)).CountAsync(ct);
        return (total, withMentor);
    }

    public async Task<byte[]> ExportAsync(YoungTeacherFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, ct);
        var ids = await query.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Select(p => p.Id).Take(MaxExportRows).ToListAsync(ct);
        var today = Today;
        return Xlsx.Write("Молодые педагоги", Columns(today), await RowsAsync(ids, ct));
    }

    /// <summary>The rows of the given people in the given order: places of work, mentors, routes and adaptation read for all at once.</summary>
    private async Task<List<YoungTeacherRow>> RowsAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var idArray = ids.ToArray();
        var people = await db.Persons.AsNoTracking().Where(p => idArray.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.PedagogicalWorkStart }).ToDictionaryAsync(p => p.Id, ct);
        var jobs = (await db.Employments.AsNoTracking().Where(e => idArray.Contains(e.PersonId))
                .Select(e => new
                {
                    e.Id, e.PersonId, e.IsMain, e.StartDate, e.OrganizationId, Organization = e.Organization!.ShortName, e.MunicipalityId,
                    Municipality = e.Organization.Municipality!.Name, Position = e.Position!.Name, Subjects = e.Subjects.Select(s => s.Subject!.Name).ToList(),
                })
                .ToListAsync(ct))
            .GroupBy(e => e.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.Id).First());
        var mentors = (await db.MentoringMentees.AsNoTracking().Where(m => idArray.Contains(m.PersonId) && m.Pair!.Status == MentoringStatus.Active)
                .Select(m => new { m.PersonId, m.PairId, m.Pair!.MentorPersonId, m.Pair.Mentor!.LastName, m.Pair.Mentor.FirstName, m.Pair.Mentor.MiddleName })
                .ToListAsync(ct))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First());
        var routes = (await db.Routes.AsNoTracking().Where(r => idArray.Contains(r.PersonId))
                .Select(r => new { r.Id, r.PersonId, r.Status, r.CreatedAt }).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.CreatedAt)!);
        var adaptation = await AdaptationStatus.ForAsync(db, ids, ct);
        return ids.Where(people.ContainsKey).Select(id =>
        {
            var p = people[id];
            var job = jobs.GetValueOrDefault(id);
            var mentor = mentors.GetValueOrDefault(id);
            var route = routes.GetValueOrDefault(id);
            return new YoungTeacherRow(id, Name(p.LastName, p.FirstName, p.MiddleName), p.PedagogicalWorkStart, job?.OrganizationId, job?.Organization,
                job?.MunicipalityId, job?.Municipality, job?.Position, job?.Subjects.Order(StringComparer.Ordinal).ToList() ?? [],
                mentor?.PairId, mentor?.MentorPersonId, mentor is null ? null : Name(mentor.LastName, mentor.FirstName, mentor.MiddleName),
                route?.Id, route?.Status, adaptation.GetValueOrDefault(id, AdaptationState.NoData));
        }).ToList();
    }

    private static string Name(string last, string first, string? middle) => new Person { LastName = last, FirstName = first, MiddleName = middle }.FullName;

    private static XlsxColumn<YoungTeacherRow>[] Columns(DateOnly today) =>
    [
        new("ФИО педагога", 36, r => r.FullName),
        new("Муниципальное образование", 26, r => r.Municipality),
        new("Образовательная организация", 36, r => r.Organization),
        new("Должность", 22, r => r.Position),
        new("Предметы", 30, r => string.Join(", ", r.Subjects)),
        new("Начало педагогической деятельности", 16, r => r.WorkStart),
        new("Стаж, лет", 10, r => TeacherRules.ExperienceYears(r.WorkStart, today)),
        new("Наставник", 36, r => r.MentorName ?? "нет"),
        new("ИОМ", 16, r => r.RouteStatus?.Title() ?? "нет"),
        new("Адаптация", 22, r => r.Adaptation.Title()),
    ];
}
