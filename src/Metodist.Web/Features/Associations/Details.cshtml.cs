using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

/// <summary>The card of an association: who leads it and who is in it, its plans, events, protocols and reports.</summary>
public sealed class DetailsModel(AppDbContext db, AssociationService associations, AssociationPeople people, EventService events) : PageModel
{
    public sealed record PlanLine(Guid Id, string Title, string AcademicYear, PlanKind Kind, PlanStatus Status, int Items, int Done, int Late);

    public sealed record EventLine(Guid Id, string Title, EventKind Kind, DateTime StartsAt, EventStatus Status, int Registered, int Attended);

    public sealed record ProtocolLine(Guid Id, int Number, DateOnly Date, string Agenda, int Present, int Absent, int OpenAssignments);

    public sealed record ReportLine(Guid Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, ReportStatus Status);

    public Association Association { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanJoin { get; private set; }
    public AssociationMember? Mine { get; private set; }
    public IReadOnlyList<AssociationMember> Members { get; private set; } = [];

    /// <summary>The members whose registry card this user may open; the others are shown by name only.</summary>
    public IReadOnlySet<Guid> Openable { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<AssociationMember> Requests { get; private set; } = [];
    public IReadOnlyList<PlanLine> Plans { get; private set; } = [];
    public IReadOnlyList<EventLine> Events { get; private set; } = [];
    public IReadOnlyList<ProtocolLine> Protocols { get; private set; } = [];
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];
    public int OpenAssignments { get; private set; }
    public bool HasProgramme { get; private set; }
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public string CurrentYear { get; private set; } = "";

    [BindProperty(SupportsGet = true)] public string? Find { get; set; }

    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await associations.FindAsync(id, ct);
        if (a is null) return false;
        Association = a;
        CanManage = await associations.CanManageAsync(a, ct);
        var scope = await associations.ScopeAsync(ct);
        Mine = scope.PersonId is { } me ? a.Members.FirstOrDefault(m => m.PersonId == me) : null;
        CanJoin = scope.PersonId is not null && Mine?.Status is not (MemberStatus.Active or MemberStatus.Requested) && !a.IsArchived;
        Members = a.Members.Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.Role == MemberRole.Member).ThenBy(m => m.Role).ThenBy(m => m.SortOrder).ToList();
        var memberPersons = Members.Where(m => m.PersonId is not null).Select(m => m.PersonId!.Value).ToList();
        Openable = (await scope.Persons(db.Persons.AsNoTracking()).Where(p => memberPersons.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        Requests = CanManage ? a.Members.Where(m => m.Status == MemberStatus.Requested).OrderBy(m => m.RequestedAt).ToList() : [];
        CurrentYear = AcademicYear.Of(associations.Today).ToString();

        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Items).Where(p => p.AssociationId == id)
            .OrderByDescending(p => p.AcademicYear).ThenBy(p => p.Kind).AsSplitQuery().ToListAsync(ct);
        var lines = new List<PlanLine>();
        foreach (var p in plans)
        {
            var progress = await associations.ProgressAsync(p, ct);
            lines.Add(new PlanLine(p.Id, p.Title, p.AcademicYear, p.Kind, p.Status, p.Items.Count,
                progress.Values.Count(x => x == ItemProgress.Done), progress.Values.Count(x => x == ItemProgress.Late)));
        }
        Plans = lines;
        Events = await db.Events.AsNoTracking().Where(e => e.AssociationId == id).OrderByDescending(e => e.StartsAt).Take(30)
            .Select(e => new EventLine(e.Id, e.Title, e.Kind, e.StartsAt, e.Status,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Registered), e.Registrations.Count(r => r.Attended)))
            .ToListAsync(ct);
        Protocols = await db.Protocols.AsNoTracking().Where(p => p.AssociationId == id).OrderByDescending(p => p.Date).ThenByDescending(p => p.Number)
            .Select(p => new ProtocolLine(p.Id, p.Number, p.Date, p.Agenda, p.Attendees.Count(x => x.Present), p.Attendees.Count(x => !x.Present),
                p.Assignments.Count(x => x.DoneOn == null)))
            .ToListAsync(ct);
        OpenAssignments = Protocols.Sum(p => p.OpenAssignments);
        Reports = await db.AssociationReports.AsNoTracking().Where(r => r.AssociationId == id).OrderByDescending(r => r.PeriodEnd)
            .Select(r => new ReportLine(r.Id, r.Title, r.PeriodStart, r.PeriodEnd, r.DueOn, r.Status)).ToListAsync(ct);
        HasProgramme = await db.Programmes.AnyAsync(p => p.AssociationId == id, ct);
        if (CanManage && !string.IsNullOrWhiteSpace(Find))
        {
            var found = await people.FindAsync(Find, a, 20, ct);
            var inside = a.Members.Where(m => m.Status == MemberStatus.Active && m.PersonId != null).Select(m => m.PersonId!.Value).ToHashSet();
            Candidates = found.Where(c => !inside.Contains(c.Id)).ToList();
        }
        return true;
    }

    private async Task<IActionResult> DoneAsync(Guid id, Op op, string message, CancellationToken ct)
    {
        if (op.Status == OpStatus.NotFound && Association is null) return NotFound();
        if (op.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/Associations/{id}");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", op.Message ?? "Не удалось выполнить действие.");
        Response.StatusCode = op.Status == OpStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<Association?> TrackedAsync(Guid id, CancellationToken ct) => await associations.FindAsync(id, ct);

    public async Task<IActionResult> OnPostJoinAsync(Guid id, string? comment, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var (op, _) = await associations.RequestJoinAsync(a, comment, ct);
        return await DoneAsync(id, op, "Заявка на вступление отправлена руководителю объединения.", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid memberId, bool accept, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var op = await associations.DecideAsync(a, memberId, accept, ct);
        return await DoneAsync(id, op, accept ? "Заявка принята: педагог включён в состав." : "Заявка отклонена.", ct);
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, Guid personId, MemberRole role, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var allowed = await people.FindAsync(await NameOfAsync(personId, ct), a, 50, ct);
        if (allowed.All(c => c.Id != personId))
            return await DoneAsync(id, Op.Invalid("Педагог не работает на территории объединения."), "", ct);
        var (op, member) = await associations.AddMemberAsync(a, personId, role, ct: ct);
        return await DoneAsync(id, op, $"{member?.FullName} — в составе объединения ({role.Title()}).", ct);
    }

    private async Task<string> NameOfAsync(Guid personId, CancellationToken ct) =>
        await db.Persons.Where(p => p.Id == personId).Select(p => p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName)).FirstOrDefaultAsync(ct) ?? "";

    public async Task<IActionResult> OnPostAddOutsiderAsync(Guid id, string? fullName, string? position, string? organization, MemberRole role, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var (op, member) = await associations.AddMemberAsync(a, null, role, fullName, position, organization, ct);
        return await DoneAsync(id, op, $"{member?.FullName} — в составе объединения ({role.Title()}).", ct);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var op = await associations.RemoveMemberAsync(a, memberId, ct);
        return await DoneAsync(id, op, "Участник исключён из состава.", ct);
    }

    public async Task<IActionResult> OnPostCreatePlanAsync(Guid id, string? academicYear, PlanKind kind, CancellationToken ct)
    {
        if (await TrackedAsync(id, ct) is not { } a) return NotFound();
        var (op, plan) = await associations.CreatePlanAsync(a, academicYear, kind, null, ct);
        if (op.Succeeded) return Redirect($"/Associations/Plans/{plan!.Id}");
        return await DoneAsync(id, op, "", ct);
    }
}
