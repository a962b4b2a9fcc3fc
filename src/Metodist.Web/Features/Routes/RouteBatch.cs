using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

/// <summary>
/// Drafts a route for every teacher whose latest result shows a deficit and who has no open route: the whole region at
/// once, for the start of a year. Everything is read in a few set queries, drafted in memory with the same
/// <see cref="RouteDrafter"/> as a single draft, and written with bulk inserts in batches.
/// </summary>
public sealed class RouteBatch(AppDbContext db, TimeProvider clock)
{
    private const int BatchSize = 2000;

    public sealed record Outcome(int Teachers, int Routes, int Items, TimeSpan Elapsed);

    public async Task<Outcome> DraftAllAsync(string userName, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (start, end) = RouteDrafter.Period(today);

        // The latest result of each teacher.
        var results = await db.DiagnosticResults.AsNoTracking()
            .Select(r => new { r.Id, r.PersonId, r.TakenOn, r.CreatedAt, r.Level }).ToListAsync(ct);
        var latest = results.GroupBy(r => r.PersonId)
            .Select(g => g.OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.CreatedAt).First())
            .ToDictionary(r => r.Id);
        var areas = await db.CompetenceAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var profiles = new Dictionary<Guid, DraftProfile>();
        foreach (var group in (await db.DiagnosticResultAreas.AsNoTracking().Select(a => new { a.ResultId, a.AreaId, a.Score, a.Level }).ToListAsync(ct))
                     .Where(a => latest.ContainsKey(a.ResultId)).GroupBy(a => a.ResultId))
        {
            if (group.All(a => a.Level == DeficitLevel.None)) continue;
            var result = latest[group.Key];
            profiles[result.PersonId] = new DraftProfile(result.Id, result.TakenOn, result.Level,
                group.Select(a => new DraftArea(a.AreaId, areas[a.AreaId].Code, areas[a.AreaId].Name, a.Score, a.Level)).ToList());
        }
        var open = (await db.Routes.AsNoTracking().Where(r => r.Status != RouteStatus.Completed && r.Status != RouteStatus.NotCompleted)
            .Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        foreach (var personId in open) profiles.Remove(personId);

        var teachers = await LoadTeachersAsync(profiles.Keys.ToHashSet(), today, ct);
        var catalogue = await RouteDrafts.LoadCatalogueAsync(db, today, ct);
        var registry = await DraftRegistry.LoadAsync(db, null, null, today, ct);
        var tutors = await Asset.AssetTutors.TutorsAsync(db, ct);

        var routes = new List<DevelopmentRoute>();
        foreach (var (personId, profile) in profiles)
        {
            if (!teachers.TryGetValue(personId, out var found)) continue;
            var route = RouteDrafts.Build(found.Teacher, found.Header, profile, RouteDrafter.Draft(found.Teacher, profile, catalogue, registry, start, end), start, end, userName);
            RouteDrafts.AddDraftedStep(route, profile, null, userName);
            if (tutors.TryGetValue(personId, out var tutor)) route.TutorPersonId = tutor;
            routes.Add(route);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var batch in routes.Chunk(BatchSize))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await BulkInsert<DevelopmentRoute>.InsertAllAsync(db, batch, ct);
                await BulkInsert<RouteItem>.InsertAllAsync(db, batch.SelectMany(r => r.Items), ct);
                await BulkInsert<RouteTransition>.InsertAllAsync(db, batch.SelectMany(r => r.Transitions), ct);
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new Outcome(profiles.Count, routes.Count, routes.Sum(r => r.Items.Count), started.Elapsed);
    }

    private async Task<Dictionary<Guid, (DraftTeacher Teacher, RouteHeader Header)>> LoadTeachersAsync(HashSet<Guid> wanted, DateOnly today, CancellationToken ct)
    {
        var people = await db.Persons.AsNoTracking().Select(p => new { p.Id, p.BirthDate, p.PedagogicalWorkStart, p.Category }).ToListAsync(ct);
        var employments = await db.Employments.AsNoTracking()
            .Select(e => new
            {
                e.Id, e.PersonId, e.IsMain, e.StartDate, e.OrganizationId, e.MunicipalityId, Organization = e.Organization!.ShortName,
                Municipality = e.Organization.Municipality!.Name, Position = e.Position!.Name,
            })
            .ToListAsync(ct);
        var subjects = (await db.EmploymentSubjects.AsNoTracking().Select(s => new { s.EmploymentId, s.SubjectId, s.Subject!.Name }).ToListAsync(ct))
            .GroupBy(s => s.EmploymentId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
        var main = employments.Where(e => wanted.Contains(e.PersonId)).GroupBy(e => e.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate).First());
        var result = new Dictionary<Guid, (DraftTeacher, RouteHeader)>();
        foreach (var p in people.Where(p => wanted.Contains(p.Id)))
        {
            var e = main.GetValueOrDefault(p.Id);
            var subjectList = e is null ? [] : subjects.GetValueOrDefault(e.Id) ?? [];
            result[p.Id] = RouteDrafts.Describe(p.Id, p.BirthDate, p.PedagogicalWorkStart, p.Category,
                e is null ? null : new TeacherPlace(e.OrganizationId, e.Organization, e.MunicipalityId, e.Municipality, e.Position),
                subjectList.Select(s => (s.SubjectId, s.Name)).ToList(), today);
        }
        return result;
    }
}
