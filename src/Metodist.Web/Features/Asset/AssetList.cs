using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Exports;
using Metodist.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

public sealed record MethodistFilter
{
    public AssetStatus? Status { get; init; }

    /// <summary>A municipality the methodist serves.</summary>
    public Guid? MunicipalityId { get; init; }

    public Guid? SubjectId { get; init; }
    public string? Search { get; init; }
    public bool OverloadedOnly { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A member of the asset as the list shows them, with the load against the norm.</summary>
public sealed record MethodistRow(
    Guid Id, Guid PersonId, string Name, string? Organization, string? WorkMunicipality, AssetStatus Status,
    IReadOnlyList<(Guid Id, string Name)> Subjects, IReadOnlyList<(Guid Id, string Name)> Municipalities, int Assigned, int Norm, DateOnly? ActiveSince)
{
    public bool Overloaded => AssetLoad.IsOverloaded(Assigned, Norm);
}

public sealed record MethodistPage(IReadOnlyList<MethodistRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The asset's indicators (DOMAIN.md): the share of teachers with the status of regional methodist and the teachers per methodist.</summary>
public sealed record AssetIndicators(int Teachers, int Active, int Assigned, int Overloaded)
{
    public double ActiveShare => Teachers == 0 ? 0 : 100.0 * Active / Teachers;
    public double TeachersPerMethodist => Active == 0 ? 0 : (double)Assigned / Active;
}

/// <summary>The list of the asset's members for the pages, the API and the XLSX export.</summary>
public sealed class AssetList(AppDbContext db, AssetService asset)
{
    public const int MaxExportRows = 20_000;

    private async Task<IQueryable<RegionalMethodist>> QueryAsync(MethodistFilter f, bool withStatus, CancellationToken ct)
    {
        var query = (await asset.VisibleAsync(ct)).AsNoTracking();
        if (withStatus && f.Status is { } status) query = query.Where(m => m.Status == status);
        if (f.MunicipalityId is { } municipality) query = query.Where(m => m.Municipalities.Any(x => x.MunicipalityId == municipality));
        if (f.SubjectId is { } subject) query = query.Where(m => m.Subjects.Any(s => s.SubjectId == subject));
        foreach (var term in SearchText.Terms(f.Search)) query = query.Where(m => m.Person!.SearchName.Contains(term));
        if (f.OverloadedOnly)
        {
            var norm = await asset.RegionNormAsync(ct);
            query = query.Where(m => db.AssetAssignments.Count(a => a.MethodistId == m.Id) > (m.LoadNorm ?? norm));
        }
        return query;
    }

    public async Task<MethodistPage> PageAsync(MethodistFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, true, ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await RowsAsync(Ordered(query).Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new MethodistPage(rows, total, page, pageSize);
    }

    /// <summary>How many members of each status match the other filters (the tabs of the list).</summary>
    public async Task<Dictionary<AssetStatus, int>> CountsAsync(MethodistFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, false, ct);
        var counts = await query.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<IReadOnlyList<MethodistRow>> AllAsync(MethodistFilter filter, CancellationToken ct = default) =>
        await RowsAsync(Ordered(await QueryAsync(filter, true, ct)).Take(MaxExportRows), ct);

    public async Task<byte[]> ExportAsync(MethodistFilter filter, CancellationToken ct = default) =>
        Xlsx.Write("Методический актив", Columns, await AllAsync(filter, ct));

    private static IQueryable<RegionalMethodist> Ordered(IQueryable<RegionalMethodist> query) => query.OrderBy(m => m.Person!.SearchName).ThenBy(m => m.Id);

    private async Task<List<MethodistRow>> RowsAsync(IQueryable<RegionalMethodist> query, CancellationToken ct)
    {
        var rows = await query.Select(m => new
        {
            m.Id, m.PersonId, m.Person!.LastName, m.Person.FirstName, m.Person.MiddleName, m.Status, m.LoadNorm, m.ActiveSince,
            Assigned = db.AssetAssignments.Count(a => a.MethodistId == m.Id),
        }).ToListAsync(ct);
        var norm = await asset.RegionNormAsync(ct);
        var places = await AssetPeople.PlacesAsync(db, rows.Select(r => r.PersonId).ToList(), ct);
        var (subjects, municipalities) = await AssetPeople.ServiceAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r =>
        {
            var place = places.GetValueOrDefault(r.PersonId);
            return new MethodistRow(r.Id, r.PersonId, AssetPeople.FullName(r.LastName, r.FirstName, r.MiddleName), place?.Organization, place?.Municipality,
                r.Status, subjects[r.Id].ToList(), municipalities[r.Id].ToList(), r.Assigned, AssetLoad.NormOf(r.LoadNorm, norm), r.ActiveSince);
        }).ToList();
    }

    /// <summary>The indicators within the user's scope: teachers of the scope, the active methodists among them, their teachers and overloads.</summary>
    public async Task<AssetIndicators> IndicatorsAsync(CancellationToken ct = default)
    {
        var scope = await asset.ScopeAsync(ct);
        var teachers = scope.SeesEveryone ? db.Persons : scope.Persons(db.Persons);
        var active = (await asset.VisibleAsync(ct)).Where(m => m.Status == AssetStatus.Active);
        var norm = await asset.RegionNormAsync(ct);
        var loads = await active.Select(m => new { m.LoadNorm, Assigned = db.AssetAssignments.Count(a => a.MethodistId == m.Id) }).ToListAsync(ct);
        var activeIds = active.Select(m => m.PersonId);
        return new AssetIndicators(
            await teachers.CountAsync(ct),
            await teachers.CountAsync(p => activeIds.Contains(p.Id), ct),
            loads.Sum(l => l.Assigned),
            loads.Count(l => AssetLoad.IsOverloaded(l.Assigned, AssetLoad.NormOf(l.LoadNorm, norm))));
    }

    private static readonly XlsxColumn<MethodistRow>[] Columns =
    [
        new("ФИО", 36, r => r.Name),
        new("Организация", 36, r => r.Organization),
        new("Муниципалитет (место работы)", 26, r => r.WorkMunicipality),
        new("Статус", 30, r => r.Status.Title()),
        new("Действующий с", 14, r => r.ActiveSince),
        new("Предметы", 36, r => string.Join(", ", r.Subjects.Select(s => s.Name))),
        new("Территория", 40, r => string.Join(", ", r.Municipalities.Select(m => m.Name))),
        new("Закреплено педагогов", 14, r => r.Assigned),
        new("Норма", 10, r => r.Norm),
        new("Перегрузка", 12, r => r.Overloaded ? "да" : "нет"),
    ];
}
