using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

public sealed record CandidateFilter
{
    /// <summary>A municipality the person works in.</summary>
    public Guid? MunicipalityId { get; init; }

    /// <summary>A subject the person teaches.</summary>
    public Guid? SubjectId { get; init; }

    public string? Search { get; init; }

    /// <summary>Only those who meet the requirements in full (the registry's and at least one judged).</summary>
    public bool EligibleOnly { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A person found by the requirements, with what they meet and miss and, for a candidate, their record.</summary>
public sealed record CandidateRow(
    Guid PersonId, string Name, string? Organization, string? Municipality, IReadOnlyList<string> Subjects, QualificationCategory Category,
    int? ExperienceYears, Guid? MethodistId, AssetEligibilityResult Eligibility)
{
    public bool IsCandidate => MethodistId is not null;
}

public sealed record CandidatePage(IReadOnlyList<CandidateRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The candidates of the asset: the people the registry finds (the highest category or «педагог-методист», five years of work)
/// who are not in the asset yet, and everyone the administrator has made a candidate. Filtered, counted and paged in the
/// database, so it stays quick at 100,000 teachers.
/// </summary>
public sealed class AssetCandidates(AppDbContext db, AssetService asset)
{
    public const int MaxExportRows = 50_000;

    private async Task<IQueryable<Person>> QueryAsync(CandidateFilter f, CancellationToken ct)
    {
        var startedBy = TeacherRules.AssetStartedOnOrBefore(asset.Today);
        var members = db.RegionalMethodists;
        var query = db.Persons.AsNoTracking().Where(p =>
            ((p.Category == QualificationCategory.Highest || p.Category == QualificationCategory.TeacherMethodist) && p.PedagogicalWorkStart <= startedBy && !members.Any(m => m.PersonId == p.Id))
            || members.Any(m => m.PersonId == p.Id && m.Status == AssetStatus.Candidate));
        if (f.EligibleOnly)
        {
            query = query.Where(p => (p.Category == QualificationCategory.Highest || p.Category == QualificationCategory.TeacherMethodist) && p.PedagogicalWorkStart <= startedBy
                && members.Any(m => m.PersonId == p.Id && (m.IsAssociationLeader || m.IsExamExpert || m.IsCommunityLeader || m.HasHighStudentResults)));
        }
        foreach (var term in SearchText.Terms(f.Search)) query = query.Where(p => p.SearchName.Contains(term));
        if (f.MunicipalityId is not null || f.SubjectId is not null)
        {
            var municipalityId = f.MunicipalityId;
            var subjectId = f.SubjectId;
            query = query.Where(p => p.Employments.Any(e => (municipalityId == null || e.MunicipalityId == municipalityId)
                && (subjectId == null || e.Subjects.Any(s => s.SubjectId == subjectId))));
        }
        var scope = await asset.ScopeAsync(ct);
        return scope.SeesEveryone ? query : scope.Persons(query);
    }

    /// <summary>Candidates already on record first, then by name.</summary>
    private IQueryable<Person> Ordered(IQueryable<Person> query) =>
        query.OrderByDescending(p => db.RegionalMethodists.Any(m => m.PersonId == p.Id)).ThenBy(p => p.SearchName).ThenBy(p => p.Id);

    public async Task<CandidatePage> PageAsync(CandidateFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        return new CandidatePage(await RowsAsync(Ordered(query).Skip((page - 1) * pageSize).Take(pageSize), ct), total, page, pageSize);
    }

    public async Task<IReadOnlyList<CandidateRow>> AllAsync(CandidateFilter filter, CancellationToken ct = default) =>
        await RowsAsync(Ordered(await QueryAsync(filter, ct)).Take(MaxExportRows), ct);

    public async Task<byte[]> ExportAsync(CandidateFilter filter, CancellationToken ct = default) =>
        Xlsx.Write("Кандидаты", Columns, await AllAsync(filter, ct));

    private async Task<List<CandidateRow>> RowsAsync(IQueryable<Person> query, CancellationToken ct)
    {
        var people = await query.Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Category, p.PedagogicalWorkStart }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToArray();
        var records = new Dictionary<Guid, RegionalMethodist>();
        foreach (var chunk in ids.Chunk(AssetPeople.Chunk))
        {
            foreach (var record in await db.RegionalMethodists.AsNoTracking().Where(m => EF.Parameter(chunk).Contains(m.PersonId)).ToListAsync(ct)) records[record.PersonId] = record;
        }
        var places = await AssetPeople.PlacesAsync(db, ids, ct);
        var today = asset.Today;
        return people.Select(p =>
        {
            var record = records.GetValueOrDefault(p.Id);
            var place = places.GetValueOrDefault(p.Id);
            var judged = record is null ? JudgedRequirements.None : JudgedRequirements.Of(record);
            return new CandidateRow(p.Id, AssetPeople.FullName(p.LastName, p.FirstName, p.MiddleName), place?.Organization, place?.Municipality,
                place?.Subjects ?? [], p.Category, TeacherRules.ExperienceYears(p.PedagogicalWorkStart, today), record?.Id,
                AssetEligibility.Evaluate(p.Category, p.PedagogicalWorkStart, judged, today));
        }).ToList();
    }

    private static string Mark(CandidateRow row, AssetRequirement requirement) => row.Eligibility.Requirements.Single(r => r.Requirement == requirement).Met ? "да" : "нет";

    private static readonly XlsxColumn<CandidateRow>[] Columns =
    [
        new("ФИО", 36, r => r.Name),
        new("Организация", 36, r => r.Organization),
        new("Муниципалитет", 24, r => r.Municipality),
        new("Предметы", 30, r => string.Join(", ", r.Subjects)),
        new("Категория", 22, r => r.Category.Title()),
        new("Стаж, лет", 10, r => r.ExperienceYears),
        new("Высшая категория", 12, r => Mark(r, AssetRequirement.Category)),
        new("Стаж от 5 лет", 12, r => Mark(r, AssetRequirement.Experience)),
        new("Руководитель МО, совета", 14, r => Mark(r, AssetRequirement.AssociationLeader)),
        new("Эксперт ГИА", 12, r => Mark(r, AssetRequirement.ExamExpert)),
        new("Лидер сообщества", 12, r => Mark(r, AssetRequirement.CommunityLeader)),
        new("Высокие результаты обучающихся", 14, r => Mark(r, AssetRequirement.HighStudentResults)),
        new("Соответствие", 26, r => r.Eligibility.Fit.Title()),
        new("Кандидат", 10, r => r.IsCandidate ? "да" : "нет"),
    ];
}
