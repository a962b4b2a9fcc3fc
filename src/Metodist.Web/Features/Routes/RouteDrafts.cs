using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

/// <summary>The registry around teachers, loaded once for a set of municipalities (one for a single draft, all for a batch).</summary>
public sealed class DraftRegistry : IDraftRegistry
{
    private readonly Dictionary<(Guid, Guid), List<Colleague>> _methodists = [];
    private readonly Dictionary<(Guid, Guid), List<Colleague>> _mentorsInOrganization = [];
    private readonly Dictionary<(Guid, Guid), List<Colleague>> _mentorsInMunicipality = [];
    private readonly Dictionary<Guid, List<Colleague>> _young = [];
    private readonly HashSet<(Guid, Guid)> _taken = [];
    private readonly Dictionary<Guid, DraftPairing> _menteePairings = [];
    private readonly Dictionary<Guid, List<DraftPairing>> _mentorPairings = [];

    public Colleague? LessonsToVisit(DraftTeacher teacher) =>
        teacher.MunicipalityId is { } m && teacher.SubjectId is { } s ? Other(_methodists, (m, s), teacher.PersonId) : null;

    public Colleague? PossibleMentor(DraftTeacher teacher)
    {
        if (teacher.SubjectId is not { } s) return null;
        return (teacher.OrganizationId is { } o ? Other(_mentorsInOrganization, (o, s), teacher.PersonId) : null)
            ?? (teacher.MunicipalityId is { } m ? Other(_mentorsInMunicipality, (m, s), teacher.PersonId) : null);
    }

    public Colleague? YoungColleague(DraftTeacher teacher) =>
        teacher.OrganizationId is { } o && _young.TryGetValue(o, out var list) ? list.FirstOrDefault(c => c.PersonId != teacher.PersonId) : null;

    public bool HasTaken(Guid personId, Guid courseId) => _taken.Contains((personId, courseId));

    public DraftPairing? MenteePairing(DraftTeacher teacher) => _menteePairings.GetValueOrDefault(teacher.PersonId);

    public IReadOnlyList<DraftPairing> MentorPairings(DraftTeacher teacher) => _mentorPairings.TryGetValue(teacher.PersonId, out var list) ? list : [];

    private static Colleague? Other<TKey>(Dictionary<TKey, List<Colleague>> index, TKey key, Guid self) where TKey : notnull =>
        index.TryGetValue(key, out var list) ? list.FirstOrDefault(c => c.PersonId != self) : null;

    private static void Add<TKey>(Dictionary<TKey, List<Colleague>> index, TKey key, Colleague colleague) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count < 3) list.Add(colleague);
    }

    /// <summary>
    /// Loads the registry of the given municipalities (all when null), with the courses taken by <paramref name="takenBy"/>
    /// (everyone when null). For one teacher (<paramref name="around"/>) only the colleagues that can matter are read:
    /// those of their organization and those who teach their subject.
    /// </summary>
    public static async Task<DraftRegistry> LoadAsync(AppDbContext db, Guid[]? municipalityIds, Guid[]? takenBy, DateOnly today, CancellationToken ct,
        DraftTeacher? around = null)
    {
        var registry = new DraftRegistry();
        var employments = db.Employments.AsNoTracking();
        if (municipalityIds is not null) employments = employments.Where(e => municipalityIds.Contains(e.MunicipalityId));
        if (around is not null)
        {
            var (organization, subject) = (around.OrganizationId, around.SubjectId);
            employments = employments.Where(e => e.OrganizationId == organization || e.Subjects.Any(s => s.SubjectId == subject));
        }
        var youngBornAfter = TeacherRules.YoungBornAfter(today);
        var youngStarted = TeacherRules.YoungStartedOnOrAfter(today);
        var assetStarted = TeacherRules.AssetStartedOnOrBefore(today);
        var rows = await employments
            .Where(e => e.Person!.Category == QualificationCategory.TeacherMethodist || e.Person.Category == QualificationCategory.Highest
                        || e.Person.Category == QualificationCategory.TeacherMentor
                        || (e.Person.BirthDate > youngBornAfter && e.Person.PedagogicalWorkStart >= youngStarted))
            .OrderBy(e => e.Person!.SearchName)
            .Select(e => new
            {
                e.PersonId, e.OrganizationId, e.MunicipalityId, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName, e.Person.Category,
                e.Person.BirthDate, e.Person.PedagogicalWorkStart, Organization = e.Organization!.ShortName,
                Subjects = e.Subjects.Select(s => s.SubjectId).ToList(),
            })
            .ToListAsync(ct);
        foreach (var r in rows)
        {
            var colleague = new Colleague(r.PersonId, new Person { LastName = r.LastName, FirstName = r.FirstName, MiddleName = r.MiddleName }.ShortName, r.Organization);
            if (TeacherRules.IsYoungTeacher(r.BirthDate, r.PedagogicalWorkStart, today))
            {
                Add(registry._young, r.OrganizationId, colleague);
                continue;
            }
            var experienced = r.PedagogicalWorkStart is { } start && start <= assetStarted;
            foreach (var subject in r.Subjects)
            {
                if (r.Category == QualificationCategory.TeacherMethodist) Add(registry._methodists, (r.MunicipalityId, subject), colleague);
                if (experienced)
                {
                    Add(registry._mentorsInOrganization, (r.OrganizationId, subject), colleague);
                    Add(registry._mentorsInMunicipality, (r.MunicipalityId, subject), colleague);
                }
            }
        }
        var enrolments = db.Enrolments.AsNoTracking().Where(e => e.Status != EnrolmentStatus.Cancelled);
        if (takenBy is not null) enrolments = enrolments.Where(e => takenBy.Contains(e.PersonId));
        foreach (var e in await enrolments.Select(e => new { e.PersonId, e.CourseId }).ToListAsync(ct)) registry._taken.Add((e.PersonId, e.CourseId));

        // Running mentoring pairs: the real mentor (and the mentor's own mentees) go into section 3.
        var pairs = db.MentoringPairs.Where(p => p.Status == MentoringStatus.Active);
        if (around is not null)
        {
            var self = around.PersonId;
            pairs = pairs.Where(p => p.MentorPersonId == self || p.Mentees.Any(m => m.PersonId == self));
        }
        else if (municipalityIds is not null) pairs = pairs.Where(p => municipalityIds.Contains(p.MunicipalityId));
        foreach (var pair in (await MentoringRouteItems.LoadAsync(db, pairs, ct)).OrderBy(p => p.PairId))
        {
            foreach (var mentee in pair.MenteeIds) registry._menteePairings.TryAdd(mentee, new DraftPairing(pair.PairId, pair.MenteeDetails, pair.EndDate));
            if (!registry._mentorPairings.TryGetValue(pair.MentorPersonId, out var led)) registry._mentorPairings[pair.MentorPersonId] = led = [];
            led.Add(new DraftPairing(pair.PairId, pair.MentorDetails, pair.EndDate));
        }
        return registry;
    }
}

/// <summary>Creates route drafts: one for a teacher (the page and the API), or for every teacher with a deficit (the batch).</summary>
public sealed class RouteDrafts(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static async Task<List<CatalogueCourse>> LoadCatalogueAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.EndsOn == null || c.EndsOn >= today)
            .Select(c => new
            {
                c.Id, c.Title, c.Provider, c.Kind, c.Hours, c.Form, c.StartsOn, c.EndsOn, c.FederalRegistry, c.SubjectId, c.Quota,
                Areas = c.Areas.Select(a => a.AreaId).ToList(),
                Taken = c.Enrolments.Count(e => e.Status != EnrolmentStatus.Cancelled),
            })
            .ToListAsync(ct);
        return courses.Select(c => new CatalogueCourse(c.Id, c.Title, c.Provider, c.Kind, c.Hours, c.Form, c.StartsOn, c.EndsOn, c.FederalRegistry,
                c.SubjectId, c.Areas, c.Quota is null || c.Taken < c.Quota))
            .OrderBy(c => c.Id).ToList();
    }

    /// <summary>The teacher's latest deficit profile, or null when they have no result.</summary>
    public static async Task<DraftProfile?> LatestProfileAsync(AppDbContext db, Guid personId, CancellationToken ct)
    {
        // Two plain queries: a collection inside FirstOrDefault makes EF number the rows of every result in the table.
        var result = await db.DiagnosticResults.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.TakenOn, r.Level })
            .FirstOrDefaultAsync(ct);
        if (result is null) return null;
        var areas = await db.DiagnosticResultAreas.AsNoTracking().Where(a => a.ResultId == result.Id)
            .Select(a => new DraftArea(a.AreaId, a.Area!.Code, a.Area.Name, a.Score, a.Level)).ToListAsync(ct);
        return new DraftProfile(result.Id, result.TakenOn, result.Level, areas);
    }

    /// <summary>The header of the form for a teacher: main place of work, position, first subject.</summary>
    public static async Task<(DraftTeacher Teacher, RouteHeader Header)?> TeacherAsync(AppDbContext db, Guid personId, DateOnly today, CancellationToken ct)
    {
        // Plain queries one after another, for the reason given in LatestProfileAsync.
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.BirthDate, p.PedagogicalWorkStart, p.Category }).FirstOrDefaultAsync(ct);
        if (person is null) return null;
        var e = await db.Employments.AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate)
            .Select(e => new
            {
                e.Id, e.OrganizationId, e.MunicipalityId, Organization = e.Organization!.ShortName, Municipality = e.Organization.Municipality!.Name,
                Position = e.Position!.Name,
            })
            .FirstOrDefaultAsync(ct);
        var subjects = e is null
            ? []
            : (await db.EmploymentSubjects.AsNoTracking().Where(s => s.EmploymentId == e.Id).Select(s => new { s.SubjectId, s.Subject!.Name }).ToListAsync(ct))
                .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.SubjectId, s.Name)).ToList();
        return Describe(person.Id, person.BirthDate, person.PedagogicalWorkStart, person.Category,
            e is null ? null : new TeacherPlace(e.OrganizationId, e.Organization, e.MunicipalityId, e.Municipality, e.Position), subjects, today);
    }

    /// <summary>
    /// What the drafter and the form's header need of a teacher, from their registry facts: the main place of work and
    /// the subjects there (in name order; the first is the one courses are matched to).
    /// </summary>
    public static (DraftTeacher Teacher, RouteHeader Header) Describe(Guid personId, DateOnly birthDate, DateOnly? workStart, QualificationCategory category,
        TeacherPlace? place, IReadOnlyList<(Guid Id, string Name)> subjects, DateOnly today)
    {
        var teacher = new DraftTeacher(personId, place?.OrganizationId, place?.MunicipalityId, subjects.Count == 0 ? null : subjects[0].Id,
            TeacherRules.IsYoungTeacher(birthDate, workStart, today), TeacherRules.IsEligibleForAsset(category, workStart, today));
        var header = new RouteHeader(place?.MunicipalityId, place?.Municipality, place?.OrganizationId, place?.Organization, place?.Position,
            subjects.Count == 0 ? null : string.Join(", ", subjects.Select(s => s.Name)));
        return (teacher, header);
    }

    /// <summary>Drafts and saves a route for one teacher; null when there is no such person.</summary>
    public async Task<DevelopmentRoute?> CreateAsync(Guid personId, string userName, Guid? userId, CancellationToken ct)
    {
        var today = Today;
        if (await TeacherAsync(db, personId, today, ct) is not { } found) return null;
        var (teacher, header) = found;
        var profile = await LatestProfileAsync(db, personId, ct);
        var catalogue = await LoadCatalogueAsync(db, today, ct);
        var registry = await DraftRegistry.LoadAsync(db, teacher.MunicipalityId is { } m ? [m] : [], [personId], today, ct, teacher);
        var (start, end) = RouteDrafter.Period(today);
        var route = Build(teacher, header, profile, RouteDrafter.Draft(teacher, profile, catalogue, registry, start, end), start, end, userName);
        AddDraftedStep(route, profile, userId, userName);
        route.TutorPersonId = await Asset.AssetTutors.TutorOfAsync(db, personId, ct);
        db.Routes.Add(route);
        await db.SaveChangesAsync(ct);
        return route;
    }

    public static DevelopmentRoute Build(DraftTeacher teacher, RouteHeader header, DraftProfile? profile, IReadOnlyList<DraftItem> items,
        DateOnly start, DateOnly end, string userName)
    {
        var route = new DevelopmentRoute
        {
            Id = Guid.CreateVersion7(),
            PersonId = teacher.PersonId,
            Status = RouteStatus.Draft,
            MunicipalityId = header.MunicipalityId,
            MunicipalityName = header.MunicipalityName,
            OrganizationId = header.OrganizationId,
            OrganizationName = header.OrganizationName,
            PositionName = header.PositionName,
            SubjectName = header.SubjectName,
            ResultId = profile?.ResultId,
            TestDate = profile?.TakenOn,
            DeficitLevel = profile?.Level,
            StartsOn = start,
            EndsOn = end,
            CreatedBy = userName,
        };
        var order = 0;
        foreach (var item in items)
        {
            route.Items.Add(new RouteItem
            {
                Id = Guid.CreateVersion7(), RouteId = route.Id, PersonId = teacher.PersonId, Section = item.Section, SortOrder = ++order,
                Title = Cut(item.Title, 500)!, Details = Cut(item.Details, 1000), Hours = item.Hours, Deadline = item.Deadline, DeficitAreaId = item.DeficitAreaId,
                CourseId = item.CourseId, Reason = Cut(item.Reason, 1000), MentoringPairId = item.MentoringPairId,
            });
        }
        return route;
    }

    /// <summary>The first line of a drafted route's history: who drafted it and from which result.</summary>
    public static void AddDraftedStep(DevelopmentRoute route, DraftProfile? profile, Guid? userId, string userName) => route.Transitions.Add(new RouteTransition
    {
        Id = Guid.CreateVersion7(), RouteId = route.Id, From = RouteStatus.Draft, To = RouteStatus.Draft, UserId = userId, UserName = userName,
        Comment = profile is null ? "Черновик создан без результатов диагностики" : $"Черновик составлен по результатам диагностики от {profile.TakenOn:dd.MM.yyyy}",
    });

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A teacher's main place of work as the form's header names it.</summary>
public sealed record TeacherPlace(Guid OrganizationId, string Organization, Guid MunicipalityId, string Municipality, string Position);

public sealed record RouteHeader(Guid? MunicipalityId, string? MunicipalityName, Guid? OrganizationId, string? OrganizationName, string? PositionName, string? SubjectName);
