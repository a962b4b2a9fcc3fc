using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

public sealed record PairFilter
{
    public Guid? MunicipalityId { get; init; }
    public Guid? OrganizationId { get; init; }
    public MentoringStatus? Status { get; init; }
    public MentoringForm? Form { get; init; }

    /// <summary>Part of the name of the mentor or of a mentee.</summary>
    public string? Search { get; init; }

    /// <summary>Only pairs whose mentor carries more mentees than the limit.</summary>
    public bool OverloadedOnly { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A pair in a list: its people, terms, meetings held and the mentor's load against the limit.</summary>
public sealed record PairRow(
    Guid Id, Guid MentorId, string MentorName, string? MentorOrganization, IReadOnlyList<PairPerson> Mentees, MentoringForm Form, MentoringLevel Level,
    MentoringStatus Status, Guid MunicipalityId, string Municipality, DateOnly StartDate, DateOnly? EndDate, string? OrderNumber, DateOnly? OrderDate,
    int? EvaluationScore, int Meetings, decimal Hours, int MentorLoad, int LoadLimit)
{
    public bool MentorOverloaded => MentorLoad > LoadLimit;

    public string? Order => MentoringRules.OrderText(OrderNumber, OrderDate);
}

public sealed record PairListPage(IReadOnlyList<PairRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The list of pairs of the page, the API and the XLSX export: filters, counts by status, paging.</summary>
public sealed class MentoringPairList(AppDbContext db, MentoringPairs pairs)
{
    public const int MaxExportRows = 100_000;

    private async Task<IQueryable<MentoringPair>> QueryAsync(PairFilter f, bool withStatus, int limit, CancellationToken ct)
    {
        var query = (await pairs.VisibleAsync(ct)).AsNoTracking();
        if (withStatus && f.Status is { } status) query = query.Where(p => p.Status == status);
        if (f.MunicipalityId is { } m) query = query.Where(p => p.MunicipalityId == m);
        if (f.OrganizationId is { } o)
            query = query.Where(p => p.OrganizationId == o || p.Mentees.Any(x => x.Person!.Employments.Any(e => e.OrganizationId == o)));
        if (f.Form is { } form) query = query.Where(p => p.Form == form);
        foreach (var term in SearchText.Terms(f.Search))
            query = query.Where(p => p.Mentor!.SearchName.Contains(term) || p.Mentees.Any(x => x.Person!.SearchName.Contains(term)));
        if (f.OverloadedOnly)
        {
            query = query.Where(p => db.MentoringMentees.Count(x => x.Pair!.MentorPersonId == p.MentorPersonId && x.Pair.Status == MentoringStatus.Active) > limit);
        }
        return query;
    }

    public async Task<PairListPage> PageAsync(PairFilter filter, CancellationToken ct = default)
    {
        var limit = await pairs.LoadLimitAsync(ct);
        var query = await QueryAsync(filter, true, limit, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ids = await Sorted(query).Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        return new PairListPage(await RowsAsync(ids, limit, ct), total, page, pageSize);
    }

    /// <summary>How many pairs of each status match the other filters (for the tabs of the list).</summary>
    public async Task<Dictionary<MentoringStatus, int>> CountsAsync(PairFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, false, await pairs.LoadLimitAsync(ct), ct);
        var counts = await query.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<byte[]> ExportAsync(PairFilter filter, CancellationToken ct = default)
    {
        var limit = await pairs.LoadLimitAsync(ct);
        var ids = await Sorted(await QueryAsync(filter, true, limit, ct)).Select(p => p.Id).Take(MaxExportRows).ToListAsync(ct);
        return Xlsx.Write("Наставничество", Columns, await RowsAsync(ids, limit, ct));
    }

    private static IQueryable<MentoringPair> Sorted(IQueryable<MentoringPair> query) => query
        .OrderBy(p => p.Status == MentoringStatus.Active ? 0 : p.Status == MentoringStatus.Completed ? 1 : 2)
        .ThenByDescending(p => p.StartDate).ThenBy(p => p.Id);

    /// <summary>The rows of the given pairs in the given order, each part read for all of them at once.</summary>
    public async Task<List<PairRow>> RowsAsync(IReadOnlyList<Guid> ids, int limit, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var idArray = ids.ToArray();
        var heads = (await db.MentoringPairs.AsNoTracking().Where(p => idArray.Contains(p.Id))
                .Select(p => new
                {
                    p.Id, p.MentorPersonId, p.Form, p.Level, p.Status, p.MunicipalityId, Municipality = db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).First(),
                    p.StartDate, p.EndDate, p.OrderNumber, p.OrderDate, p.EvaluationScore,
                })
                .ToListAsync(ct))
            .ToDictionary(p => p.Id);
        var mentees = await db.MentoringMentees.AsNoTracking().Where(m => idArray.Contains(m.PairId)).Select(m => new { m.PairId, m.PersonId }).ToListAsync(ct);
        var meetings = (await db.MentoringMeetings.AsNoTracking().Where(m => idArray.Contains(m.PairId)).Select(m => new { m.PairId, m.Hours }).ToListAsync(ct))
            .GroupBy(m => m.PairId).ToDictionary(g => g.Key, g => (Count: g.Count(), Hours: g.Sum(m => m.Hours)));
        var personIds = mentees.Select(m => m.PersonId).Concat(heads.Values.Select(h => h.MentorPersonId)).Distinct().ToArray();
        var people = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => personIds.Contains(p.Id)), ct);
        var loads = await pairs.LoadsAsync(heads.Values.Select(h => h.MentorPersonId).ToList(), ct);
        var byPair = mentees.GroupBy(m => m.PairId).ToDictionary(g => g.Key, g => g.Select(m => people[m.PersonId]).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList());
        return ids.Where(heads.ContainsKey).Select(id =>
        {
            var h = heads[id];
            var mentor = people[h.MentorPersonId];
            var held = meetings.GetValueOrDefault(id);
            return new PairRow(id, h.MentorPersonId, mentor.FullName, mentor.Organization, byPair.GetValueOrDefault(id) ?? [], h.Form, h.Level, h.Status,
                h.MunicipalityId, h.Municipality, h.StartDate, h.EndDate, h.OrderNumber, h.OrderDate, h.EvaluationScore, held.Count, held.Hours,
                loads.GetValueOrDefault(h.MentorPersonId), limit);
        }).ToList();
    }

    private static readonly XlsxColumn<PairRow>[] Columns =
    [
        new("Наставник", 34, r => r.MentorName),
        new("Организация наставника", 34, r => r.MentorOrganization),
        new("Наставляемые", 44, r => string.Join("; ", r.Mentees.Select(m => m.FullName))),
        new("Организация наставляемых", 34, r => string.Join("; ", r.Mentees.Select(m => m.Organization).Distinct())),
        new("Муниципальное образование", 26, r => r.Municipality),
        new("Форма наставничества", 40, r => r.Form.Title()),
        new("Уровень", 26, r => r.Level.Title()),
        new("Начало", 12, r => r.StartDate),
        new("Окончание", 12, r => r.EndDate),
        new("Приказ", 24, r => r.Order),
        new("Состояние", 14, r => r.Status.Title()),
        new("Встреч", 9, r => r.Meetings),
        new("Часов", 9, r => r.Hours),
        new("Наставляемых у наставника", 14, r => r.MentorLoad),
        new("Перегрузка", 12, r => r.MentorOverloaded ? "да" : "нет"),
        new("Итоговая отметка", 12, r => r.EvaluationScore),
    ];
}
