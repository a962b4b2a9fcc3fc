using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

/// <summary>
/// Drafts the demo's routes as the product drafts them (<see cref="RouteDrafter"/> over the catalogue and the registry read
/// from the database) on the day each was drafted, then carries each through the workflow to its planned state: who made each
/// step and when, the organization's agreement, enrolments on its courses, items done with certificates as evidence and the
/// teacher's reflective reports. Routes are drafted in the order of their dates, so that courses fill up as they would.
/// </summary>
internal sealed class DemoRoutes
{
    private static readonly Dictionary<Guid, (string Code, string Name)> AreaNames = DefaultAreas.All.ToDictionary(a => a.Id, a => (a.Code, a.Name));

    private readonly Random _rng = new(DemoGenerator.Seed + 6);
    private readonly Random _ids = new(DemoGenerator.Seed + 7);
    private readonly DemoStaff _staff;
    private readonly DemoSupportData _support;
    private readonly DateOnly _today;
    private readonly DateOnly _lastDay;
    private readonly TimeZoneInfo _zone;
    private readonly List<CatalogueCourse> _catalogue;
    private readonly IDraftRegistry _registry;

    private DemoRoutes(DemoStaff staff, DemoSupportData support, DateOnly today, TimeZoneInfo zone, List<CatalogueCourse> catalogue, IDraftRegistry registry)
    {
        _staff = staff;
        _support = support;
        _today = today;
        _lastDay = today.AddDays(-1);
        _zone = zone;
        _catalogue = catalogue;
        _registry = registry;
    }

    /// <summary>
    /// Reads the catalogue (with the enrolments saved so far) and the registry the drafter needs; <see cref="DraftAll"/> then
    /// needs no database, so it may run while other rows are written.
    /// </summary>
    public static async Task<DemoRoutes> LoadAsync(AppDbContext db, DemoStaff staff, DemoSupportData support, DateOnly today, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var earliest = support.Routes.Count == 0 ? today : support.Routes.Min(p => p.DraftedOn);
        var catalogue = await RouteDrafts.LoadCatalogueAsync(db, earliest, ct);
        var registry = await DraftRegistry.LoadAsync(db, null, null, today, ct);
        return new DemoRoutes(staff, support, today, zone, catalogue, registry);
    }

    /// <summary>Drafts and advances the planned routes; their new enrolments are added to <see cref="DemoSupportData.Enrolments"/>.</summary>
    public List<DevelopmentRoute> DraftAll()
    {
        var teacher = _staff.Data.Cast.YoungTeacher.Id;
        // Drafts are made on working days.
        foreach (var plan in _support.Routes)
        {
            var workday = DemoSupport.Workday(plan.DraftedOn, _lastDay);
            if (workday >= plan.Basis.TakenOn) plan.DraftedOn = workday;
        }
        var routes = new List<DevelopmentRoute>(_support.Routes.Count);
        foreach (var plan in _support.Routes.OrderBy(p => p.DraftedOn).ThenBy(p => p.Person.Id != teacher).ThenBy(p => p.Person.Id))
        {
            // A teacher for whom neither the catalogue nor the registry offers anything gets no route.
            if (new Progress(this, plan).Run() is { } route) routes.Add(route);
            // What the next draft sees: courses whose places the enrolments so far have taken are full.
            for (var i = 0; i < _catalogue.Count; i++)
            {
                if (_catalogue[i].HasPlaces && !_support.Enrolments.HasPlaces(_catalogue[i].Id)) _catalogue[i] = _catalogue[i] with { HasPlaces = false };
            }
        }
        return routes;
    }

    /// <summary>One route on its way: the draft, then each step up to the planned state.</summary>
    private sealed class Progress
    {
        private readonly DemoRoutes _owner;
        private readonly DemoRoutePlan _plan;
        private readonly Random _rng;
        private readonly Person _person;
        private readonly Organization _organization;
        private readonly Municipality _municipality;
        private readonly bool _female;
        private readonly DemoActor _teacher;
        private readonly DemoActor? _tutor;
        private DevelopmentRoute _route = null!;
        private DateTime _last;

        /// <summary>The last day anything can happen on the route: the day it closed, or yesterday.</summary>
        private DateOnly _bound;

        public Progress(DemoRoutes owner, DemoRoutePlan plan)
        {
            _owner = owner;
            _plan = plan;
            _rng = owner._rng;
            _person = plan.Person;
            var job = DemoStaff.MainJob(_person);
            _organization = owner._staff.Organization(job.OrganizationId);
            _municipality = owner._staff.Municipality(job.MunicipalityId);
            _female = _person.MiddleName?.EndsWith("на", StringComparison.Ordinal) ?? true;
            _teacher = owner._staff.Of(_person);
            _bound = owner._lastDay;
            _tutor = plan.Tutor is null ? null : owner._staff.Of(plan.Tutor);
        }

        private DemoActor SchoolMethodist => _owner._staff.SchoolMethodist(_organization.Id);
        private DemoActor MunicipalMethodist => _owner._staff.MunicipalMethodist(_municipality.Id);
        private DemoActor TutorOrMethodist => _tutor ?? MunicipalMethodist;

        public DevelopmentRoute? Run()
        {
            var creator = _rng.NextDouble() switch
            {
                < 0.35 when _tutor is not null => _tutor,
                < 0.7 => MunicipalMethodist,
                _ => _teacher,
            };
            Draft(creator);
            if (_route.Items.Count == 0) return null;
            _last = DateTime.MinValue;
            Step(_plan.DraftedOn, RouteStatus.Draft, RouteStatus.Draft, creator, $"Черновик составлен по результатам диагностики от {_plan.Basis.TakenOn:dd.MM.yyyy}");
            _route.CreatedAt = _last;
            if (_plan.Status == RouteStatus.Draft)
            {
                if (_plan.SentBack)
                {
                    Step(After(1, 3), RouteStatus.Draft, RouteStatus.Submitted, _rng.Chance(0.6) ? _teacher : TutorOrMethodist, null);
                    Step(After(1, 3), RouteStatus.Submitted, RouteStatus.Draft, _rng.Chance(0.6) ? SchoolMethodist : MunicipalMethodist,
                        _rng.Pick(DemoRouteTexts.ReturnComments));
                }
                return Finish();
            }

            AddCommunity();
            Step(After(0, 4), RouteStatus.Draft, RouteStatus.Submitted, _rng.Chance(0.6) ? _teacher : TutorOrMethodist,
                _rng.Chance(0.35) ? _rng.Pick(DemoRouteTexts.SubmitComments) : null);
            if (_plan.Agreed) Agreement(After(1, 5), SchoolMethodist, _rng.Chance(0.6) ? _rng.Pick(DemoRouteTexts.AgreementComments) : null);
            if (_plan.Status == RouteStatus.Submitted) return Finish();

            Step(After(2, 12), RouteStatus.Submitted, RouteStatus.Approved, _owner._staff.Approver(_rng), _rng.Chance(0.3) ? "Утверждаю." : null);
            var approved = Day(_last);
            if (_plan.Status == RouteStatus.Approved)
            {
                EnrolAhead(approved);
                return Finish();
            }

            // Routes approved in late spring or summer start with the academic year.
            var start = approved.Month is >= 5 and <= 8 ? _rng.Day(new DateOnly(approved.Year, 9, 1), new DateOnly(approved.Year, 9, 10)) : approved.AddDays(_rng.Next(1, 6));
            Step(start, RouteStatus.Approved, RouteStatus.InProgress, _rng.Chance(0.7) ? _teacher : TutorOrMethodist,
                _rng.Chance(0.4) ? _rng.Pick(DemoRouteTexts.StartComments) : null);

            var closing = _plan.Status switch
            {
                RouteStatus.Completed => _rng.Day(_route.EndsOn.AddDays(1), _route.EndsOn.AddDays(20)),
                RouteStatus.NotCompleted => _rng.Day(_route.EndsOn.AddDays(-10), _route.EndsOn.AddDays(25)),
                _ => (DateOnly?)null,
            };
            if (closing is { } closes && closes < _bound) _bound = closes;
            FollowItems(approved, closing);
            if (closing is { } closed)
            {
                var closer = _rng.Chance(0.6) ? TutorOrMethodist : MunicipalMethodist;
                Step(closed, RouteStatus.InProgress, _plan.Status, closer,
                    _rng.Pick(_plan.Status == RouteStatus.Completed ? DemoRouteTexts.CompletionComments : DemoRouteTexts.NotCompletedReasons));
            }
            return Finish();
        }

        /// <summary>The draft, as <see cref="RouteDrafts"/> makes it for this teacher on the day, with ids of the demo's stream.</summary>
        private void Draft(DemoActor creator)
        {
            var job = DemoStaff.MainJob(_person);
            var subjects = job.Subjects.Select(s => (s.SubjectId, Name: DemoStaff.SubjectName(s.SubjectId))).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var day = _plan.DraftedOn;
            var (teacher, header) = RouteDrafts.Describe(_person.Id, _person.BirthDate, _person.PedagogicalWorkStart, _person.Category,
                new TeacherPlace(_organization.Id, _organization.ShortName, _municipality.Id, _municipality.Name, DemoStaff.PositionName(job.PositionId)),
                subjects, day);
            var basis = _plan.Basis;
            var profile = new DraftProfile(basis.Id, basis.TakenOn, basis.Level,
                basis.Areas.Select(a => new DraftArea(a.AreaId, AreaNames[a.AreaId].Code, AreaNames[a.AreaId].Name, a.Score, a.Level)).ToList());
            var (start, end) = RouteDrafter.Period(day);
            var items = RouteDrafter.Draft(teacher, profile, _owner._catalogue, _owner._registry, start, end);
            _route = RouteDrafts.Build(teacher, header, profile, items, start, end, creator.Name);
            _route.Id = _owner._ids.NextGuid();
            foreach (var item in _route.Items)
            {
                item.Id = _owner._ids.NextGuid();
                item.RouteId = _route.Id;
            }
            _route.Status = _plan.Status;
            _route.TutorPersonId = _plan.Tutor?.Id;
            var mentor = _owner._staff.Data.Cast.Mentor;
            if (_person.Id == _owner._staff.Data.Cast.YoungTeacher.Id && _route.Items.FirstOrDefault(i => i.Section == RouteSection.Mentoring) is { } mentoring)
            {
                // The school has already paired the demo teacher with the demo mentor.
                mentoring.Details = $"Наставник — {mentor.ShortName} ({_organization.ShortName}); адаптация в профессии, планирование и анализ уроков";
            }
        }

        /// <summary>Section 1.4, which the drafter leaves to people: the teacher's methodical association, added while the draft is discussed.</summary>
        private void AddCommunity()
        {
            var young = TeacherRules.IsYoungTeacher(_person.BirthDate, _person.PedagogicalWorkStart, _plan.DraftedOn);
            if (!young && !_rng.Chance(0.4)) return;
            var subject = DemoStaff.MainJob(_person).Subjects.Select(s => DemoStaff.SubjectName(s.SubjectId)).FirstOrDefault();
            var (title, status) = young
                ? ($"«Школа молодого педагога» {_owner._staff.MunicipalService(_municipality.Id).ShortName}", "участник")
                : _organization.Kind == OrganizationKind.Kindergarten ? ("Методическое объединение воспитателей детского сада", "член методического объединения")
                : subject == "Начальные классы" ? ("Школьное методическое объединение учителей начальных классов", "член ШМО")
                : subject is not null && DemoGenerator.SubjectOfTeacher.TryGetValue(subject, out var of) ? ($"Школьное методическое объединение учителей {of}",
                    _rng.Chance(0.15) ? "руководитель творческой группы" : "член ШМО")
                : ("Методический совет образовательной организации", "член совета");
            _route.Items.Add(new RouteItem
            {
                Id = _owner._ids.NextGuid(), RouteId = _route.Id, PersonId = _person.Id, Section = RouteSection.Communities, Title = title,
                Details = young ? "Занятия для педагогов первых лет работы, разбор уроков, консультации" : "Участие в заседаниях, подготовка открытого урока и выступления",
                Status = status, Deadline = _route.EndsOn,
            });
            var order = 0;
            foreach (var item in _route.Items.OrderBy(i => i.Section).ThenBy(i => i.SortOrder).ToList()) item.SortOrder = ++order;
        }

        /// <summary>An approved route: the teacher is already enrolled on some of its courses that have not begun.</summary>
        private void EnrolAhead(DateOnly approved)
        {
            foreach (var item in _route.Items.Where(i => i.CourseId is not null))
            {
                var course = _owner._support.Enrolments.Course(item.CourseId!.Value);
                if (course.StartsOn > _owner._today && _rng.Chance(0.6)) Enrol(item, course, EnrolmentStatus.Enrolled, approved);
            }
        }

        /// <summary>What was done by today (for a route under way) or by the day it closed, with evidence and reflective reports.</summary>
        private void FollowItems(DateOnly approved, DateOnly? closing)
        {
            var completed = _plan.Status == RouteStatus.Completed;
            var bound = closing ?? _owner._lastDay;
            foreach (var item in _route.Items)
            {
                switch (item.Section)
                {
                    case RouteSection.Courses or RouteSection.Internship when item.CourseId is { } id:
                        FollowCourse(item, _owner._support.Enrolments.Course(id), approved, closing);
                        break;
                    case RouteSection.Events:
                        if (completed || (item.Deadline < bound.AddDays(-5) && _rng.Chance(_plan.Status == RouteStatus.NotCompleted ? 0.5 : 0.8)))
                        {
                            Done(item, Earlier(item.Deadline ?? bound, 20, bound), "Листы наблюдения и анализа четырёх посещённых занятий",
                                DemoRouteTexts.VisitReflection(_rng, _female, Between(item.Title, "учителя-методиста ", " (")));
                        }
                        break;
                    case RouteSection.Communities when completed || (_plan.Status == RouteStatus.NotCompleted && _rng.Chance(0.5)):
                        Done(item, Earlier(bound, 15, bound), "План работы объединения и протоколы заседаний с выступлением педагога",
                            DemoRouteTexts.CommunityReflection(_rng, _female));
                        break;
                    case RouteSection.Experience when completed:
                        var presented = Earlier(item.Deadline ?? bound, 25, bound);
                        Done(item, presented, $"Протокол заседания методического объединения № {_rng.Next(3, 6)} от {presented:dd.MM.yyyy}",
                            DemoRouteTexts.ExperienceReflection(_rng, _female));
                        break;
                    case RouteSection.Materials when completed:
                        var ready = Earlier(item.Deadline ?? bound, 12, bound);
                        Done(item, ready, $"Разработка размещена в банке методических материалов школы; протокол методического совета № {_rng.Next(4, 7)} от {ready:dd.MM.yyyy}",
                            DemoRouteTexts.MaterialsReflection(_rng, _female));
                        break;
                    case RouteSection.Mentoring:
                        var withMentor = item.Title == "Работа с наставником";
                        var mentor = Between(item.Details ?? "", "Наставник — ", " (");
                        if (completed)
                        {
                            Done(item, Earlier(item.Deadline ?? bound, 7, bound), $"Отчёт о работе пары «наставник — наставляемый» за {DemoSupport.AcademicYear(bound)} учебный год",
                                DemoRouteTexts.MentoringReflection(_rng, _female, withMentor, mentor));
                        }
                        else if (_plan.Status == RouteStatus.InProgress && _rng.Chance(0.5))
                        {
                            // An interim report: mentoring goes on all year.
                            Reflect(item, DemoRouteTexts.MentoringReflection(_rng, _female, withMentor, mentor), _rng.Day(_owner._today.AddDays(-40), _owner._lastDay));
                        }
                        break;
                }
            }
        }

        private void FollowCourse(RouteItem item, Course course, DateOnly approved, DateOnly? closing)
        {
            var enrolments = _owner._support.Enrolments;
            var ended = course.EndsOn!.Value < (closing ?? _owner._today);
            var status = _plan.Status switch
            {
                RouteStatus.Completed => EnrolmentStatus.Completed,
                RouteStatus.NotCompleted when item.SortOrder == 1 && ended && _rng.Chance(0.5) => EnrolmentStatus.Completed,
                RouteStatus.NotCompleted => _rng.Chance(0.6) ? EnrolmentStatus.Cancelled : (EnrolmentStatus?)null,
                _ when ended => _rng.Chance(0.92) ? EnrolmentStatus.Completed : EnrolmentStatus.Cancelled,
                _ when course.StartsOn <= _owner._today || _rng.Chance(0.85) => EnrolmentStatus.Enrolled,
                _ => null,
            };
            if (status is not { } chosen || (chosen != EnrolmentStatus.Cancelled && !enrolments.HasPlaces(course.Id))) return;
            var enrolment = Enrol(item, course, chosen, approved);
            if (chosen != EnrolmentStatus.Completed) return;
            var kind = course.Kind == CourseKind.Retraining ? "Диплом о профессиональной переподготовке" : "Удостоверение";
            var endsOn = course.EndsOn!.Value;
            Done(item, endsOn, $"{kind} № {enrolment.CertificateNumber} от {endsOn:dd.MM.yyyy}",
                _rng.Chance(0.85)
                    ? course.Kind == CourseKind.Internship
                        ? DemoRouteTexts.InternshipReflection(_rng, _female, course.Title)
                        : DemoRouteTexts.CourseReflection(_rng, _female, course.Title, course.Hours, item.DeficitAreaId)
                    : null);
        }

        private Enrolment Enrol(RouteItem item, Course course, EnrolmentStatus status, DateOnly approved)
        {
            var starts = course.StartsOn!.Value;
            // Enrolled once the route was agreed, a few weeks before the course; for a course that began during the agreement, just before it.
            var earliest = starts > approved ? approved : _plan.DraftedOn;
            var day = _rng.Day(Later(earliest, starts.AddDays(-30)), Later(earliest, starts.AddDays(-3)));
            if (day > _owner._lastDay) day = _owner._lastDay;
            var by = _tutor is not null && _rng.Chance(0.4) ? _tutor : SchoolMethodist;
            var enrolment = _owner._support.Enrolments.Add(_person.Id, course, status, _owner.Working(day), by.Name);
            item.EnrolmentId = enrolment.Id;
            return enrolment;
        }

        private void Done(RouteItem item, DateOnly day, string evidence, string? reflection)
        {
            item.IsDone = true;
            item.DoneOn = day;
            item.Evidence = evidence;
            if (reflection is not null) Reflect(item, reflection, _rng.Day(day.AddDays(1), day.AddDays(14)));
        }

        private void Reflect(RouteItem item, string reflection, DateOnly day)
        {
            item.Reflection = reflection;
            item.ReflectionAt = _owner.Working(day > _bound ? _bound : day);
        }

        private void Agreement(DateOnly day, DemoActor by, string? comment)
        {
            var at = Moment(day);
            _route.Transitions.Add(new RouteTransition
            {
                Id = _owner._ids.NextGuid(), RouteId = _route.Id, From = RouteStatus.Submitted, To = RouteStatus.Submitted, IsAgreement = true, At = at,
                UserId = by.UserId, UserName = by.Name, Comment = comment,
            });
            _route.OrganizationAgreedAt = at;
            _route.OrganizationAgreedBy = by.Name;
        }

        private void Step(DateOnly day, RouteStatus from, RouteStatus to, DemoActor by, string? comment) =>
            _route.Transitions.Add(new RouteTransition
            {
                Id = _owner._ids.NextGuid(), RouteId = _route.Id, From = from, To = to, At = Moment(day), UserId = by.UserId, UserName = by.Name, Comment = comment,
            });

        /// <summary>A working-hours moment of the day, never before the previous step and never later than yesterday.</summary>
        private DateTime Moment(DateOnly day)
        {
            if (day > _owner._lastDay) day = _owner._lastDay;
            var at = _owner.Working(day);
            if (at <= _last) at = _last.AddMinutes(_rng.Next(7, 90));
            _last = at;
            return at;
        }

        private DateOnly After(int minDays, int maxDays) => Day(_last).AddDays(_rng.Next(minDays, maxDays + 1));

        private DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, _owner._zone));

        private DateOnly Earlier(DateOnly day, int days, DateOnly bound)
        {
            var chosen = _rng.Day(day.AddDays(-days), day);
            return chosen > bound ? bound : chosen;
        }

        private DevelopmentRoute Finish()
        {
            var reflected = _route.Items.Select(i => i.ReflectionAt).Max() ?? DateTime.MinValue;
            _route.UpdatedAt = reflected > _last ? reflected : _last;
            return _route;
        }

        private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

        private static string Between(string text, string before, string after)
        {
            var start = text.IndexOf(before, StringComparison.Ordinal);
            if (start < 0) return "";
            start += before.Length;
            var end = text.IndexOf(after, start, StringComparison.Ordinal);
            return end < 0 ? text[start..] : text[start..end];
        }
    }

    private DateTime Working(DateOnly day) => DemoSupport.WorkingMoment(_rng, day, _lastDay, _zone);
}
