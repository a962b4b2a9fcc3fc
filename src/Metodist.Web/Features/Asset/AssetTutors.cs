using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

/// <summary>A regional methodist is the tutor of the routes of the teachers assigned to them (seed 004).</summary>
public static class AssetTutors
{
    /// <summary>The person of the active regional methodist the teacher is assigned to, if any.</summary>
    public static Task<Guid?> TutorOfAsync(AppDbContext db, Guid teacherId, CancellationToken ct) =>
        db.AssetAssignments.AsNoTracking()
            .Where(a => a.PersonId == teacherId && a.Methodist!.Status == AssetStatus.Active)
            .Select(a => (Guid?)a.Methodist!.PersonId).FirstOrDefaultAsync(ct);

    /// <summary>Every assigned teacher with their active methodist's person, for drafting many routes at once.</summary>
    public static async Task<Dictionary<Guid, Guid>> TutorsAsync(AppDbContext db, CancellationToken ct) =>
        (await db.AssetAssignments.AsNoTracking()
            .Where(a => a.Methodist!.Status == AssetStatus.Active)
            .Select(a => new { a.PersonId, Tutor = a.Methodist!.PersonId }).ToListAsync(ct))
        .ToDictionary(a => a.PersonId, a => a.Tutor);

    /// <summary>
    /// Makes <paramref name="tutor"/> (null: nobody) the tutor of the open routes (not yet completed or closed) of these teachers;
    /// with <paramref name="onlyWhereTutor"/>, only of the routes that person accompanies now. One set-based update for all
    /// the routes, and an audit entry for each, as the route's own change of tutor is written; call it inside a transaction.
    /// Returns how many routes changed.
    /// </summary>
    public static async Task<int> SetOnOpenRoutesAsync(AppDbContext db, AuditActor actor, IReadOnlyCollection<Guid> teacherIds, Guid? tutor,
        Guid? onlyWhereTutor, CancellationToken ct)
    {
        if (teacherIds.Count == 0) return 0;
        var teachers = teacherIds.ToArray();
        var query = db.Routes.Where(r => EF.Parameter(teachers).Contains(r.PersonId) && r.Status != RouteStatus.Completed && r.Status != RouteStatus.NotCompleted);
        if (onlyWhereTutor is { } current) query = query.Where(r => r.TutorPersonId == current);
        query = tutor is { } next ? query.Where(r => r.TutorPersonId == null || r.TutorPersonId != next) : query.Where(r => r.TutorPersonId != null);
        var changed = await query.Select(r => new { r.Id, r.PersonId, r.TutorPersonId }).ToListAsync(ct);
        if (changed.Count == 0) return 0;

        var routeIds = changed.Select(r => r.Id).ToArray();
        var now = DateTime.UtcNow;
        await db.Routes.Where(r => EF.Parameter(routeIds).Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TutorPersonId, tutor).SetProperty(r => r.UpdatedAt, now), ct);
        if (!db.AuditEnabled) return changed.Count;

        var tutorIds = changed.Where(r => r.TutorPersonId != null).Select(r => r.TutorPersonId!.Value).Append(tutor ?? Guid.Empty).Distinct().ToArray();
        var names = (await db.Persons.AsNoTracking().Where(p => tutorIds.Contains(p.Id))
                .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new Person { LastName = p.LastName, FirstName = p.FirstName, MiddleName = p.MiddleName }.ShortName);
        string? Name(Guid? id) => id is { } value ? names.GetValueOrDefault(value, value.ToString()) : null;
        var entries = changed.Select(r => new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = "ИОМ", EntityId = r.Id,
            PersonId = r.PersonId, Action = AuditAction.Updated, Field = "Тьютор", OldValue = Name(r.TutorPersonId), NewValue = Name(tutor),
        }).ToList();
        await BulkInsert<AuditEntry>.InsertAllAsync(db, entries, ct);
        return changed.Count;
    }
}
