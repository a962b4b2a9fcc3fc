using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Notifications;
using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Asset;

public enum AssetOpStatus
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>What a change to the asset came to: done, or why not (in Russian).</summary>
public sealed record AssetOp(AssetOpStatus Status, string? Message = null)
{
    public static readonly AssetOp Ok = new(AssetOpStatus.Ok);

    public static AssetOp NotFound(string message) => new(AssetOpStatus.NotFound, message);

    public static AssetOp Forbidden(string message) => new(AssetOpStatus.Forbidden, message);

    public static AssetOp Conflict(string message) => new(AssetOpStatus.Conflict, message);

    public static AssetOp Invalid(string message) => new(AssetOpStatus.Invalid, message);

    public bool Succeeded => Status == AssetOpStatus.Ok;
}

/// <summary>A new member of the asset as the API or the candidates page gives it.</summary>
public sealed record NewMethodist(Guid PersonId, AssetStatus Status, JudgedRequirements Judged, IReadOnlyCollection<Guid> SubjectIds, IReadOnlyCollection<Guid> MunicipalityIds);

/// <summary>The teachers assigned by hand: how many were added, how many of them moved from another methodist, the load after it and the warnings.</summary>
public sealed record AssignOutcome(AssetOp Op, int Assigned, int Moved, int Total, int Norm, IReadOnlyList<string> Warnings)
{
    public static AssignOutcome Failed(AssetOp op) => new(op, 0, 0, 0, 0, []);
}

/// <summary>
/// Every change to the methodical asset: candidates and the requirements only a person can judge, the way from candidate to
/// active methodist and out, the subjects and territory served, and the teachers assigned (who then have the methodist as
/// the tutor of their open routes). Only the region administrator changes the asset; others read it within their scope.
/// </summary>
public sealed class AssetService(AppDbContext db, CurrentUser user, RegionSettings settings, AuditActor actor, Notifier notifier, TimeProvider clock)
{
    public const string AdminOnly = "Изменять методический актив может только администратор региона (ЦНППМ).";
    public const string MethodistNotFound = "Региональный методист не найден или недоступен в вашей области видимости.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<UserScope> ScopeAsync(CancellationToken ct = default) => user.ScopeAsync(ct);

    public Task<int> RegionNormAsync(CancellationToken ct = default) => settings.GetAsync(RegionSettings.AssetLoadNorm, ct);

    private string UserName => user.UserName;

    /// <summary>
    /// The members of the asset the user may see: all for the region centre; for others those who work in their scope or
    /// serve one of its municipalities (a regional methodist sees their own record).
    /// </summary>
    public async Task<IQueryable<RegionalMethodist>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (scope.SeesEveryone) return db.RegionalMethodists;
        if (scope.UserId is null) return db.RegionalMethodists.Where(_ => false);
        var municipalities = await AssetPeople.MunicipalitiesOfScopeAsync(db, scope, ct);
        var people = scope.Persons(db.Persons).Select(p => p.Id);
        return db.RegionalMethodists.Where(m => people.Contains(m.PersonId) || m.Municipalities.Any(x => municipalities.Contains(x.MunicipalityId)));
    }

    /// <summary>The member by the id of their record or, failing that, of their person; tracked, with person, service and history.</summary>
    public async Task<RegionalMethodist?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var visible = (await VisibleAsync(ct))
            .Include(m => m.Person).Include(m => m.Subjects).Include(m => m.Municipalities).Include(m => m.History)
            .AsSplitQuery();
        return await visible.FirstOrDefaultAsync(m => m.Id == id, ct) ?? await visible.FirstOrDefaultAsync(m => m.PersonId == id, ct);
    }

    /// <summary>Whether the person has a record in the asset (of any status).</summary>
    public Task<bool> IsMemberAsync(Guid personId, CancellationToken ct = default) => db.RegionalMethodists.AnyAsync(m => m.PersonId == personId, ct);

    private async Task<bool> IsAdminAsync(CancellationToken ct) => (await ScopeAsync(ct)).IsRegionAdmin;

    private async Task<bool> SeesPersonAsync(Guid personId, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        return scope.SeesEveryone ? await db.Persons.AnyAsync(p => p.Id == personId, ct) : await scope.Persons(db.Persons).AnyAsync(p => p.Id == personId, ct);
    }

    private AssetStatusChange Note(RegionalMethodist methodist, AssetStatus from, string comment) => new()
    {
        Id = Guid.CreateVersion7(), MethodistId = methodist.Id, From = from, To = methodist.Status, At = clock.GetUtcNow().UtcDateTime, UserName = UserName,
        Comment = comment,
    };

    // ---------------------------------------------------------------- members and their requirements

    public async Task<(AssetOp Op, RegionalMethodist? Methodist)> CreateAsync(NewMethodist input, CancellationToken ct = default)
    {
        if (!await IsAdminAsync(ct)) return (AssetOp.Forbidden(AdminOnly), null);
        if (input.Status == AssetStatus.Withdrawn) return (AssetOp.Invalid("В актив включают кандидатом или методистом на одном из этапов, но не выведенным."), null);
        if (!await SeesPersonAsync(input.PersonId, ct)) return (AssetOp.NotFound("Педагог не найден или недоступен в вашей области видимости."), null);
        var existing = await db.RegionalMethodists.AsNoTracking().Where(m => m.PersonId == input.PersonId).Select(m => (AssetStatus?)m.Status).FirstOrDefaultAsync(ct);
        if (existing is { } status) return (AssetOp.Conflict($"Педагог уже в методическом активе: статус «{status.Title()}»."), null);
        if (await CheckServiceAsync(input.SubjectIds, input.MunicipalityIds, ct) is { } invalid) return (invalid, null);

        var now = clock.GetUtcNow().UtcDateTime;
        var methodist = new RegionalMethodist
        {
            Id = Guid.CreateVersion7(), PersonId = input.PersonId, Status = input.Status, CreatedAt = now, UpdatedAt = now,
            ActiveSince = input.Status == AssetStatus.Active ? Today : null,
        };
        SetJudged(methodist, input.Judged);
        methodist.Subjects.AddRange(input.SubjectIds.Distinct().Select(s => new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = s }));
        methodist.Municipalities.AddRange(input.MunicipalityIds.Distinct().Select(m => new RegionalMethodistMunicipality { MethodistId = methodist.Id, MunicipalityId = m }));
        methodist.History.Add(Note(methodist, AssetStatus.Candidate, input.Status == AssetStatus.Candidate
            ? "Включён в число кандидатов"
            : $"Внесён в методический актив со статусом «{input.Status.Title()}»"));
        db.RegionalMethodists.Add(methodist);
        await db.SaveChangesAsync(ct);
        return (AssetOp.Ok, methodist);
    }

    /// <summary>
    /// Records what the administrator judged of a person: a person not yet in the asset becomes a candidate; a member keeps
    /// their status and gets the requirements changed (and noted in the history).
    /// </summary>
    public async Task<(AssetOp Op, RegionalMethodist? Methodist)> JudgeAsync(Guid personId, JudgedRequirements judged, CancellationToken ct = default)
    {
        if (!await IsAdminAsync(ct)) return (AssetOp.Forbidden(AdminOnly), null);
        var methodist = await db.RegionalMethodists.FirstOrDefaultAsync(m => m.PersonId == personId, ct);
        if (methodist is null) return await CreateAsync(new NewMethodist(personId, AssetStatus.Candidate, judged, [], []), ct);
        if (JudgedRequirements.Of(methodist) == judged) return (AssetOp.Ok, methodist);
        SetJudged(methodist, judged);
        methodist.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.AssetStatusChanges.Add(Note(methodist, methodist.Status, JudgedNote(judged)));
        await db.SaveChangesAsync(ct);
        return (AssetOp.Ok, methodist);
    }

    private static void SetJudged(RegionalMethodist methodist, JudgedRequirements judged)
    {
        methodist.IsAssociationLeader = judged.AssociationLeader;
        methodist.IsExamExpert = judged.ExamExpert;
        methodist.IsCommunityLeader = judged.CommunityLeader;
        methodist.HasHighStudentResults = judged.HighStudentResults;
    }

    internal static string JudgedNote(JudgedRequirements judged)
    {
        var met = AssetEligibility.Evaluate(Registry.QualificationCategory.None, null, judged, DateOnly.MinValue).Requirements
            .Where(r => r.IsJudged && r.Met).Select(r => r.Title).ToList();
        return met.Count == 0 ? "Требования, подтверждаемые экспертно, сняты" : "Подтверждены требования: " + string.Join("; ", met);
    }

    public async Task<AssetOp> TransitionAsync(RegionalMethodist methodist, AssetTransitionInput input, CancellationToken ct = default)
    {
        if (!await IsAdminAsync(ct)) return AssetOp.Forbidden(AdminOnly);
        string? courseTitle = null;
        if (input.CourseId is { } courseId)
            courseTitle = await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => c.Title).FirstOrDefaultAsync(ct);
        var check = AssetWorkflow.Check(methodist, input, courseTitle, Today);
        if (!check.Allowed)
            return check.Problem == AssetTransitionProblem.NotAllowed ? AssetOp.Conflict(check.Message!) : AssetOp.Invalid(check.Message!);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AssetStatusChanges.Add(AssetWorkflow.Apply(methodist, input, courseTitle, UserName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        if (input.To == AssetStatus.Withdrawn)
        {
            // A methodist who leaves the asset leaves their teachers too: they are no longer the tutor of their open routes.
            var released = await db.AssetAssignments.Where(a => a.MethodistId == methodist.Id).Select(a => new { a.Id, a.PersonId }).ToListAsync(ct);
            await db.AssetAssignments.Where(a => a.MethodistId == methodist.Id).ExecuteDeleteAsync(ct);
            await AuditAssignmentsAsync(released.Select(a => (a.Id, a.PersonId)), AuditAction.Deleted, MethodistName(methodist.Person!.LastName, methodist.Person.FirstName), ct);
            await AssetTutors.SetOnOpenRoutesAsync(db, actor, released.Select(a => a.PersonId).ToList(), null, methodist.PersonId, ct);
        }
        await transaction.CommitAsync(ct);
        return AssetOp.Ok;
    }

    /// <summary>The subjects and municipalities the methodist serves and their own load norm (null: the region's).</summary>
    public async Task<AssetOp> UpdateServiceAsync(RegionalMethodist methodist, IReadOnlyCollection<Guid> subjectIds, IReadOnlyCollection<Guid> municipalityIds,
        int? loadNorm, CancellationToken ct = default)
    {
        if (!await IsAdminAsync(ct)) return AssetOp.Forbidden(AdminOnly);
        if (await CheckServiceAsync(subjectIds, municipalityIds, ct) is { } invalid) return invalid;
        var range = RegionSettings.AssetLoadNorm;
        if (loadNorm is { } norm && (norm < range.Min || norm > range.Max)) return AssetOp.Invalid($"Норма нагрузки — от {range.Min} до {range.Max} педагогов.");
        var subjects = subjectIds.ToHashSet();
        var municipalities = municipalityIds.ToHashSet();
        methodist.Subjects.RemoveAll(s => !subjects.Contains(s.SubjectId));
        methodist.Subjects.AddRange(subjects.Where(s => methodist.Subjects.All(x => x.SubjectId != s))
            .Select(s => new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = s }));
        methodist.Municipalities.RemoveAll(m => !municipalities.Contains(m.MunicipalityId));
        methodist.Municipalities.AddRange(municipalities.Where(m => methodist.Municipalities.All(x => x.MunicipalityId != m))
            .Select(m => new RegionalMethodistMunicipality { MethodistId = methodist.Id, MunicipalityId = m }));
        methodist.LoadNorm = loadNorm;
        methodist.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return AssetOp.Ok;
    }

    private async Task<AssetOp?> CheckServiceAsync(IReadOnlyCollection<Guid> subjectIds, IReadOnlyCollection<Guid> municipalityIds, CancellationToken ct)
    {
        var subjects = subjectIds.Distinct().ToArray();
        if (subjects.Length > 0 && await db.Subjects.CountAsync(s => subjects.Contains(s.Id), ct) != subjects.Length)
            return AssetOp.Invalid("Предмет не найден в словаре предметов.");
        var municipalities = municipalityIds.Distinct().ToArray();
        if (municipalities.Length > 0 && await db.Municipalities.CountAsync(m => municipalities.Contains(m.Id), ct) != municipalities.Length)
            return AssetOp.Invalid("Муниципалитет не найден.");
        return null;
    }

    // ---------------------------------------------------------------- assigned teachers

    /// <summary>The load of the methodist now and their norm.</summary>
    public async Task<(int Assigned, int Norm)> LoadAsync(RegionalMethodist methodist, CancellationToken ct = default) =>
        (await db.AssetAssignments.CountAsync(a => a.MethodistId == methodist.Id, ct), AssetLoad.NormOf(methodist.LoadNorm, await RegionNormAsync(ct)));

    /// <summary>
    /// Assigns teachers to an active methodist by hand: a teacher assigned to another methodist moves, and the methodist becomes
    /// the tutor of the teachers' open routes. Unknown teachers are refused by id; an overload is warned about, never refused.
    /// </summary>
    public async Task<AssignOutcome> AssignAsync(RegionalMethodist methodist, IReadOnlyCollection<Guid> teacherIds, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (!scope.IsRegionAdmin) return AssignOutcome.Failed(AssetOp.Forbidden(AdminOnly));
        if (teacherIds.Count == 0) return AssignOutcome.Failed(AssetOp.Invalid("Укажите teacherIds — педагогов, которых нужно закрепить за методистом."));
        if (methodist.Status != AssetStatus.Active)
            return AssignOutcome.Failed(AssetOp.Conflict($"Педагогов закрепляют только за действующим региональным методистом; статус методиста — «{methodist.Status.Title()}»."));
        var ids = teacherIds.Distinct().ToArray();
        var known = await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0) return AssignOutcome.Failed(AssetOp.Invalid("Педагоги не найдены в реестре: " + string.Join(", ", unknown) + "."));
        if (!scope.SeesEveryone)
        {
            var visible = await scope.Persons(db.Persons).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            var outside = ids.Except(visible).ToList();
            if (outside.Count > 0) return AssignOutcome.Failed(AssetOp.NotFound("Педагоги вне вашей области видимости: " + string.Join(", ", outside) + "."));
        }
        if (ids.Contains(methodist.PersonId)) return AssignOutcome.Failed(AssetOp.Invalid("Методиста нельзя закрепить за ним самим."));

        var existing = await db.AssetAssignments.Where(a => ids.Contains(a.PersonId)).ToListAsync(ct);
        var moved = existing.Where(a => a.MethodistId != methodist.Id).ToList();
        var added = ids.Except(existing.Select(a => a.PersonId)).ToList();
        foreach (var assignment in moved)
        {
            assignment.MethodistId = methodist.Id;
            assignment.AssignedOn = Today;
            assignment.AssignedBy = UserName;
        }
        db.AssetAssignments.AddRange(added.Select(personId => new AssetAssignment
        {
            Id = Guid.CreateVersion7(), MethodistId = methodist.Id, PersonId = personId, AssignedOn = Today, AssignedBy = UserName,
        }));
        var changed = added.Concat(moved.Select(a => a.PersonId)).ToList();
        if (changed.Count > 0)
            notifier.Notify(await notifier.UserOfPersonAsync(methodist.PersonId, ct),
                $"За вами закреплено: {AssetLoad.Teachers(changed.Count)}. Вы — тьютор их маршрутов.", $"/Asset/{methodist.Id}");

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return AssignOutcome.Failed(AssetOp.Conflict("Часть педагогов закреплена другим действием в это же время; повторите закрепление."));
            }
            await AssetTutors.SetOnOpenRoutesAsync(db, actor, changed, methodist.PersonId, null, ct);
            await transaction.CommitAsync(ct);
        }

        var (total, norm) = await LoadAsync(methodist, ct);
        var warnings = new List<string>();
        if (AssetLoad.Warning(methodist.Person?.FullName ?? "Методист", total, norm) is { } overload) warnings.Add(overload);
        var outsideService = await OutsideServiceAsync(methodist, changed, ct);
        if (outsideService > 0)
            warnings.Add($"{AssetLoad.Teachers(outsideService)} вне предметов или территории, которые обслуживает методист.");
        return new AssignOutcome(AssetOp.Ok, changed.Count, moved.Count, total, norm, warnings);
    }

    /// <summary>How many of the teachers teach none of the methodist's subjects in any of the methodist's municipalities.</summary>
    private async Task<int> OutsideServiceAsync(RegionalMethodist methodist, List<Guid> teacherIds, CancellationToken ct)
    {
        if (teacherIds.Count == 0 || methodist.Subjects.Count == 0 || methodist.Municipalities.Count == 0) return 0;
        var subjects = methodist.Subjects.Select(s => s.SubjectId).ToArray();
        var municipalities = methodist.Municipalities.Select(m => m.MunicipalityId).ToArray();
        var ids = teacherIds.ToArray();
        return await db.Persons.CountAsync(p => ids.Contains(p.Id)
            && !p.Employments.Any(e => municipalities.Contains(e.MunicipalityId) && e.Subjects.Any(s => subjects.Contains(s.SubjectId))), ct);
    }

    /// <summary>Takes a teacher off the methodist; the methodist stops being the tutor of the teacher's open routes.</summary>
    public async Task<AssetOp> UnassignAsync(RegionalMethodist methodist, Guid teacherId, CancellationToken ct = default)
    {
        if (!await IsAdminAsync(ct)) return AssetOp.Forbidden(AdminOnly);
        var assignment = await db.AssetAssignments.FirstOrDefaultAsync(a => a.MethodistId == methodist.Id && a.PersonId == teacherId, ct);
        if (assignment is null) return AssetOp.NotFound("Педагог не закреплён за этим методистом.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AssetAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await AssetTutors.SetOnOpenRoutesAsync(db, actor, [teacherId], null, methodist.PersonId, ct);
        await transaction.CommitAsync(ct);
        return AssetOp.Ok;
    }

    /// <summary>The methodist as the audit log names them in an assignment.</summary>
    private static string MethodistName(string lastName, string firstName) => lastName + " " + firstName;

    /// <summary>
    /// Audit entries of assignments made or removed set-based (a bulk assignment, a withdrawal), shaped as the audit trail
    /// writes those saved one by one: under the teacher concerned, naming the methodist.
    /// </summary>
    private async Task AuditAssignmentsAsync(IEnumerable<(Guid Id, Guid PersonId)> assignments, AuditAction action, string methodist, CancellationToken ct)
    {
        if (!db.AuditEnabled) return;
        var now = DateTime.UtcNow;
        var entries = assignments.Select(a => new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = "Закрепление за региональным методистом",
            EntityId = a.Id, PersonId = a.PersonId, Action = action,
            NewValue = action == AuditAction.Created ? methodist : null, OldValue = action == AuditAction.Deleted ? methodist : null,
        }).ToList();
        if (entries.Count > 0) await BulkInsert<AuditEntry>.InsertAllAsync(db, entries, ct);
    }

    // ---------------------------------------------------------------- bulk assignment by subject and territory

    /// <summary>
    /// The plan of a bulk assignment: the unassigned teachers of <paramref name="subjectId"/> in <paramref name="municipalityId"/>
    /// (or in the whole territory of the active methodists of that subject), distributed among those methodists; with
    /// <paramref name="apply"/> it is carried out.
    /// </summary>
    public async Task<(AssetOp Op, BulkAssignment? Result)> BulkAsync(Guid subjectId, Guid? municipalityId, bool upToNorm, bool apply, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (!scope.IsRegionAdmin) return (AssetOp.Forbidden(AdminOnly), null);
        var subject = await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (subject is null) return (AssetOp.Invalid("Предмет не найден в словаре предметов."), null);
        string? municipality = null;
        if (municipalityId is { } mid)
        {
            municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == mid).Select(m => m.Name).FirstOrDefaultAsync(ct);
            if (municipality is null || (!scope.SeesEveryone && !scope.MunicipalityIds.Contains(mid))) return (AssetOp.NotFound("Муниципалитет не найден или вне вашей области видимости."), null);
        }

        var regionNorm = await RegionNormAsync(ct);
        var rows = await db.RegionalMethodists.AsNoTracking()
            .Where(m => m.Status == AssetStatus.Active && m.Subjects.Any(s => s.SubjectId == subjectId)
                && (municipalityId == null || m.Municipalities.Any(x => x.MunicipalityId == municipalityId)))
            .Select(m => new
            {
                m.Id, m.PersonId, m.Person!.LastName, m.Person.FirstName, m.Person.MiddleName, m.LoadNorm,
                Assigned = db.AssetAssignments.Count(a => a.MethodistId == m.Id),
                Municipalities = m.Municipalities.Select(x => x.MunicipalityId).ToList(),
            })
            .ToListAsync(ct);
        var methodists = rows.Select(m => new DistributionMethodist(m.Id, AssetPeople.FullName(m.LastName, m.FirstName, m.MiddleName), m.Assigned,
                AssetLoad.NormOf(m.LoadNorm, regionNorm),
                (municipalityId is { } only ? m.Municipalities.Where(x => x == only) : m.Municipalities).ToHashSet()))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

        var territory = methodists.SelectMany(m => m.Municipalities).Append(municipalityId ?? Guid.Empty).Distinct().ToArray();
        if (!scope.SeesEveryone) territory = territory.Intersect(scope.MunicipalityIds).ToArray();
        // Teachers of the subject at any place of work in the territory, not yet assigned and not methodists themselves.
        var places = await db.EmploymentSubjects.AsNoTracking()
            .Where(s => s.SubjectId == subjectId && territory.Contains(s.Employment!.MunicipalityId)
                && !db.AssetAssignments.Any(a => a.PersonId == s.Employment.PersonId)
                && !db.RegionalMethodists.Any(m => m.PersonId == s.Employment.PersonId && m.Status == AssetStatus.Active))
            .Select(s => new { s.Employment!.PersonId, s.Employment.MunicipalityId, s.Employment.IsMain, s.Employment.Person!.SearchName })
            .ToListAsync(ct);
        var teachers = places.OrderByDescending(p => p.IsMain).GroupBy(p => p.PersonId).Select(g => g.First())
            .OrderBy(p => p.SearchName, StringComparer.Ordinal).ThenBy(p => p.PersonId)
            .Select(p => new DistributionTeacher(p.PersonId, p.MunicipalityId)).ToList();
        var plan = AssetDistribution.Plan(methodists, teachers, upToNorm);
        var result = new BulkAssignment(subjectId, subject, municipalityId, municipality, teachers.Count, upToNorm,
            methodists.Select(m => new BulkMethodistLoad(m.Id, m.Name, m.Assigned, plan.LoadAfter[m.Id] - m.Assigned, plan.LoadAfter[m.Id], m.Norm)).ToList(),
            plan, apply);
        if (!apply || plan.Assignments.Count == 0) return (AssetOp.Ok, result);

        var today = Today;
        var assignments = plan.Assignments.Select(a => new AssetAssignment
        {
            Id = Guid.CreateVersion7(), MethodistId = a.MethodistId, PersonId = a.TeacherId, AssignedOn = today, AssignedBy = UserName,
        }).ToList();
        var persons = rows.ToDictionary(m => m.Id, m => m.PersonId);
        var names = rows.ToDictionary(m => m.Id, m => MethodistName(m.LastName, m.FirstName));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await BulkInsert<AssetAssignment>.InsertAllAsync(db, assignments, ct);
            foreach (var group in assignments.GroupBy(a => a.MethodistId))
                await AuditAssignmentsAsync(group.Select(a => (a.Id, a.PersonId)), AuditAction.Created, names[group.Key], ct);
        }
        catch (System.Data.Common.DbException)
        {
            // Someone assigned some of these teachers meanwhile (a teacher has one methodist): nothing is saved.
            return (AssetOp.Conflict("Часть педагогов уже закреплена другим действием; обновите предварительный расчёт и повторите."), null);
        }
        foreach (var group in plan.Assignments.GroupBy(a => a.MethodistId))
        {
            await AssetTutors.SetOnOpenRoutesAsync(db, actor, group.Select(a => a.TeacherId).ToList(), persons[group.Key], null, ct);
            notifier.Notify(await notifier.UserOfPersonAsync(persons[group.Key], ct),
                $"За вами закреплено: {AssetLoad.Teachers(group.Count())} ({subject}). Вы — тьютор их маршрутов.", $"/Asset/{group.Key}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (AssetOp.Ok, result);
    }
}

/// <summary>One methodist in a bulk assignment: the load before, the teachers added, the load after, and the norm.</summary>
public sealed record BulkMethodistLoad(Guid Id, string Name, int Before, int Adding, int After, int Norm)
{
    public bool Overloaded => AssetLoad.IsOverloaded(After, Norm);
}

/// <summary>A bulk assignment, planned or done.</summary>
public sealed record BulkAssignment(Guid SubjectId, string Subject, Guid? MunicipalityId, string? Municipality, int Teachers, bool UpToNorm,
    IReadOnlyList<BulkMethodistLoad> Methodists, DistributionPlan Plan, bool Applied)
{
    public string Summary => Applied
        ? $"Закреплено: {AssetLoad.Teachers(Plan.Assignments.Count)} за {Format.Count(Methodists.Count(m => m.Adding > 0), "методистом", "методистами", "методистами")}."
        : $"Незакреплённых педагогов по предмету «{Subject}»{(Municipality is null ? "" : $" ({Municipality})")}: {Format.Number(Teachers)}.";
}
