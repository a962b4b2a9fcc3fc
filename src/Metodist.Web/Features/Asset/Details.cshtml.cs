using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

/// <summary>A teacher found to be assigned, with the methodist they have now, if any.</summary>
public sealed record AssignableTeacher(Guid PersonId, string Name, WorkPlace? Place, string? CurrentMethodist);

/// <summary>
/// The card of a regional methodist: the requirements, the way through the statuses with the data each step needs, the
/// subjects and territory served, the load, and the assigned teachers (the region administrator changes them all).
/// </summary>
public sealed class DetailsModel(AppDbContext db, AssetService asset, AssetCard card) : PageModel
{
    private const int Shown = 20;

    /// <summary>A name to find teachers to assign.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [TempData] public string? Error { get; set; }

    public RegionalMethodist Methodist { get; private set; } = null!;
    public AssetCardView View { get; private set; } = null!;
    public WorkPlace? Place { get; private set; }
    public bool IsAdmin { get; private set; }
    public IReadOnlyList<AssetStatus> Next { get; private set; } = [];
    public List<Option> Courses { get; private set; } = [];
    public List<Option> Subjects { get; private set; } = [];
    public List<(string District, List<Option> Municipalities)> Territory { get; private set; } = [];
    public List<AssignableTeacher> Found { get; private set; } = [];

    /// <summary>How many unassigned teachers of the methodist's subjects work in their territory (when no name is searched).</summary>
    public int Suitable { get; private set; }

    public DateOnly Today => asset.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsStaff) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        View = await card.LoadAsync(Methodist, ct);
        Place = (await AssetPeople.PlacesAsync(db, [Methodist.PersonId], ct)).GetValueOrDefault(Methodist.PersonId);
        if (!IsAdmin) return Page();

        Next = AssetWorkflow.Next(Methodist.Status);
        if (Next.Contains(AssetStatus.Trained))
        {
            var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title, c.Provider, c.StartsOn }).ToListAsync(ct);
            Courses = courses.Select(c => new Option(c.Id, $"{c.Title} ({c.Provider}{(c.StartsOn is { } s ? $", {s:yyyy}" : "")})")).ToList();
        }
        Subjects = await IndexModel.SubjectOptionsAsync(db, ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.District!.Name).ThenBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, District = m.District == null ? "Без межмуниципального округа" : m.District.Name }).ToListAsync(ct);
        Territory = municipalities.GroupBy(m => m.District).Select(g => (g.Key, g.Select(m => new Option(m.Id, m.Name)).ToList())).ToList();
        if (Methodist.Status == AssetStatus.Active) await FindTeachersAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return false;
        Methodist = methodist;
        IsAdmin = (await asset.ScopeAsync(ct)).IsRegionAdmin;
        return true;
    }

    /// <summary>Teachers found by name, or, without a name, the unassigned teachers of the methodist's subjects in their territory.</summary>
    private async Task FindTeachersAsync(CancellationToken ct)
    {
        var scope = await asset.ScopeAsync(ct);
        var people = (scope.SeesEveryone ? db.Persons : scope.Persons(db.Persons)).AsNoTracking()
            .Where(p => p.Id != Methodist.PersonId && !db.AssetAssignments.Any(a => a.PersonId == p.Id && a.MethodistId == Methodist.Id));
        var terms = SearchText.Terms(Q);
        if (terms.Length > 0)
        {
            foreach (var term in terms) people = people.Where(p => p.SearchName.Contains(term));
        }
        else
        {
            var subjects = Methodist.Subjects.Select(s => s.SubjectId).ToArray();
            var municipalities = Methodist.Municipalities.Select(m => m.MunicipalityId).ToArray();
            if (subjects.Length == 0 || municipalities.Length == 0) return;
            people = people.Where(p => !db.AssetAssignments.Any(a => a.PersonId == p.Id)
                && !db.RegionalMethodists.Any(m => m.PersonId == p.Id && m.Status == AssetStatus.Active)
                && p.Employments.Any(e => municipalities.Contains(e.MunicipalityId) && e.Subjects.Any(s => subjects.Contains(s.SubjectId))));
            Suitable = await people.CountAsync(ct);
        }
        var rows = await people.OrderBy(p => p.SearchName).ThenBy(p => p.Id).Take(Shown)
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                Current = db.AssetAssignments.Where(a => a.PersonId == p.Id)
                    .Select(a => a.Methodist!.Person!.LastName + " " + a.Methodist.Person.FirstName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var places = await AssetPeople.PlacesAsync(db, rows.Select(r => r.Id).ToList(), ct);
        Found = rows.Select(r => new AssignableTeacher(r.Id, AssetPeople.FullName(r.LastName, r.FirstName, r.MiddleName), places.GetValueOrDefault(r.Id), r.Current))
            .ToList();
    }

    private IActionResult Done(AssetOp op, string success, string? anchor = null)
    {
        if (op.Status == AssetOpStatus.Forbidden) return Forbid();
        if (op.Succeeded) TempData["Message"] = success;
        else Error = op.Message;
        return Redirect($"/Asset/{Methodist.Id}" + (anchor is null ? "" : "#" + anchor));
    }

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, string? to, DateOnly? date, string? result, Guid? courseId, string? orderNumber,
        string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (AssetTitles.ParseStatus(to) is not { } status) return BadRequest();
        var op = await asset.TransitionAsync(Methodist, new AssetTransitionInput(status, date, result, courseId, orderNumber, reason), ct);
        return Done(op, $"Статус изменён: «{status.Title()}».");
    }

    public async Task<IActionResult> OnPostJudgeAsync(Guid id, bool associationLeader, bool examExpert, bool communityLeader, bool highStudentResults,
        CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (op, _) = await asset.JudgeAsync(Methodist.PersonId, new JudgedRequirements(associationLeader, examExpert, communityLeader, highStudentResults), ct);
        return Done(op, "Требования сохранены.", "requirements");
    }

    public async Task<IActionResult> OnPostServiceAsync(Guid id, List<Guid> subjectIds, List<Guid> municipalityIds, int? loadNorm, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var op = await asset.UpdateServiceAsync(Methodist, subjectIds, municipalityIds, loadNorm, ct);
        return Done(op, "Предметы, территория и норма нагрузки сохранены.", "service");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, List<Guid> teacherIds, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (teacherIds.Count == 0) return Done(AssetOp.Invalid("Отметьте педагогов, которых нужно закрепить."), "", "teachers");
        var outcome = await asset.AssignAsync(Methodist, teacherIds, ct);
        var message = $"Закреплено: {AssetLoad.Teachers(outcome.Assigned)}" + (outcome.Moved > 0 ? $" (из них от других методистов — {outcome.Moved})" : "") + ".";
        if (outcome.Warnings.Count > 0) message += " " + string.Join(" ", outcome.Warnings);
        return Done(outcome.Op, message, "teachers");
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid id, Guid teacherId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await asset.UnassignAsync(Methodist, teacherId, ct), "Педагог откреплён; методист больше не тьютор его открытого маршрута.", "teachers");
    }
}
