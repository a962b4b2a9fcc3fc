using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Analytics;

public sealed record AreaShares(string Name, int None, int Partial, int Pronounced)
{
    public int Total => None + Partial + Pronounced;

    public double Share(int n) => Total == 0 ? 0 : 100.0 * n / Total;
}

public sealed record MunicipalityShares(string Name, int Teachers, int Diagnosed, int Pronounced);

/// <summary>
/// Nameless statistics of deficits for any staff member: per area and level, counts and shares of the latest result of
/// each teacher in the chosen territory. Groups smaller than <see cref="MinGroup"/> are not shown to those who could not
/// see the individual results anyway, so a tiny group cannot be traced back to a person.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public const int MinGroup = 5;

    [BindProperty(SupportsGet = true)] public Guid? DistrictId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DiagnosticId { get; set; }

    public List<Option> Districts { get; private set; } = [];
    public List<Option> Municipalities { get; private set; } = [];
    public List<Option> Organizations { get; private set; } = [];
    public List<Option> Diagnostics { get; private set; } = [];
    public List<AreaShares> Areas { get; private set; } = [];
    public AreaShares Overall { get; private set; } = new("Общий уровень", 0, 0, 0);
    public List<MunicipalityShares> ByMunicipality { get; private set; } = [];
    public bool Suppressed { get; private set; }
    public bool SeesIndividuals { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsStaff) return Redirect("/Diagnostics/My");
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => new Option(d.Id, d.Name)).ToList();
        var municipalities = db.Municipalities.AsNoTracking();
        if (DistrictId is { } district) municipalities = municipalities.Where(m => m.DistrictId == district);
        Municipalities = (await municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new Option(m.Id, m.Name)).ToList();
        if (MunicipalityId is { } muni)
            Organizations = (await db.Organizations.AsNoTracking().Where(o => o.MunicipalityId == muni).OrderBy(o => o.ShortName)
                .Select(o => new { o.Id, o.ShortName }).ToListAsync(ct)).Select(o => new Option(o.Id, o.ShortName)).ToList();
        Diagnostics = (await db.Diagnostics.AsNoTracking().OrderBy(d => d.Title).Select(d => new { d.Id, d.Title }).ToListAsync(ct))
            .Select(d => new Option(d.Id, d.Title)).ToList();

        SeesIndividuals = scope.SeesEveryone
            || (OrganizationId is { } org && (scope.OrganizationIds.Contains(org) || (MunicipalityId is { } m1 && scope.MunicipalityIds.Contains(m1))))
            || (OrganizationId is null && MunicipalityId is { } m2 && scope.MunicipalityIds.Contains(m2));

        var results = db.DiagnosticResults.AsNoTracking();
        if (DiagnosticId is { } diagnostic) results = results.Where(r => r.DiagnosticId == diagnostic);
        if (OrganizationId is { } o) results = results.Where(r => r.Person!.Employments.Any(e => e.OrganizationId == o));
        else if (MunicipalityId is { } m) results = results.Where(r => r.Person!.Employments.Any(e => e.MunicipalityId == m));
        else if (DistrictId is { } d) results = results.Where(r => r.Person!.Employments.Any(e => e.Organization!.Municipality!.DistrictId == d));
        var filtered = results;
        var latest = filtered.Where(r => !filtered.Any(x => x.PersonId == r.PersonId && (x.TakenOn > r.TakenOn || (x.TakenOn == r.TakenOn && x.CreatedAt > r.CreatedAt))));

        var overall = await latest.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Overall = new AreaShares("Общий уровень", Count(overall.Select(x => (x.Key, x.Count)), DeficitLevel.None),
            Count(overall.Select(x => (x.Key, x.Count)), DeficitLevel.Partial), Count(overall.Select(x => (x.Key, x.Count)), DeficitLevel.Pronounced));
        Suppressed = !SeesIndividuals && Overall.Total < MinGroup;
        if (Suppressed) return Page();

        var ids = latest.Select(r => r.Id);
        var areaCounts = await db.DiagnosticResultAreas.AsNoTracking().Where(a => ids.Contains(a.ResultId))
            .GroupBy(a => new { a.AreaId, a.Level }).Select(g => new { g.Key.AreaId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var areas = await db.CompetenceAreas.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        Areas = areas.Select(a =>
        {
            var rows = areaCounts.Where(c => c.AreaId == a.Id).Select(c => (c.Level, c.Count)).ToList();
            return new AreaShares(a.Name, Count(rows, DeficitLevel.None), Count(rows, DeficitLevel.Partial), Count(rows, DeficitLevel.Pronounced));
        }).Where(a => a.Total > 0).ToList();

        if (OrganizationId is null && MunicipalityId is null)
        {
            var diagnosed = await db.Employments.AsNoTracking().Where(e => e.IsMain)
                .Join(latest, e => e.PersonId, r => r.PersonId, (e, r) => new { e.MunicipalityId, r.Level })
                .GroupBy(x => x.MunicipalityId)
                .Select(g => new { g.Key, Diagnosed = g.Count(), Pronounced = g.Count(x => x.Level == DeficitLevel.Pronounced) }).ToListAsync(ct);
            var teachers = await db.Employments.AsNoTracking().Where(e => e.IsMain).GroupBy(e => e.MunicipalityId)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var names = Municipalities.ToDictionary(x => x.Value, x => x.Text);
            ByMunicipality = teachers.Where(t => names.ContainsKey(t.Key.ToString()))
                .Select(t =>
                {
                    var d = diagnosed.FirstOrDefault(x => x.Key == t.Key);
                    return new MunicipalityShares(names[t.Key.ToString()], t.Count, d?.Diagnosed ?? 0, d?.Pronounced ?? 0);
                })
                .OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        }
        return Page();
    }

    private static int Count(IEnumerable<(DeficitLevel Level, int Count)> rows, DeficitLevel level) => rows.Where(r => r.Level == level).Sum(r => r.Count);
}
