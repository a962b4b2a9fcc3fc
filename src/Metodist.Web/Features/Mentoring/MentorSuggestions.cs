using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

/// <summary>
/// Reads the possible mentors of a young teacher and ranks them with <see cref="MentorRanking"/>. Only the candidates that
/// can matter are read: those whose main job is in the teacher's municipality, in the teacher's organization or teaching
/// one of the teacher's subjects, with at least five years of pedagogical work — a few hundred people even in a
/// municipality of thousands, never the whole region.
/// </summary>
public sealed class MentorSuggestions(AppDbContext db, MentoringPairs pairs, TimeProvider clock)
{
    /// <summary>The teacher's facts and the best suggestions, best first; null when there is no such person.</summary>
    public async Task<(MenteeFacts Mentee, IReadOnlyList<MentorSuggestion> Suggestions)?> ForAsync(Guid teacherId, int take = MentorRanking.MaxSuggestions,
        CancellationToken ct = default)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == teacherId, ct)) return null;
        var job = await db.Employments.AsNoTracking().Where(e => e.PersonId == teacherId)
            .OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.OrganizationId, e.MunicipalityId }).FirstOrDefaultAsync(ct);
        if (job is null) return (new MenteeFacts(teacherId, null, null, []), []);
        var subjects = await db.EmploymentSubjects.AsNoTracking().Where(s => s.EmploymentId == job.Id).Select(s => s.SubjectId).ToArrayAsync(ct);
        var mentee = new MenteeFacts(teacherId, job.OrganizationId, job.MunicipalityId, subjects);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var experiencedSince = TeacherRules.AssetStartedOnOrBefore(today);
        var (organization, municipality) = (job.OrganizationId, job.MunicipalityId);
        var rows = await db.Employments.AsNoTracking()
            .Where(e => e.MunicipalityId == municipality && e.IsMain && e.PersonId != teacherId
                        && (e.OrganizationId == organization || e.Subjects.Any(s => subjects.Contains(s.SubjectId)))
                        && e.Person!.PedagogicalWorkStart <= experiencedSince)
            .Select(e => new
            {
                e.PersonId, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName, e.Person.BirthDate, e.Person.PedagogicalWorkStart, e.Person.Category,
                e.OrganizationId, Organization = e.Organization!.ShortName, e.MunicipalityId,
                Subjects = e.Subjects.Select(s => new { s.SubjectId, s.Subject!.Name }).ToList(),
            })
            .ToListAsync(ct);
        var loads = await pairs.LoadsAsync(rows.Select(r => r.PersonId).ToList(), ct);
        var candidates = rows.DistinctBy(r => r.PersonId).Select(r => new MentorCandidate(
            r.PersonId, new Person { LastName = r.LastName, FirstName = r.FirstName, MiddleName = r.MiddleName }.FullName, r.OrganizationId, r.Organization,
            r.MunicipalityId, r.Subjects.Select(s => (s.SubjectId, s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), r.Category,
            TeacherRules.ExperienceYears(r.PedagogicalWorkStart, today) ?? 0, loads.GetValueOrDefault(r.PersonId),
            TeacherRules.IsYoungTeacher(r.BirthDate, r.PedagogicalWorkStart, today)));
        return (mentee, MentorRanking.Rank(mentee, candidates, await pairs.LoadLimitAsync(ct), take));
    }
}
