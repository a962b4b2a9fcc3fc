using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Admin.Users;

public sealed record ScopeOption(Guid Id, string Name);

/// <summary>What a role can be bound to, for the administrator's forms, and the names of existing scopes.</summary>
public sealed class ScopeChoices(AppDbContext db)
{
    public IReadOnlyList<ScopeOption> Regions { get; private set; } = [];
    public IReadOnlyList<ScopeOption> Municipalities { get; private set; } = [];
    public IReadOnlyList<ScopeOption> Organizations { get; private set; } = [];

    public async Task LoadAsync(UserScope admin, CancellationToken ct)
    {
        Regions = await db.Regions.AsNoTracking().Where(r => admin.RegionIds.Contains(r.Id)).OrderBy(r => r.Name).Select(r => new ScopeOption(r.Id, r.Name)).ToListAsync(ct);
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => admin.MunicipalityIds.Contains(m.Id)).OrderBy(m => m.Name).Select(m => new ScopeOption(m.Id, m.Name)).ToListAsync(ct);
        Organizations = await db.Organizations.AsNoTracking().Where(o => admin.MunicipalityIds.Contains(o.MunicipalityId))
            .OrderBy(o => o.Municipality!.Name).ThenBy(o => o.ShortName).Select(o => new ScopeOption(o.Id, o.Municipality!.Name + " — " + o.ShortName)).ToListAsync(ct);
    }

    /// <summary>Readable names of the given scope ids (regions, municipalities, organizations, persons).</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var r in await db.Regions.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) names[r.Id] = r.Name;
        foreach (var r in await db.Municipalities.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) names[r.Id] = r.Name;
        foreach (var r in await db.Organizations.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.ShortName }).ToListAsync(ct)) names[r.Id] = r.ShortName;
        foreach (var r in await db.Persons.AsNoTracking().Where(x => list.Contains(x.Id)).Select(x => new { x.Id, x.LastName, x.FirstName, x.MiddleName }).ToListAsync(ct))
            names[r.Id] = $"{r.LastName} {r.FirstName} {r.MiddleName}".Trim();
        return names;
    }

    public static string ScopeTitle(AppRole role) => role.ScopeKindOf() switch
    {
        ScopeKind.Region => "регион",
        ScopeKind.Municipality => "муниципалитет",
        ScopeKind.Organization => "организация",
        ScopeKind.Association => "объединение",
        _ => "сам педагог",
    };
}
