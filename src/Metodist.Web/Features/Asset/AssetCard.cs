using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

/// <summary>What the card of a methodist shows beyond the record: the requirements, the service area by name, the load and the teachers.</summary>
public sealed record AssetCardView(
    AssetEligibilityResult Eligibility, IReadOnlyList<(Guid Id, string Name)> Subjects, IReadOnlyList<(Guid Id, string Name)> Municipalities,
    int Assigned, int Norm, string? TrainingCourse, IReadOnlyList<AssignedTeacher> Teachers, int HiddenTeachers);

/// <summary>A teacher assigned to the methodist, with where they work and their open route, if any.</summary>
public sealed record AssignedTeacher(Guid PersonId, string Name, WorkPlace? Place, DateOnly AssignedOn, Guid? RouteId, RouteStatus? RouteStatus);

/// <summary>Reads the card of a methodist; the assigned teachers are those the user may see in the registry.</summary>
public sealed class AssetCard(AppDbContext db, AssetService asset)
{
    public async Task<AssetCardView> LoadAsync(RegionalMethodist m, CancellationToken ct = default)
    {
        var person = m.Person!;
        var eligibility = AssetEligibility.Evaluate(person.Category, person.PedagogicalWorkStart, JudgedRequirements.Of(m), asset.Today);
        var (subjects, municipalities) = await AssetPeople.ServiceAsync(db, [m.Id], ct);
        var (assigned, norm) = await asset.LoadAsync(m, ct);
        var course = m.TrainingCourseId is { } courseId
            ? await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : null;

        var scope = await asset.ScopeAsync(ct);
        var people = scope.SeesEveryone ? db.Persons : scope.Persons(db.Persons);
        var rows = await db.AssetAssignments.AsNoTracking().Where(a => a.MethodistId == m.Id && people.Any(p => p.Id == a.PersonId))
            .OrderBy(a => a.Person!.SearchName)
            .Select(a => new
            {
                a.PersonId, a.Person!.LastName, a.Person.FirstName, a.Person.MiddleName, a.AssignedOn,
                Route = db.Routes.Where(r => r.PersonId == a.PersonId).OrderByDescending(r => r.CreatedAt).Select(r => new { r.Id, r.Status }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var places = await AssetPeople.PlacesAsync(db, rows.Select(r => r.PersonId).ToList(), ct);
        var teachers = rows.Select(r => new AssignedTeacher(r.PersonId, AssetPeople.FullName(r.LastName, r.FirstName, r.MiddleName), places.GetValueOrDefault(r.PersonId),
            r.AssignedOn, r.Route?.Id, r.Route?.Status)).ToList();
        return new AssetCardView(eligibility, subjects[m.Id].ToList(), municipalities[m.Id].ToList(), assigned, norm, course, teachers, assigned - teachers.Count);
    }
}
