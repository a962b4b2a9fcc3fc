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
}
