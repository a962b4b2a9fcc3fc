using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

public enum OpStatus
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>What a change came to: done, or why not, in Russian.</summary>
public sealed record Op(OpStatus Status, string? Message = null)
{
    public static readonly Op Ok = new(OpStatus.Ok);

    public bool Succeeded => Status == OpStatus.Ok;

    public static Op Invalid(string message) => new(OpStatus.Invalid, message);

    public static Op Forbidden(string message) => new(OpStatus.Forbidden, message);

    public static Op NotFound(string message) => new(OpStatus.NotFound, message);

    public static Op Conflict(string message) => new(OpStatus.Conflict, message);
}

public sealed record NewAssociation(
    string? Name, AssociationLevel Level, AssociationKind Kind, string? Subject, Guid? MunicipalityId, Guid? OrganizationId, Guid? LeaderId,
    Guid? BaseOrganizationId = null, string? LeaderTitle = null, string? LeaderOrderNumber = null, DateOnly? LeaderOrderDate = null,
    string? Description = null, string? ReportDates = null);

public sealed record NewPlanItem(
    string? Title, string? Content, Events.EventKind? Kind, PlanTiming? Timing, int? Month, int? EndMonth, DateOnly? Date, string? TimingNote,
    Guid? VenueOrganizationId, IReadOnlyList<Guid> ResponsibleIds, string? ResponsibleText);

/// <summary>
/// Associations, their members and plans, under the scope rules: everyone signed in sees the associations of their
/// territory; the region centre, the methodists of the association's municipality or school, and its leader manage it.
/// </summary>
public sealed class AssociationService(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string NotFoundMessage = "Объединение не найдено или недоступно в вашей области видимости.";
    public const string PlanNotFound = "План не найден или недоступен в вашей области видимости.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<UserScope> ScopeAsync(CancellationToken ct = default) => user.ScopeAsync(ct);

    public string UserName => user.UserName;

    /// <summary>The municipalities and organizations the user works in (their own places of work).</summary>
    private async Task<(Guid[] Municipalities, Guid[] Organizations, Guid[] Regions)> HomeAsync(UserScope scope, CancellationToken ct)
    {
        var me = scope.PersonId;
        var jobs = me is null ? [] : await db.Employments.AsNoTracking().Where(e => e.PersonId == me)
            .Select(e => new { e.MunicipalityId, e.OrganizationId }).ToListAsync(ct);
        var municipalities = jobs.Select(j => j.MunicipalityId).Concat(scope.MunicipalityIds).Distinct().ToArray();
        var regions = await db.Municipalities.AsNoTracking().Where(m => municipalities.Contains(m.Id)).Select(m => m.RegionId).Distinct().ToListAsync(ct);
        return (jobs.Select(j => j.MunicipalityId).Distinct().ToArray(), jobs.Select(j => j.OrganizationId).Distinct().ToArray(),
            regions.Concat(scope.RegionIds).Distinct().ToArray());
    }

    /// <summary>The associations the user may see.</summary>
    public async Task<IQueryable<Association>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return db.Associations.Where(_ => false);
        if (scope.SeesEveryone) return db.Associations;
        var (homeMunicipalities, homeOrganizations, regions) = await HomeAsync(scope, ct);
        var adminRegions = scope.RegionIds;
        var municipalities = scope.MunicipalityIds;
        var organizations = scope.OrganizationIds;
        var led = scope.Roles.Where(r => r.Role == AppRole.AssociationLead).Select(r => r.ScopeId).ToArray();
        var me = scope.PersonId;
        return db.Associations.Where(a =>
            adminRegions.Contains(a.RegionId)
            || (a.MunicipalityId != null && municipalities.Contains(a.MunicipalityId.Value))
            || (a.OrganizationId != null && (organizations.Contains(a.OrganizationId.Value) || homeOrganizations.Contains(a.OrganizationId.Value)))
            || (a.Level != AssociationLevel.School && a.MunicipalityId != null && homeMunicipalities.Contains(a.MunicipalityId.Value))
            || ((a.Level == AssociationLevel.Regional || a.Level == AssociationLevel.Intermunicipal) && regions.Contains(a.RegionId))
            || led.Contains(a.Id)
            || (me != null && (a.LeaderPersonId == me || a.Members.Any(m => m.PersonId == me && m.Status == MemberStatus.Active))));
    }

    public async Task<Association?> FindAsync(Guid id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(a => a.Members).Include(a => a.Leader).Include(a => a.Municipality).Include(a => a.Organization)
            .Include(a => a.BaseOrganization).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Whether the user manages the association: its plans, events, members, protocols and reports.</summary>
    public async Task<bool> CanManageAsync(Association a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return false;
        if (scope.SeesEveryone || scope.RegionIds.Contains(a.RegionId)) return true;
        if (scope.Roles.Any(r => r.Role == AppRole.AssociationLead && r.ScopeId == a.Id)) return true;
        if (scope.PersonId is { } me && (a.LeaderPersonId == me
            || a.Members.Any(m => m.PersonId == me && m.Status == MemberStatus.Active && m.Role is MemberRole.Leader or MemberRole.Curator or MemberRole.Secretary)))
            return true;
        if (a.Level is AssociationLevel.Regional or AssociationLevel.Intermunicipal) return false;
        if (a.MunicipalityId is { } m && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == m)) return true;
        return a.Level == AssociationLevel.School && a.OrganizationId is { } o && scope.OrganizationIds.Contains(o);
    }

    /// <summary>Whether the user may set up an association of this level at this place.</summary>
    public static bool MayCreate(UserScope scope, AssociationLevel level, Guid regionId, Guid? municipalityId, Guid? organizationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.SeesEveryone || scope.RegionIds.Contains(regionId)) return true;
        return level switch
        {
            AssociationLevel.Municipal => municipalityId is { } m && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == m),
            AssociationLevel.School => (municipalityId is { } mm && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == mm))
                || (organizationId is { } o && scope.OrganizationIds.Contains(o)),
            _ => false,
        };
    }

    public async Task<(Op Op, Association? Association)> CreateAsync(NewAssociation input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await user.ScopeAsync(ct);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return (Op.Invalid("Укажите название объединения."), null);
        if (name.Length > 500) return (Op.Invalid("Название объединения — не длиннее 500 знаков."), null);
        Organization? organization = null;
        if (input.OrganizationId is { } orgId)
        {
            organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (organization is null) return (Op.Invalid("Организация не найдена в реестре."), null);
        }
        var municipalityId = input.MunicipalityId ?? organization?.MunicipalityId;
        if (input.Level == AssociationLevel.School && organization is null)
            return (Op.Invalid("Для школьного объединения укажите образовательную организацию (organizationId)."), null);
        if (input.Level == AssociationLevel.Municipal && municipalityId is null)
            return (Op.Invalid("Для муниципального объединения укажите муниципалитет (municipalityId)."), null);
        if (organization is not null && input.MunicipalityId is { } given && given != organization.MunicipalityId)
            return (Op.Invalid("Организация относится к другому муниципалитету."), null);
        Municipality? municipality = null;
        if (municipalityId is { } mid)
        {
            municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct);
            if (municipality is null) return (Op.Invalid("Муниципалитет не найден."), null);
        }
        var regionId = municipality?.RegionId ?? scope.RegionIds.FirstOrDefault();
        if (regionId == Guid.Empty)
        {
            var home = await HomeAsync(scope, ct);
            regionId = home.Regions.FirstOrDefault();
        }
        if (regionId == Guid.Empty) return (Op.Invalid("Не удалось определить регион объединения: укажите муниципалитет."), null);
        if (!MayCreate(scope, input.Level, regionId, municipalityId, organization?.Id))
            return (Op.Forbidden(input.Level is AssociationLevel.Regional or AssociationLevel.Intermunicipal
                ? "Региональные и межмуниципальные объединения создаёт региональный центр (ЦНППМ)."
                : "Создавать объединения может методист этого муниципалитета или организации."), null);
        var check = await CheckPeopleAsync(input.LeaderId, input.BaseOrganizationId, ct);
        if (check is not null) return (check, null);
        var (subjectId, subjectText) = await SubjectAsync(input.Subject, ct);
        var association = new Association
        {
            Name = name, Level = input.Level, Kind = input.Kind, Subject = subjectText, SubjectId = subjectId, RegionId = regionId,
            DistrictId = municipality?.DistrictId, MunicipalityId = input.Level is AssociationLevel.Regional && input.MunicipalityId is null ? null : municipalityId,
            OrganizationId = input.Level == AssociationLevel.School ? organization?.Id : null,
            BaseOrganizationId = input.BaseOrganizationId ?? (input.Level == AssociationLevel.School ? organization?.Id : null),
            LeaderPersonId = input.LeaderId, LeaderTitle = Trim(input.LeaderTitle), LeaderOrderNumber = Trim(input.LeaderOrderNumber),
            LeaderOrderDate = input.LeaderOrderDate, Description = Trim(input.Description),
            ReportDates = string.IsNullOrWhiteSpace(input.ReportDates) ? "20.12, 20.05" : input.ReportDates.Trim(), CreatedBy = user.UserName,
        };
        if (input.ReportDates is not null && PlanRules.ReportDays(association.ReportDates).Count == 0)
            return (Op.Invalid("Сроки отчётов укажите как «дд.мм» через запятую, например «20.12, 20.05»."), null);
        db.Associations.Add(association);
        if (input.LeaderId is { } leader) association.Members.Add(await MemberOfAsync(association, leader, MemberRole.Leader, ct));
        await db.SaveChangesAsync(ct);
        return (Op.Ok, association);
    }

    public async Task<Op> UpdateAsync(Association a, NewAssociation input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(input);
        if (!await CanManageAsync(a, ct)) return Op.Forbidden("Изменять объединение может его руководитель или методист, который его ведёт.");
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return Op.Invalid("Укажите название объединения.");
        var check = await CheckPeopleAsync(input.LeaderId, input.BaseOrganizationId, ct);
        if (check is not null) return check;
        if (PlanRules.ReportDays(input.ReportDates).Count == 0) return Op.Invalid("Сроки отчётов укажите как «дд.мм» через запятую, например «20.12, 20.05».");
        var (subjectId, subjectText) = await SubjectAsync(input.Subject, ct);
        a.Name = name;
        a.Kind = input.Kind;
        a.Subject = subjectText;
        a.SubjectId = subjectId;
        a.BaseOrganizationId = input.BaseOrganizationId;
        a.LeaderTitle = Trim(input.LeaderTitle);
        a.LeaderOrderNumber = Trim(input.LeaderOrderNumber);
        a.LeaderOrderDate = input.LeaderOrderDate;
        a.Description = Trim(input.Description);
        a.ReportDates = input.ReportDates!.Trim();
        if (a.LeaderPersonId != input.LeaderId)
        {
            foreach (var old in a.Members.Where(m => m.Role == MemberRole.Leader && m.Status == MemberStatus.Active)) old.Role = MemberRole.Member;
            a.LeaderPersonId = input.LeaderId;
            if (input.LeaderId is { } leader)
            {
                var existing = a.Members.FirstOrDefault(m => m.PersonId == leader && m.Status == MemberStatus.Active);
                if (existing is not null) existing.Role = MemberRole.Leader;
                else
                {
                    var member = await MemberOfAsync(a, leader, MemberRole.Leader, ct);
                    a.Members.Add(member);
                    db.AssociationMembers.Add(member);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private async Task<Op?> CheckPeopleAsync(Guid? leaderId, Guid? baseOrganizationId, CancellationToken ct)
    {
        if (leaderId is { } l && !await db.Persons.AnyAsync(p => p.Id == l, ct)) return Op.Invalid("Руководитель не найден в реестре педагогов.");
        if (baseOrganizationId is { } b && !await db.Organizations.AnyAsync(o => o.Id == b, ct)) return Op.Invalid("Базовая организация не найдена в реестре.");
        return null;
    }

    /// <summary>The subject of the registry when the text names one (by id or name, in any case); the text itself otherwise.</summary>
    private async Task<(Guid? Id, string Text)> SubjectAsync(string? text, CancellationToken ct)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return (null, "");
        var subjects = await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var found = Guid.TryParse(value, out var id)
            ? subjects.FirstOrDefault(s => s.Id == id)
            : subjects.FirstOrDefault(s => AssociationTitles.Fold(s.Name) == AssociationTitles.Fold(value));
        return found is null ? (null, value.Length > 300 ? value[..300] : value) : (found.Id, found.Name);
    }

    /// <summary>A member row for a person of the registry, with the position and organization of their main place of work.</summary>
    private async Task<AssociationMember> MemberOfAsync(Association a, Guid personId, MemberRole role, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                p.LastName, p.FirstName, p.MiddleName,
                Job = p.Employments.OrderByDescending(e => e.IsMain).Select(e => new { Position = e.Position!.Name, Organization = e.Organization!.ShortName }).FirstOrDefault(),
            }).FirstAsync(ct);
        var order = a.Members.Count == 0 ? 1 : a.Members.Max(m => m.SortOrder) + 1;
        return new AssociationMember
        {
            AssociationId = a.Id, PersonId = personId,
            FullName = string.IsNullOrEmpty(person.MiddleName) ? $"{person.LastName} {person.FirstName}" : $"{person.LastName} {person.FirstName} {person.MiddleName}",
            Position = person.Job?.Position, OrganizationName = person.Job?.Organization, Role = role, Status = MemberStatus.Active, JoinedOn = Today,
            DecidedBy = user.UserName, SortOrder = order,
        };
    }

    public async Task<(Op Op, AssociationMember? Member)> AddMemberAsync(Association a, Guid? personId, MemberRole role, string? fullName = null,
        string? position = null, string? organization = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!await CanManageAsync(a, ct)) return (Op.Forbidden("Состав объединения ведёт его руководитель или методист, который его ведёт."), null);
        AssociationMember member;
        if (personId is { } id)
        {
            if (!await db.Persons.AnyAsync(p => p.Id == id, ct)) return (Op.Invalid("Педагог не найден в реестре."), null);
            var existing = a.Members.FirstOrDefault(m => m.PersonId == id);
            if (existing is { Status: MemberStatus.Active }) return (Op.Conflict("Педагог уже состоит в объединении."), null);
            member = await MemberOfAsync(a, id, role, ct);
            if (existing is not null)
            {
                existing.Status = MemberStatus.Active;
                existing.Role = role;
                existing.JoinedOn = Today;
                existing.DecidedBy = user.UserName;
                member = existing;
            }
            else
            {
                a.Members.Add(member);
                db.AssociationMembers.Add(member);
            }
        }
        else
        {
            var name = fullName?.Trim() ?? "";
            if (name.Length == 0) return (Op.Invalid("Выберите педагога из реестра или впишите ФИО участника."), null);
            member = new AssociationMember
            {
                AssociationId = a.Id, FullName = name, Position = Trim(position), OrganizationName = Trim(organization), Role = role,
                Status = MemberStatus.Active, JoinedOn = Today, DecidedBy = user.UserName,
                SortOrder = a.Members.Count == 0 ? 1 : a.Members.Max(m => m.SortOrder) + 1,
            };
            a.Members.Add(member);
            db.AssociationMembers.Add(member);
        }
        if (role == MemberRole.Leader && personId is not null)
        {
            foreach (var old in a.Members.Where(m => m != member && m.Role == MemberRole.Leader)) old.Role = MemberRole.Member;
            a.LeaderPersonId = personId;
        }
        await db.SaveChangesAsync(ct);
        return (Op.Ok, member);
    }

    /// <summary>A teacher asks to join; the leader decides.</summary>
    public async Task<(Op Op, AssociationMember? Member)> RequestJoinAsync(Association a, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var scope = await user.ScopeAsync(ct);
        if (scope.PersonId is not { } me) return (Op.Forbidden("Заявку на вступление подаёт педагог из своей учётной записи."), null);
        var existing = a.Members.FirstOrDefault(m => m.PersonId == me);
        if (existing is { Status: MemberStatus.Active }) return (Op.Conflict("Вы уже состоите в объединении."), null);
        if (existing is { Status: MemberStatus.Requested }) return (Op.Conflict("Заявка уже подана и ждёт решения руководителя."), null);
        var member = existing ?? await MemberOfAsync(a, me, MemberRole.Member, ct);
        member.Status = MemberStatus.Requested;
        member.JoinedOn = null;
        member.RequestedAt = DateTime.UtcNow;
        member.RequestComment = Trim(comment);
        member.DecidedBy = null;
        if (existing is null)
        {
            a.Members.Add(member);
            db.AssociationMembers.Add(member);
        }
        await db.SaveChangesAsync(ct);
        return (Op.Ok, member);
    }

    public async Task<Op> DecideAsync(Association a, Guid memberId, bool accept, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!await CanManageAsync(a, ct)) return Op.Forbidden("Заявки рассматривает руководитель объединения.");
        var member = a.Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null) return Op.NotFound("Заявка не найдена.");
        if (member.Status != MemberStatus.Requested) return Op.Conflict("Заявка уже рассмотрена.");
        member.Status = accept ? MemberStatus.Active : MemberStatus.Declined;
        member.JoinedOn = accept ? Today : null;
        member.DecidedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> RemoveMemberAsync(Association a, Guid memberId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!await CanManageAsync(a, ct)) return Op.Forbidden("Состав объединения ведёт его руководитель.");
        var member = a.Members.FirstOrDefault(m => m.Id == memberId && m.Status == MemberStatus.Active);
        if (member is null) return Op.NotFound("Участник не найден.");
        member.Status = MemberStatus.Left;
        if (a.LeaderPersonId == member.PersonId && member.PersonId is not null) a.LeaderPersonId = null;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    // ------------------------------------------------------------------ plans

    /// <summary>The plans the user may see: of visible associations, and published ones of anyone.</summary>
    public async Task<WorkPlan?> FindPlanAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await db.WorkPlans.Include(p => p.Items).ThenInclude(i => i.Responsible).ThenInclude(r => r.Person)
            .Include(p => p.Items).ThenInclude(i => i.VenueOrganization).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        if (plan.AssociationId is { } aid)
        {
            plan.Association = await FindAsync(aid, ct);
            if (plan.Association is null && plan.Status != PlanStatus.Published) return null;
            plan.Association ??= await db.Associations.Include(a => a.Members).FirstAsync(a => a.Id == aid, ct);
        }
        else
        {
            var scope = await user.ScopeAsync(ct);
            if (plan.Status != PlanStatus.Published && !(scope.SeesEveryone || (plan.MunicipalityId is { } m && scope.MunicipalityIds.Contains(m)))) return null;
        }
        return plan;
    }

    public async Task<bool> CanManagePlanAsync(WorkPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Association is { } a) return await CanManageAsync(a, ct);
        var scope = await user.ScopeAsync(ct);
        return scope.SeesEveryone || (plan.MunicipalityId is { } m && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == m))
            || scope.IsRegionAdmin;
    }

    public async Task<(Op Op, WorkPlan? Plan)> CreatePlanAsync(Association a, string? academicYear, PlanKind kind, string? title, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!await CanManageAsync(a, ct)) return (Op.Forbidden("План объединения составляет его руководитель или методист, который его ведёт."), null);
        if (AcademicYear.Parse(academicYear) is not { } year) return (Op.Invalid("Учебный год укажите как «2025-2026»."), null);
        if (await db.WorkPlans.AnyAsync(p => p.AssociationId == a.Id && p.AcademicYear == year.ToString() && p.Kind == kind, ct))
            return (Op.Conflict($"У объединения уже есть {kind.Title()} на {year} учебный год."), null);
        var plan = new WorkPlan
        {
            AssociationId = a.Id, Association = a, MunicipalityId = a.MunicipalityId, Kind = kind, AcademicYear = year.ToString(), Status = PlanStatus.Draft,
            Title = Trim(title) ?? (kind == PlanKind.RoadMap
                ? $"«Дорожная карта» {a.Name} на {year} учебный год"
                : $"План работы: {a.Name} на {year} учебный год"),
            CreatedBy = user.UserName,
        };
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, plan);
    }

    public async Task<(Op Op, PlanItem? Item)> AddItemAsync(WorkPlan plan, NewPlanItem input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!await CanManagePlanAsync(plan, ct)) return (Op.Forbidden("Пункты плана вносит руководитель объединения или методист, который его ведёт."), null);
        var item = new PlanItem { PlanId = plan.Id, Number = plan.Items.Count == 0 ? 1 : plan.Items.Max(i => i.Number) + 1 };
        var op = await FillAsync(item, input, ct);
        if (!op.Succeeded) return (op, null);
        plan.Items.Add(item);
        db.PlanItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, item);
    }

    public async Task<Op> UpdateItemAsync(WorkPlan plan, PlanItem item, NewPlanItem input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!await CanManagePlanAsync(plan, ct)) return Op.Forbidden("Пункты плана изменяет руководитель объединения.");
        var op = await FillAsync(item, input, ct);
        if (!op.Succeeded) return op;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private async Task<Op> FillAsync(PlanItem item, NewPlanItem input, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) return Op.Invalid("Укажите наименование мероприятия.");
        if (title.Length > 1000) return Op.Invalid("Наименование — не длиннее 1000 знаков.");
        if (input.Month is { } month && month is < 1 or > 12) return Op.Invalid("Месяц — число от 1 до 12.");
        if (input.EndMonth is { } end && end is < 1 or > 12) return Op.Invalid("Месяц окончания — число от 1 до 12.");
        if (input.VenueOrganizationId is { } venue && !await db.Organizations.AnyAsync(o => o.Id == venue, ct))
            return Op.Invalid("Площадка (организация) не найдена в реестре.");
        var ids = input.ResponsibleIds.Distinct().ToList();
        var people = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.MiddleName,
                Job = p.Employments.OrderByDescending(e => e.IsMain).Select(e => new { Position = e.Position!.Name, Organization = e.Organization!.ShortName }).FirstOrDefault(),
            }).ToListAsync(ct);
        if (people.Count != ids.Count) return Op.Invalid("Ответственный не найден в реестре педагогов.");
        var timing = input.Timing ?? (input.Date is not null ? PlanTiming.Date
            : input.Month is not null ? input.EndMonth is not null && input.EndMonth != input.Month ? PlanTiming.Months : PlanTiming.Month
            : PlanTiming.WholePeriod);
        if (timing == PlanTiming.Date && input.Date is null) return Op.Invalid("Укажите дату мероприятия.");
        if (timing is PlanTiming.Month or PlanTiming.Months && input.Month is null) return Op.Invalid("Укажите месяц мероприятия.");
        if (timing == PlanTiming.Months && input.EndMonth is null) return Op.Invalid("Укажите месяц окончания.");
        item.Title = title;
        item.Content = Trim(input.Content);
        item.Kind = input.Kind;
        item.Timing = timing;
        item.Date = timing == PlanTiming.Date ? input.Date : null;
        item.Month = timing is PlanTiming.Month or PlanTiming.Months ? input.Month : input.Date?.Month;
        item.EndMonth = timing == PlanTiming.Months ? input.EndMonth : null;
        item.TimingNote = Trim(input.TimingNote);
        item.VenueOrganizationId = input.VenueOrganizationId;
        item.Responsible.Clear();
        foreach (var id in ids) item.Responsible.Add(new PlanItemResponsible { PlanItemId = item.Id, PersonId = id });
        item.ResponsibleText = Trim(input.ResponsibleText) ?? (people.Count == 0 ? null : string.Join(", ", ids.Select(id => people.First(p => p.Id == id)).Select(p =>
        {
            var initials = $"{p.FirstName[..1]}.{(string.IsNullOrEmpty(p.MiddleName) ? "" : p.MiddleName[..1] + ".")}";
            return p.Job is null ? $"{p.LastName} {initials}" : $"{p.LastName} {initials}, {p.Job.Position.ToLowerInvariant()} {p.Job.Organization}";
        })));
        return Op.Ok;
    }

    public async Task<Op> RemoveItemAsync(WorkPlan plan, PlanItem item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!await CanManagePlanAsync(plan, ct)) return Op.Forbidden("Пункты плана изменяет руководитель объединения.");
        if (await db.Events.AnyAsync(e => e.PlanItemId == item.Id, ct)) return Op.Conflict("По пункту уже есть мероприятие: отметьте пункт перенесённым или невыполненным.");
        plan.Items.Remove(item);
        db.PlanItems.Remove(item);
        var n = 0;
        foreach (var other in plan.Items.OrderBy(i => i.Number)) other.Number = ++n;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> SetOutcomeAsync(WorkPlan plan, PlanItem item, PlanItemOutcome outcome, string? reason, DateOnly? date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(item);
        if (!await CanManagePlanAsync(plan, ct)) return Op.Forbidden("Исполнение плана отмечает руководитель объединения.");
        if (outcome is PlanItemOutcome.Moved or PlanItemOutcome.NotDone && string.IsNullOrWhiteSpace(reason))
            return Op.Invalid("Укажите причину: она войдёт в отчёт о выполнении плана.");
        item.Outcome = outcome;
        item.OutcomeReason = outcome == PlanItemOutcome.Planned ? null : Trim(reason);
        item.OutcomeDate = outcome == PlanItemOutcome.Planned ? null : date ?? Today;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>Draft → approved (with the document that approved it) → published on the public site.</summary>
    public async Task<Op> AdvancePlanAsync(WorkPlan plan, PlanStatus to, string? document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!await CanManagePlanAsync(plan, ct)) return Op.Forbidden("Утверждает и публикует план руководитель объединения или методист, который его ведёт.");
        if (plan.Items.Count == 0 && to != PlanStatus.Draft) return Op.Invalid("В плане нет ни одного пункта.");
        switch (to)
        {
            case PlanStatus.Approved when plan.Status == PlanStatus.Draft:
                plan.Status = PlanStatus.Approved;
                plan.ApprovedOn = Today;
                plan.ApprovedBy = user.UserName;
                plan.ApprovalDocument = Trim(document) ?? plan.ApprovalDocument;
                break;
            case PlanStatus.Published when plan.Status is PlanStatus.Approved or PlanStatus.Draft:
                if (plan.Status == PlanStatus.Draft)
                {
                    plan.ApprovedOn = Today;
                    plan.ApprovedBy = user.UserName;
                }
                plan.Status = PlanStatus.Published;
                plan.PublishedAt = DateTime.UtcNow;
                break;
            case PlanStatus.Draft when plan.Status != PlanStatus.Draft:
                plan.Status = PlanStatus.Draft;
                plan.PublishedAt = null;
                break;
            default:
                return Op.Conflict($"План уже в состоянии «{plan.Status.Title()}».");
        }
        plan.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>The days of events held by each item of the plan (published events whose day has come), for execution.</summary>
    public async Task<Dictionary<Guid, List<DateOnly>>> HeldEventsAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken ct = default)
    {
        var ids = itemIds.ToArray();
        var rows = await db.Events.AsNoTracking().Where(e => e.PlanItemId != null && ids.Contains(e.PlanItemId.Value) && e.Status == Events.EventStatus.Published)
            .Select(e => new { e.PlanItemId, e.StartsAt }).ToListAsync(ct);
        var zone = clock.LocalTimeZone;
        return rows.GroupBy(r => r.PlanItemId!.Value).ToDictionary(g => g.Key,
            g => g.Select(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.StartsAt, DateTimeKind.Utc), zone))).ToList());
    }

    /// <summary>Where each item of the plan stands today.</summary>
    public async Task<Dictionary<Guid, ItemProgress>> ProgressAsync(WorkPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var year = AcademicYear.Parse(plan.AcademicYear) ?? AcademicYear.Of(Today);
        var held = await HeldEventsAsync(plan.Items.Select(i => i.Id).ToList(), ct);
        return plan.Items.ToDictionary(i => i.Id, i => PlanRules.Progress(Timing(i), i.Outcome, held.GetValueOrDefault(i.Id) ?? [], year, year.Start, year.End, Today));
    }

    public static ItemTiming Timing(PlanItem item) => new(item.Timing, item.Month, item.EndMonth, item.Date);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
