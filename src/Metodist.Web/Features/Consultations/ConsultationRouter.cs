using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Asset;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

/// <summary>Reads who can answer requests at each service and routes a request with <see cref="ConsultationRouting"/>.</summary>
public sealed class ConsultationRouter(AppDbContext db)
{
    private sealed record Account(Guid UserId, string Name, Guid? PersonId);

    public async Task<RoutingDecision> RouteAsync(Guid? municipalityId, bool wantsRegion, Guid? subjectId, CancellationToken ct = default)
    {
        var municipal = municipalityId is { } m && !wantsRegion ? await MunicipalMethodistsAsync(m, ct) : [];
        if (municipal.Count > 0) return ConsultationRouting.Decide(new RoutingInput(municipalityId, wantsRegion, subjectId, municipal, [], []));
        return ConsultationRouting.Decide(new RoutingInput(municipalityId, wantsRegion, subjectId, [],
            await RegionalMethodistsAsync(municipalityId, ct), await RegionAdminsAsync(municipalityId, ct)));
    }

    /// <summary>Whether the municipality's methodological service has anyone with an account to answer requests.</summary>
    public Task<bool> HasMunicipalServiceAsync(Guid municipalityId, CancellationToken ct = default) =>
        db.RoleAssignments.AnyAsync(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == municipalityId, ct);

    /// <summary>Those a request can be assigned to at the service that handles it now.</summary>
    public async Task<IReadOnlyList<DeskCandidate>> ColleaguesAsync(ConsultationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Level == ConsultationLevel.Municipal && request.ServiceMunicipalityId is { } service)
            return await MunicipalMethodistsAsync(service, ct);
        var regional = await RegionalMethodistsAsync(request.MunicipalityId, ct);
        var admins = await RegionAdminsAsync(request.MunicipalityId, ct);
        return [.. admins, .. regional.Where(r => admins.All(a => a.UserId != r.UserId))];
    }

    /// <summary>The accounts of the municipality's methodological service (municipal methodists bound to it).</summary>
    public async Task<IReadOnlyList<DeskCandidate>> MunicipalMethodistsAsync(Guid municipalityId, CancellationToken ct = default)
    {
        var accounts = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == municipalityId)
            .Select(r => new Account(r.UserId, r.User!.DisplayName == "" ? r.User.UserName! : r.User.DisplayName, r.User.PersonId))
            .ToListAsync(ct);
        return await CandidatesAsync(accounts, null, ct);
    }

    /// <summary>The region's administrators (the ЦНППМ's accounts) of the region of the municipality, or of every region when it is unknown.</summary>
    public async Task<IReadOnlyList<DeskCandidate>> RegionAdminsAsync(Guid? municipalityId, CancellationToken ct = default)
    {
        var regions = municipalityId is { } m
            ? await db.Municipalities.AsNoTracking().Where(x => x.Id == m).Select(x => x.RegionId).ToListAsync(ct)
            : await db.Regions.AsNoTracking().Select(x => x.Id).ToListAsync(ct);
        var accounts = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == AppRole.RegionAdmin && regions.Contains(r.ScopeId))
            .Select(r => new Account(r.UserId, r.User!.DisplayName == "" ? r.User.UserName! : r.User.DisplayName, r.User.PersonId))
            .ToListAsync(ct);
        return await CandidatesAsync(accounts, null, ct);
    }

    /// <summary>Active regional methodists with an account who serve the municipality, with the subjects they cover in the asset.</summary>
    public async Task<IReadOnlyList<DeskCandidate>> RegionalMethodistsAsync(Guid? municipalityId, CancellationToken ct = default)
    {
        if (municipalityId is not { } m) return [];
        var rows = await db.RegionalMethodists.AsNoTracking()
            .Where(x => x.Status == AssetStatus.Active && x.Municipalities.Any(t => t.MunicipalityId == m))
            .Join(db.Users, x => x.PersonId, u => u.PersonId, (x, u) => new
            {
                u.Id, Name = u.DisplayName == "" ? u.UserName! : u.DisplayName, x.PersonId, Subjects = x.Subjects.Select(s => s.SubjectId).ToList(),
            })
            .ToListAsync(ct);
        var subjects = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)g.SelectMany(r => r.Subjects).ToHashSet());
        var accounts = rows.Select(r => new Account(r.Id, r.Name, r.PersonId)).ToList();
        return await CandidatesAsync(accounts, subjects, ct);
    }

    /// <summary>
    /// Each account once, with the subjects of its person's main job (or the given ones) and the number of requests
    /// assigned to it that are still new or in progress.
    /// </summary>
    private async Task<IReadOnlyList<DeskCandidate>> CandidatesAsync(List<Account> accounts, Dictionary<Guid, IReadOnlyCollection<Guid>>? subjects,
        CancellationToken ct)
    {
        accounts = accounts.DistinctBy(a => a.UserId).ToList();
        if (accounts.Count == 0) return [];
        var userIds = accounts.Select(a => (Guid?)a.UserId).ToList();
        var open = await db.ConsultationRequests.AsNoTracking()
            .Where(r => userIds.Contains(r.AssigneeUserId) && (r.Status == ConsultationStatus.New || r.Status == ConsultationStatus.InProgress))
            .GroupBy(r => r.AssigneeUserId).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var openBy = open.ToDictionary(o => o.Key!.Value, o => o.Count);
        if (subjects is null)
        {
            var personIds = accounts.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).ToList();
            var taught = await db.EmploymentSubjects.AsNoTracking()
                .Where(s => personIds.Contains(s.Employment!.PersonId) && s.Employment.IsMain)
                .Select(s => new { s.Employment!.PersonId, s.SubjectId })
                .ToListAsync(ct);
            var byPerson = taught.GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g.Select(t => t.SubjectId).ToHashSet());
            subjects = accounts.ToDictionary(a => a.UserId,
                a => (IReadOnlyCollection<Guid>)(a.PersonId is { } p && byPerson.TryGetValue(p, out var s) ? s : []));
        }
        return accounts
            .Select(a => new DeskCandidate(a.UserId, a.Name, subjects.GetValueOrDefault(a.UserId) ?? [], openBy.GetValueOrDefault(a.UserId)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }
}
