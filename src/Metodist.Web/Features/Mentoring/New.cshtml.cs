using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

/// <summary>
/// A new pair or group for a young teacher: the ranked suggestions with a one-click «Назначить наставником» (the usual
/// terms: experienced — young, from today to the end of the academic year), and the full form for anything else.
/// </summary>
public sealed class NewModel(AppDbContext db, CurrentUser currentUser, MentoringPairs pairs, MentorSuggestions suggestions) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? MenteeId { get; set; }
    [BindProperty(SupportsGet = true)] public string? MentorSearch { get; set; }
    [BindProperty] public PairForm Input { get; set; } = new();

    public sealed class PairForm : PairTermsForm
    {
        public Guid? MentorId { get; set; }
        public List<Guid> OtherMenteeIds { get; set; } = [];
    }

    public sealed record MenteeCard(Guid Id, string FullName, string? Organization, string? Municipality, string? Position, string Subjects, DateOnly? WorkStart,
        Guid? PairId, string? MentorName);

    public MenteeCard? Mentee { get; private set; }
    public IReadOnlyList<MentorSuggestion> Suggestions { get; private set; } = [];
    public List<Option> Found { get; private set; } = [];
    public List<Option> Colleagues { get; private set; } = [];
    public int LoadLimit { get; private set; }
    public string? Error { get; private set; }
    public DateOnly Today => pairs.Today;

    /// <summary>The usual end of a pair started today: the end of the academic year, or of the next one late in spring.</summary>
    public DateOnly DefaultEnd => RouteDrafter.Period(Today).End;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsMethodist) return Forbid();
        if (MenteeId is null) return Page();
        if (!await LoadAsync(ct)) return NotFound();
        Input.MentorId = Suggestions.FirstOrDefault(s => !s.Overloaded)?.Candidate.PersonId ?? (Suggestions.Count > 0 ? Suggestions[0].Candidate.PersonId : null);
        Input.Form = MentoringForm.ExperiencedYoung.Code();
        Input.StartDate = Today;
        Input.EndDate = DefaultEnd;
        return Page();
    }

    /// <summary>One click on a suggestion: the pair with the usual terms.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid mentorId, CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsMethodist) return Forbid();
        if (MenteeId is not { } menteeId) return BadRequest();
        var input = new NewPairInput(mentorId, [menteeId], MentoringForm.ExperiencedYoung, null, Today, DefaultEnd, null, null, null);
        return await CreateAsync(input, ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsMethodist) return Forbid();
        if (MenteeId is not { } menteeId) return BadRequest();
        var input = new NewPairInput(Input.MentorId, [menteeId, .. Input.OtherMenteeIds], Input.ParsedForm ?? MentoringForm.ExperiencedYoung, Input.ParsedLevel,
            Input.StartDate, Input.EndDate, Input.OrderNumber, Input.OrderDate, Input.Goals);
        return await CreateAsync(input, ct);
    }

    private async Task<IActionResult> CreateAsync(NewPairInput input, CancellationToken ct)
    {
        var (op, pair) = await pairs.CreateAsync(input, ct);
        if (op.Succeeded)
        {
            TempData["Message"] = "Наставник назначен." + (op.Warnings.Count > 0 ? " Внимание: " + string.Join("; ", op.Warnings) + "." : "");
            return Redirect($"/Mentoring/{pair!.Id}");
        }
        if (op.Status == MentoringOpStatus.Forbidden) return Forbid();
        Error = op.Message;
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    /// <summary>The mentee's card, the suggestions, the mentors found by name and the young colleagues who could join a group.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        var id = MenteeId!.Value;
        var person = await scope.PrivatePersons(db.Persons.AsNoTracking()).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.PedagogicalWorkStart }).FirstOrDefaultAsync(ct);
        if (person is null) return false;
        var job = await db.Employments.AsNoTracking().Where(e => e.PersonId == id).OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate)
            .Select(e => new
            {
                e.OrganizationId, e.MunicipalityId, Organization = e.Organization!.ShortName, Municipality = e.Organization.Municipality!.Name, Position = e.Position!.Name,
                Subjects = e.Subjects.Select(s => s.Subject!.Name).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        var current = await db.MentoringMentees.AsNoTracking().Where(m => m.PersonId == id && m.Pair!.Status == MentoringStatus.Active)
            .Select(m => new { m.PairId, m.Pair!.Mentor!.LastName, m.Pair.Mentor.FirstName, m.Pair.Mentor.MiddleName }).FirstOrDefaultAsync(ct);
        Mentee = new MenteeCard(id, Name(person.LastName, person.FirstName, person.MiddleName), job?.Organization, job?.Municipality, job?.Position,
            job is null ? "—" : string.Join(", ", job.Subjects.Order(StringComparer.Ordinal)), person.PedagogicalWorkStart, current?.PairId,
            current is null ? null : Name(current.LastName, current.FirstName, current.MiddleName));
        Suggestions = (await suggestions.ForAsync(id, ct: ct))?.Suggestions ?? [];
        LoadLimit = await pairs.LoadLimitAsync(ct);
        if (job is null) return true;

        var terms = SearchText.Terms(MentorSearch);
        if (terms.Length > 0)
        {
            var experienced = TeacherRules.AssetStartedOnOrBefore(Today);
            var found = db.Employments.AsNoTracking()
                .Where(e => e.MunicipalityId == job.MunicipalityId && e.IsMain && e.PersonId != id && e.Person!.PedagogicalWorkStart <= experienced);
            foreach (var term in terms) found = found.Where(e => e.Person!.SearchName.Contains(term));
            var rows = await found.OrderBy(e => e.Person!.SearchName).Take(20)
                .Select(e => new { e.PersonId, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName, e.Organization!.ShortName }).ToListAsync(ct);
            Found = rows.Select(r => new Option(r.PersonId, $"{Name(r.LastName, r.FirstName, r.MiddleName)} — {r.ShortName}")).ToList();
        }

        var bornAfter = TeacherRules.YoungBornAfter(Today);
        var startedFrom = TeacherRules.YoungStartedOnOrAfter(Today);
        var today = Today;
        var mentored = db.MentoringMentees.Where(m => m.Pair!.Status == MentoringStatus.Active).Select(m => m.PersonId);
        var colleagues = await scope.PrivatePersons(db.Persons.AsNoTracking()
                .Where(p => p.Id != id && p.Employments.Any(e => e.OrganizationId == job.OrganizationId)
                            && p.BirthDate > bornAfter && p.PedagogicalWorkStart >= startedFrom && p.PedagogicalWorkStart <= today && !mentored.Contains(p.Id)))
            .OrderBy(p => p.SearchName).Take(30).Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct);
        Colleagues = colleagues.Select(c => new Option(c.Id, Name(c.LastName, c.FirstName, c.MiddleName))).ToList();
        return true;
    }

    private static string Name(string last, string first, string? middle) => new Person { LastName = last, FirstName = first, MiddleName = middle }.FullName;
}
