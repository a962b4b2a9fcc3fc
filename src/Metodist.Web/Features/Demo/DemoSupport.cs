using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Text;

namespace Metodist.Web.Features.Demo;

/// <summary>A route the demo drafts with the route drafter from <see cref="Basis"/> on <see cref="DraftedOn"/> and carries to <see cref="Status"/>.</summary>
internal sealed class DemoRoutePlan
{
    public required Person Person { get; init; }
    public required RouteStatus Status { get; set; }
    public required DiagnosticResult Basis { get; init; }
    public required DateOnly DraftedOn { get; set; }

    /// <summary>A draft that was submitted once and sent back with a comment.</summary>
    public bool SentBack { get; set; }

    /// <summary>The organization agreed it (always so once approved; for a submitted route, for about half).</summary>
    public bool Agreed { get; set; }

    public Person? Tutor { get; set; }
}

/// <summary>
/// The enrolments of the demo, outside routes and in them, with the places each course has left and the certificate
/// numbers its provider issued (the provider's prefix and a running number).
/// </summary>
internal sealed class DemoEnrolments(IReadOnlyList<Course> courses)
{
    private readonly Random _rng = new(DemoGenerator.Seed + 4);
    private readonly Random _ids = new(DemoGenerator.Seed + 5);
    private readonly Dictionary<Guid, Course> _courses = courses.ToDictionary(c => c.Id);
    private readonly Dictionary<Guid, int> _taken = [];
    private readonly Dictionary<string, int> _serials = [];

    public List<Enrolment> All { get; } = [];

    public Course Course(Guid id) => _courses[id];

    public bool HasPlaces(Guid courseId) => _courses[courseId].Quota is not { } quota || _taken.GetValueOrDefault(courseId) < quota;

    /// <summary>A new enrolment; a completed one gets the certificate the provider issued on the last day of the course.</summary>
    public Enrolment Add(Guid personId, Course course, EnrolmentStatus status, DateTime enrolledAt, string enrolledBy)
    {
        if (status != EnrolmentStatus.Cancelled) _taken[course.Id] = _taken.GetValueOrDefault(course.Id) + 1;
        var enrolment = new Enrolment
        {
            Id = _ids.NextGuid(), CourseId = course.Id, PersonId = personId, Status = status, EnrolledAt = enrolledAt, EnrolledBy = enrolledBy,
            CompletedOn = status == EnrolmentStatus.Completed ? course.EndsOn : null,
            CertificateNumber = status == EnrolmentStatus.Completed ? NextCertificate(course.Provider) : null,
        };
        All.Add(enrolment);
        return enrolment;
    }

    private string NextCertificate(string provider)
    {
        var prefix = DemoCatalogue.CertificatePrefix(provider);
        var serial = _serials.TryGetValue(prefix, out var n) ? n : 10_000 + _rng.Next(0, 5_000);
        _serials[prefix] = serial + 1 + _rng.Next(0, 3);
        return $"{prefix}{serial:D6}";
    }
}

/// <summary>Diagnostics, campaigns, the course catalogue, results, attempts and enrolments of the demo region, and the routes to draft.</summary>
internal sealed class DemoSupportData
{
    public required Diagnostic Test { get; init; }
    public required Diagnostic DraftTest { get; init; }
    public required DiagnosticCampaign Finished { get; init; }
    public required DiagnosticCampaign Current { get; init; }
    public required DiagnosticCampaign Overdue { get; init; }
    public required DiagnosticCampaign Planned { get; init; }
    public required IReadOnlyList<Course> Courses { get; init; }
    public required List<DiagnosticResult> Results { get; init; }
    public required IReadOnlyList<DiagnosticAttempt> Attempts { get; init; }
    public required DemoEnrolments Enrolments { get; init; }
    public required IReadOnlyList<DemoRoutePlan> Routes { get; init; }

    public IReadOnlyList<DiagnosticCampaign> Campaigns => [Finished, Current, Overdue, Planned];
}

/// <summary>
/// Builds the methodological support of the demo region from a fixed seed, relative to today: two tests (one published,
/// one a draft), four campaigns (finished in spring, current in Северодвинск, overdue in the Котлас district, planned for
/// mathematics teachers), results of about two thirds of the teachers from last autumn's imported outside assessment and
/// this year's online test (digital and inclusive education weaker, the subject stronger, young teachers weaker in
/// methodology), some attempts with their answers, the course catalogue with enrolments, and the routes to draft with
/// their target states. The routes themselves are drafted against the database by <see cref="DemoRoutes"/>.
/// </summary>
internal sealed class DemoSupport
{
    /// <summary>The average score of each area (in <see cref="DefaultAreas.All"/> order) for an experienced teacher with the first category.</summary>
    private static readonly double[] AreaMeans = [63, 72, 64, 64, 54, 51, 57];

    private static readonly Guid[] Areas = DefaultAreas.All.Select(a => a.Id).ToArray();
    private static readonly int MethodicalIndex = Array.IndexOf(Areas, DefaultAreas.Methodical);
    private static readonly int DigitalIndex = Array.IndexOf(Areas, DefaultAreas.Digital);

    private enum Source
    {
        PreviousSpring,
        PreviousAutumn,
        Spring,
        Overdue,
        Current,
        OwnInitiative,
    }

    private readonly Random _rng = new(DemoGenerator.Seed + 2);
    private readonly Random _ids = new(DemoGenerator.Seed + 3);
    private readonly DemoData _data;
    private readonly DemoStaff _staff;
    private readonly DateOnly _today;
    private readonly TimeZoneInfo _zone;

    /// <summary>The first calendar year of the current academic year (from June on, the one about to begin).</summary>
    private readonly int _year;

    private readonly Diagnostic _external = new() { Id = DefaultAreas.ExternalDiagnostic, Kind = DiagnosticKind.External };
    private readonly List<DiagnosticResult> _results = [];
    private readonly List<DiagnosticAttempt> _attempts = [];
    private readonly List<DemoRoutePlan> _plans = [];
    private DemoEnrolments _enrolments = null!;
    private Diagnostic _test = null!;
    private DiagnosticCampaign _finished = null!, _current = null!, _overdue = null!;
    private List<Course> _courses = [];

    private DemoSupport(DemoStaff staff, DateOnly today, TimeZoneInfo zone)
    {
        _data = staff.Data;
        _staff = staff;
        _today = today;
        _zone = zone;
        _year = today.Month >= 6 ? today.Year : today.Year - 1;
    }

    public static DemoSupportData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone) => new DemoSupport(staff, today, zone).Build();

    /// <summary>A moment of the region's working day as UTC.</summary>
    public static DateTime At(DateOnly day, int hour, int minute, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), zone);

    private DateTime WorkdayAt(DateOnly day, int hour, int minute) => At(Workday(day, _today.AddDays(-1)), hour, minute, _zone);

    private DateTime WorkingTime(DateOnly day) => WorkingMoment(_rng, day, _today.AddDays(-1), _zone);

    /// <summary>
    /// The working day on or after <paramref name="day"/> (Monday to Friday, outside the New Year holidays), or the last one
    /// on or before <paramref name="latest"/> when that comes first: methodists agree, approve and enrol on working days.
    /// </summary>
    public static DateOnly Workday(DateOnly day, DateOnly latest)
    {
        static bool Off(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (d.Month == 1 && d.Day <= 8);
        var forward = day;
        while (Off(forward)) forward = forward.AddDays(1);
        if (forward <= latest) return forward;
        var back = latest;
        while (Off(back)) back = back.AddDays(-1);
        return back;
    }

    /// <summary>A moment of the working hours of a working day (see <see cref="Workday"/>), as UTC.</summary>
    public static DateTime WorkingMoment(Random rng, DateOnly day, DateOnly latest, TimeZoneInfo zone) =>
        At(Workday(day, latest), rng.Next(8, 19), rng.Next(0, 60), zone);

    public static string AcademicYear(DateOnly day) => day.Month >= 9 ? $"{day.Year}-{day.Year + 1}" : $"{day.Year - 1}-{day.Year}";

    private DemoSupportData Build()
    {
        _test = Test();
        var draft = DraftTest();
        var severodvinsk = _data.Cast.Municipality;
        var kotlas = _data.Districts[2];
        var mathematics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Математика").Id;
        _finished = Campaign($"Региональная диагностика профессиональных дефицитов педагогических работников, весна {_year}",
            new DateOnly(_year, 3, 2), new DateOnly(_year, 4, 17), _staff.Approver(_rng), c => { });
        _current = Campaign($"Диагностика профессиональных дефицитов педагогов Северодвинска, {AcademicYear(_today)} учебный год",
            _today.AddDays(-14), _today.AddDays(16), _staff.MunicipalMethodist(severodvinsk.Id), c => c.MunicipalityId = severodvinsk.Id);
        _overdue = Campaign($"Диагностика профессиональных дефицитов педагогов Котласского межмуниципального округа, {AcademicYear(_today.AddDays(-75))} учебный год",
            _today.AddDays(-75), _today.AddDays(-21),
            _staff.MunicipalMethodist(_data.Municipalities.First(m => m.DistrictId == kotlas.Id).Id), c => c.DistrictId = kotlas.Id);
        // Planned for the next of the usual windows: after the winter holidays, in spring or in autumn.
        var plannedStart = new[] { new DateOnly(_year + 1, 1, 19), new DateOnly(_year + 1, 3, 16), new DateOnly(_year + 1, 10, 12), new DateOnly(_year + 2, 1, 18) }
            .First(d => d >= _today.AddDays(20));
        var planned = Campaign($"Диагностика профессиональных дефицитов учителей математики, {AcademicYear(plannedStart)} учебный год",
            plannedStart, plannedStart.AddDays(33), _staff.Admin, c =>
            {
                c.SubjectId = mathematics;
                c.PositionId = RegistryTitles.DefaultPositions.Single(p => p.Name == "Учитель").Id;
            });
        _courses = Courses();
        _enrolments = new DemoEnrolments(_courses);

        foreach (var person in _data.Persons) Diagnose(person);
        StageTheCast();
        AssignTutors();
        Enrol();

        return new DemoSupportData
        {
            Test = _test,
            DraftTest = draft,
            Finished = _finished,
            Current = _current,
            Overdue = _overdue,
            Planned = planned,
            Courses = _courses,
            Results = _results,
            Attempts = _attempts,
            Enrolments = _enrolments,
            Routes = _plans,
        };
    }

    // ---------------------------------------------------------------- tests and campaigns

    private Diagnostic Test()
    {
        var test = new Diagnostic
        {
            Id = _ids.NextGuid(),
            Title = $"Диагностика профессиональных дефицитов педагогов — {_year}",
            Description = DemoQuestions.TestDescription,
            Kind = DiagnosticKind.OnlineTest,
            IsPublished = true,
            CreatedAt = WorkdayAt(new DateOnly(_year, 1, 20), 11, 40),
            CreatedBy = _staff.Approver(_rng).Name,
        };
        AddQuestions(test, DemoQuestions.Test);
        return test;
    }

    private Diagnostic DraftTest()
    {
        var draft = new Diagnostic
        {
            Id = _ids.NextGuid(),
            Title = DemoQuestions.DraftTitle,
            Description = DemoQuestions.DraftDescription,
            Kind = DiagnosticKind.OnlineTest,
            TimeLimitMinutes = DemoQuestions.DraftTimeLimitMinutes,
            IsPublished = false,
            CreatedAt = WorkingTime(_today.AddDays(-9)),
            CreatedBy = _staff.Approver(_rng).Name,
        };
        AddQuestions(draft, DemoQuestions.Draft);
        return draft;
    }

    private void AddQuestions(Diagnostic diagnostic, DemoQuestion[] questions)
    {
        var number = 0;
        foreach (var source in questions)
        {
            var question = new DiagnosticQuestion
            {
                Id = _ids.NextGuid(), DiagnosticId = diagnostic.Id, Number = ++number, Text = source.Text, AreaId = source.Area,
                MultipleChoice = source.MultipleChoice,
            };
            for (var i = 0; i < source.Options.Length; i++)
            {
                question.Options.Add(new DiagnosticOption
                {
                    Id = _ids.NextGuid(), QuestionId = question.Id, Number = i + 1, Text = source.Options[i], IsCorrect = source.Keys.Contains(i + 1),
                });
            }
            diagnostic.Questions.Add(question);
        }
    }

    private DiagnosticCampaign Campaign(string title, DateOnly starts, DateOnly deadline, DemoActor author, Action<DiagnosticCampaign> cohort)
    {
        var created = _rng.Day(starts.AddDays(-20), starts.AddDays(-7));
        if (created >= _today) created = _today.AddDays(-1);
        var campaign = new DiagnosticCampaign
        {
            Id = _ids.NextGuid(), DiagnosticId = _test.Id, Title = title, StartsOn = starts, Deadline = deadline, RegionId = _data.Region.Id,
            CreatedAt = WorkingTime(created), CreatedBy = author.Name,
        };
        cohort(campaign);
        return campaign;
    }

    // ---------------------------------------------------------------- courses

    private List<Course> Courses()
    {
        var subjects = RegistryTitles.DefaultSubjects.ToDictionary(s => s.Name, s => s.Id);
        var courses = new List<Course>();
        foreach (var source in DemoCatalogue.Courses)
        {
            var first = _year + source.Year;
            var starts = DemoCatalogue.Date(first, source.Start);
            var course = new Course
            {
                Id = _ids.NextGuid(), Title = source.Title, SearchTitle = SearchText.Normalize(source.Title), Provider = source.Provider,
                Kind = source.Kind, Hours = source.Hours, Form = source.Form, StartsOn = starts, EndsOn = DemoCatalogue.Date(first, source.End),
                Quota = source.Quota, FederalRegistry = source.Federal, SubjectId = source.Subject is null ? null : subjects[source.Subject],
                Description = source.Description,
                CreatedAt = WorkingTime(Min(starts.AddDays(-_rng.Next(30, 75)), _today.AddDays(-1))),
            };
            foreach (var area in source.Areas) course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = area });
            courses.Add(course);
        }
        return courses;
    }

    // ---------------------------------------------------------------- results and the routes they lead to

    /// <summary>The diagnostics a person took, in order, and the route that followed, with the growth the route brought to later results.</summary>
    private void Diagnose(Person person)
    {
        var job = DemoStaff.MainJob(person);
        var organization = _staff.Organization(job.OrganizationId);
        if (organization.Kind is OrganizationKind.RegionalCentre or OrganizationKind.MunicipalService) return;
        var position = DemoStaff.PositionName(job.PositionId);
        var leader = position is "Директор" or "Заведующий";
        var participation = leader ? 0.4 : position == "Заместитель директора" ? 0.7 : 1.0;
        var cast = _data.Cast;
        var isCast = person.Id == cast.Tutor.Id || person.Id == cast.Mentor.Id || person.Id == cast.AssociationLead.Id || person.Id == cast.SchoolMethodist.Id;
        var isTeacher = person.Id == cast.YoungTeacher.Id;

        var ability = Abilities(person, organization);
        var sources = isTeacher ? TeacherSources(person, ability) : Sources(person, organization, participation);
        if (sources.Count == 0) return;

        DemoRoutePlan? plan = null;
        DiagnosticResult? previous = null;
        for (var i = 0; i < sources.Count; i++)
        {
            var (source, day) = sources[i];
            var growth = Growth(plan, previous, day);
            var result = Result(person, source, day, ability, growth, organization, out var attempt);
            // A completed route shows in the next diagnostic: the score is higher than the one the route was drafted from.
            for (var retry = 0; retry < 12 && plan?.Status == RouteStatus.Completed && result.Score <= plan.Basis.Score + 3; retry++)
            {
                result = Result(person, source, day, ability, growth + 2 * (retry + 1), organization, out attempt);
            }
            _results.Add(result);
            if (attempt is not null) _attempts.Add(attempt);
            previous = result;
            if (plan is null && !isCast && !leader && (isTeacher || result.Level != DeficitLevel.None))
            {
                plan = isTeacher ? TeacherRoute(person, result) : PlanRoute(person, source, result);
                if (plan is not null)
                {
                    _plans.Add(plan);
                    // A completed route is followed by the spring campaign's diagnostic, which shows what it changed.
                    if (plan.Status == RouteStatus.Completed && !sources.Any(s => s.Source == Source.Spring))
                    {
                        sources.Insert(i + 1, (Source.Spring, SpringDay()));
                    }
                }
            }
        }

        // Some teachers whose spring diagnostic showed deficits get a route drafted in the autumn by their methodist.
        if (plan is null && !isCast && !leader && previous is { Level: not DeficitLevel.None } && previous.CampaignId == _finished.Id && _rng.Chance(0.1))
        {
            var drafted = _rng.Day(_today.AddDays(-25), _today.AddDays(-2));
            _plans.Add(new DemoRoutePlan { Person = person, Basis = previous, DraftedOn = drafted, Status = DraftOrSubmitted(drafted) });
        }
    }

    private double[] Abilities(Person person, Organization organization)
    {
        var young = TeacherRules.IsYoungTeacher(person.BirthDate, person.PedagogicalWorkStart, _today);
        var age = TeacherRules.Age(person.BirthDate, _today);
        var general = _rng.Normal(0, 11) + person.Category switch
        {
            QualificationCategory.None => -3,
            QualificationCategory.Conformity => -4,
            QualificationCategory.Highest => 5,
            QualificationCategory.TeacherMethodist or QualificationCategory.TeacherMentor => 9,
            _ => 0,
        };
        var ability = new double[Areas.Length];
        for (var a = 0; a < Areas.Length; a++) ability[a] = AreaMeans[a] + general + _rng.Normal(0, 9);
        if (young)
        {
            // Young teachers know the gadgets and fall short in the methodology of the lesson.
            ability[MethodicalIndex] -= 13;
            ability[Array.IndexOf(Areas, DefaultAreas.Legal)] -= 6;
            ability[Array.IndexOf(Areas, DefaultAreas.Subject)] -= 4;
            ability[Array.IndexOf(Areas, DefaultAreas.Psychological)] -= 3;
            ability[Array.IndexOf(Areas, DefaultAreas.Gifted)] -= 5;
            ability[DigitalIndex] += 8;
        }
        else if (age >= 55)
        {
            ability[DigitalIndex] -= 9;
        }
        if (organization.Kind == OrganizationKind.Kindergarten) ability[Array.IndexOf(Areas, DefaultAreas.Gifted)] -= 5;
        return ability;
    }

    private List<(Source Source, DateOnly Day)> Sources(Person person, Organization organization, double participation)
    {
        var earliest = person.PedagogicalWorkStart!.Value.AddDays(25);
        var sources = new List<(Source, DateOnly)>();
        void Add(Source source, DateOnly day, double chance)
        {
            if (day >= earliest && day < _today && _rng.Chance(chance * participation)) sources.Add((source, day));
        }
        if (_rng.Chance(0.23)) Add(Source.PreviousAutumn, _rng.Day(new DateOnly(_year - 1, 10, 6), new DateOnly(_year - 1, 11, 28)), 1);
        else Add(Source.PreviousSpring, _rng.Day(new DateOnly(_year - 1, 4, 6), new DateOnly(_year - 1, 4, 30)), 0.07);
        Add(Source.Spring, SpringDay(), 0.55);
        var municipality = _staff.Municipality(organization.MunicipalityId);
        if (municipality.DistrictId == _overdue.DistrictId) Add(Source.Overdue, _rng.Day(_overdue.StartsOn, _overdue.Deadline), 0.45);
        if (municipality.Id == _current.MunicipalityId) Add(Source.Current, _rng.Day(_current.StartsOn, _today.AddDays(-1)), 0.36);
        if (sources.Count == 0 || _rng.Chance(0.1)) Add(Source.OwnInitiative, _rng.Day(new DateOnly(_year, 9, 10), _today.AddDays(-20)), 0.035);
        sources.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return sources;
    }

    private DateOnly SpringDay() => _rng.Day(_finished.StartsOn, _finished.Deadline);

    /// <summary>How much better a teacher does after the route (or, without one, after a year of work) than before.</summary>
    private double Growth(DemoRoutePlan? plan, DiagnosticResult? previous, DateOnly day)
    {
        if (plan is null || day <= plan.DraftedOn) return previous is null ? 0 : 3;
        return plan.Status switch
        {
            RouteStatus.Completed => 16,
            RouteStatus.NotCompleted => 5,
            _ => 6,
        };
    }

    private DiagnosticResult Result(Person person, Source source, DateOnly day, double[] ability, double growth, Organization organization,
        out DiagnosticAttempt? attempt)
    {
        attempt = null;
        var result = new DiagnosticResult { Id = _ids.NextGuid(), PersonId = person.Id, TakenOn = day };
        if (source is Source.PreviousAutumn or Source.PreviousSpring)
        {
            var scores = new Dictionary<Guid, int>();
            // Imported from the table of an outside assessment: whole scores 0–100 per area, all rows of one file created at once.
            result.DiagnosticId = _external.Id;
            result.CreatedAt = source == Source.PreviousAutumn ? WorkdayAt(new DateOnly(_year - 1, 12, 8), 11, 20) : WorkdayAt(new DateOnly(_year - 1, 5, 18), 15, 5);
            for (var a = 0; a < Areas.Length; a++) scores[Areas[a]] = (int)Math.Clamp(Math.Round(ability[a] + growth + _rng.Normal(0, 6)), 3, 100);
            Scoring.Apply(result, _external, scores);
        }
        else
        {
            result.DiagnosticId = _test.Id;
            result.CampaignId = source switch
            {
                Source.Spring => _finished.Id,
                Source.Overdue => _overdue.Id,
                Source.Current => _current.Id,
                _ => null,
            };
            var started = At(day, _rng.Next(9, 20), _rng.Next(0, 60), _zone);
            var answers = Answers(_test.Questions.Count, ability, growth);
            Scoring.Apply(result, _test, Scoring.AreaScores(_test.Questions, answers));
            var finished = started.AddMinutes(_rng.Next(18, 46));
            result.CreatedAt = finished;
            // The attempts behind the results are kept for the open campaign in the demo school and the tutor's school.
            var keep = source == Source.Current && (organization.Id == _data.Cast.School.Id || organization.Id == DemoStaff.MainJob(_data.Cast.Tutor).OrganizationId);
            if (keep) attempt = Attempt(person, result, started, finished, answers);
        }
        foreach (var area in result.Areas) area.Id = _ids.NextGuid();
        return result;
    }

    /// <summary>The options a teacher of these abilities chooses for the first <paramref name="count"/> questions of the test.</summary>
    private Dictionary<Guid, IReadOnlyCollection<int>> Answers(int count, double[] ability, double growth)
    {
        var answers = new Dictionary<Guid, IReadOnlyCollection<int>>();
        foreach (var question in _test.Questions.Take(count))
        {
            var a = Array.IndexOf(Areas, question.AreaId);
            var difficulty = (question.Number % 3 - 1) * 0.06;
            // Multiple-choice questions give part of the point for part of the key, so a sure answer is a little rarer than the ability.
            var p = Math.Clamp((ability[a] + growth + _rng.Normal(0, 6)) / 100.0 - difficulty - 0.04, 0.05, 0.97);
            var keyed = question.Options.Where(o => o.IsCorrect).Select(o => o.Number).ToList();
            var wrong = question.Options.Where(o => !o.IsCorrect).Select(o => o.Number).ToList();
            IReadOnlyCollection<int> chosen;
            if (_rng.Chance(p)) chosen = keyed;
            else if (!question.MultipleChoice) chosen = [_rng.Pick(wrong)];
            else if (_rng.Chance(0.5))
            {
                var missed = _rng.Pick(keyed);
                chosen = keyed.Where(k => k != missed).ToList();
            }
            else chosen = [.. keyed.Skip(1), _rng.Pick(wrong)];
            answers[question.Id] = chosen.Order().ToList();
        }
        return answers;
    }

    private DiagnosticAttempt Attempt(Person person, DiagnosticResult? result, DateTime started, DateTime? finished, Dictionary<Guid, IReadOnlyCollection<int>> answers)
    {
        var attempt = new DiagnosticAttempt
        {
            Id = _ids.NextGuid(), DiagnosticId = _test.Id, PersonId = person.Id, CampaignId = _current.Id, StartedAt = started, FinishedAt = finished,
            ResultId = result?.Id,
        };
        // Answers come one by one between the start and the end of the sitting (about a minute each while it goes on).
        var step = finished is { } end ? (end - started) / (answers.Count + 1) : TimeSpan.FromSeconds(70);
        var at = started;
        foreach (var (questionId, chosen) in answers)
        {
            at += step * (0.7 + 0.6 * _rng.NextDouble());
            if (finished is { } last && at >= last) at = last.AddSeconds(-5);
            attempt.Answers.Add(new AttemptAnswer
            {
                Id = _ids.NextGuid(), AttemptId = attempt.Id, QuestionId = questionId, Chosen = Scoring.FormatChosen(chosen), AnsweredAt = at,
            });
        }
        return attempt;
    }

    private DemoRoutePlan? PlanRoute(Person person, Source source, DiagnosticResult result)
    {
        var taken = result.TakenOn;
        switch (source)
        {
            case Source.PreviousAutumn or Source.PreviousSpring when _rng.Chance(0.45):
                var drafted = source == Source.PreviousAutumn
                    ? _rng.Day(new DateOnly(_year - 1, 12, 10), new DateOnly(_year, 1, 25))
                    : _rng.Day(new DateOnly(_year - 1, 9, 3), new DateOnly(_year - 1, 10, 10));
                return new DemoRoutePlan
                {
                    Person = person, Basis = result, DraftedOn = drafted, Status = _rng.Chance(0.76) ? RouteStatus.Completed : RouteStatus.NotCompleted,
                };
            case Source.Spring when _rng.Chance(0.3):
                var inProgress = _rng.Chance(0.74);
                var day = inProgress
                    ? _rng.Day(Max(taken.AddDays(14), new DateOnly(_year, 4, 20)), new DateOnly(_year, 5, 29))
                    : _rng.Day(new DateOnly(_year, 9, 20), new DateOnly(_year, 10, 25));
                if (day > _today.AddDays(-20)) return null;
                return new DemoRoutePlan { Person = person, Basis = result, DraftedOn = day, Status = inProgress ? RouteStatus.InProgress : RouteStatus.Approved };
            case Source.Overdue when _rng.Chance(0.42):
            case Source.Current or Source.OwnInitiative when _rng.Chance(0.45):
                var recent = _rng.Day(taken.AddDays(source == Source.Current ? 1 : 5), _today.AddDays(-1));
                if (recent >= _today) return null;
                var status = source == Source.Overdue && recent <= _today.AddDays(-15) && _rng.Chance(0.35) ? RouteStatus.Approved : DraftOrSubmitted(recent);
                return new DemoRoutePlan { Person = person, Basis = result, DraftedOn = recent, Status = status };
            default:
                return null;
        }
    }

    private RouteStatus DraftOrSubmitted(DateOnly drafted) => drafted < _today.AddDays(-2) && _rng.Chance(0.45) ? RouteStatus.Submitted : RouteStatus.Draft;

    // ---------------------------------------------------------------- the demo teacher and the accounts' scopes

    /// <summary>The demo teacher: last autumn's outside assessment, the spring test with deficits in methodology and digital skills, a route under way.</summary>
    private List<(Source Source, DateOnly Day)> TeacherSources(Person person, double[] ability)
    {
        // Strong in the subject and in working with children, weak in the methodology of the lesson and in digital tools.
        double[] profile = [76, 80, 36, 78, 50, 74, 76];
        profile.CopyTo(ability, 0);
        var sources = new List<(Source, DateOnly)>();
        var autumn = new DateOnly(_year - 1, 11, 12);
        if (autumn >= person.PedagogicalWorkStart!.Value.AddDays(25)) sources.Add((Source.PreviousAutumn, autumn));
        sources.Add((Source.Spring, new DateOnly(_year, 3, 17)));
        return sources;
    }

    private DemoRoutePlan? TeacherRoute(Person person, DiagnosticResult result) =>
        result.CampaignId == _finished.Id
            ? new DemoRoutePlan { Person = person, Basis = result, DraftedOn = new DateOnly(_year, 4, 20), Status = RouteStatus.InProgress, Tutor = _data.Cast.Tutor }
            : null;

    /// <summary>
    /// Makes sure the accounts find their work: the <c>school</c> account's organization has routes waiting for its agreement and one
    /// sent back to the draft, and the demo teacher has an attempt of the open campaign in progress (and a colleague another).
    /// </summary>
    private void StageTheCast()
    {
        var cast = _data.Cast;
        var school = _plans.Where(p => DemoStaff.MainJob(p.Person).OrganizationId == cast.School.Id).ToList();
        var waiting = school.Count(p => p.Status == RouteStatus.Submitted);
        var planned = _plans.Select(p => p.Person.Id).ToHashSet();
        var exclude = new HashSet<Guid> { cast.Tutor.Id, cast.Mentor.Id, cast.SchoolMethodist.Id, cast.AssociationLead.Id, cast.YoungTeacher.Id };
        var latest = _results.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.TakenOn)!);
        var candidates = _data.Persons.Where(p => DemoStaff.MainJob(p).OrganizationId == cast.School.Id && !planned.Contains(p.Id) && !exclude.Contains(p.Id)
            && latest.TryGetValue(p.Id, out var r) && r.Level != DeficitLevel.None && r.TakenOn < _today.AddDays(-6)).ToList();
        foreach (var person in candidates)
        {
            var basis = latest[person.Id];
            var drafted = _rng.Day(Max(basis.TakenOn.AddDays(1), _today.AddDays(-20)), _today.AddDays(-5));
            if (waiting < 2)
            {
                _plans.Add(new DemoRoutePlan { Person = person, Basis = basis, DraftedOn = drafted, Status = RouteStatus.Submitted });
                waiting++;
            }
            else if (!school.Any(p => p.SentBack))
            {
                var returned = new DemoRoutePlan { Person = person, Basis = basis, DraftedOn = drafted, Status = RouteStatus.Draft, SentBack = true };
                _plans.Add(returned);
                school.Add(returned);
            }
        }

        foreach (var plan in _plans)
        {
            plan.Agreed = plan.Status switch
            {
                RouteStatus.Draft => false,
                // The school's own submitted routes wait for the school account to agree them.
                RouteStatus.Submitted => DemoStaff.MainJob(plan.Person).OrganizationId != cast.School.Id && _rng.Chance(0.5),
                _ => true,
            };
            if (plan.Status == RouteStatus.Draft && !plan.SentBack && plan.DraftedOn <= _today.AddDays(-6)) plan.SentBack = _rng.Chance(0.12);
        }

        // The open campaign: the demo teacher has answered part of the test; so has a colleague of another school.
        var teacher = cast.YoungTeacher;
        var abilities = Abilities(teacher, cast.School);
        var started = At(_today.AddDays(-1), 17, 5, _zone);
        _attempts.Add(Attempt(teacher, null, started, null, Answers(11, abilities, 0)));
        var colleague = _data.Persons.FirstOrDefault(p => DemoStaff.MainJob(p).OrganizationId == DemoStaff.MainJob(cast.Tutor).OrganizationId
            && p.Id != cast.Tutor.Id && !_results.Any(r => r.PersonId == p.Id && r.CampaignId == _current.Id));
        if (colleague is not null) _attempts.Add(Attempt(colleague, null, At(_today.AddDays(-2), 15, 40, _zone), null, Answers(19, Abilities(colleague, cast.School), 0)));
    }

    /// <summary>
    /// Regional methodists (the highest category or a «педагог-…» one, five years of experience) of each municipality
    /// accompany its routes, about fourteen each; the <c>tutor</c> account is one of Северодвинск's and accompanies the demo teacher.
    /// </summary>
    private void AssignTutors()
    {
        var holders = _plans.Select(p => p.Person.Id).ToHashSet();
        var cast = _data.Cast;
        var castIds = new HashSet<Guid> { cast.Tutor.Id, cast.Mentor.Id, cast.SchoolMethodist.Id, cast.AssociationLead.Id, cast.YoungTeacher.Id, cast.MunicipalMethodist.Id };
        var eligible = _data.Persons
            .Where(p => !holders.Contains(p.Id) && !castIds.Contains(p.Id)
                && TeacherRules.IsEligibleForAsset(p.Category, p.PedagogicalWorkStart, _today)
                && DemoStaff.PositionName(DemoStaff.MainJob(p).PositionId) is "Учитель" or "Методист")
            .OrderByDescending(p => p.Category == QualificationCategory.TeacherMethodist)
            .GroupBy(p => DemoStaff.MainJob(p).MunicipalityId)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in _plans.OrderBy(p => p.DraftedOn).GroupBy(p => DemoStaff.MainJob(p.Person).MunicipalityId))
        {
            var plans = group.ToList();
            var pool = eligible.GetValueOrDefault(group.Key, []).Take(Math.Max(1, (plans.Count + 13) / 14)).ToList();
            if (group.Key == cast.Municipality.Id) pool.Insert(0, cast.Tutor);
            if (pool.Count == 0) continue;
            var next = 0;
            foreach (var plan in plans)
            {
                if (plan.Tutor is not null || (plan.Status == RouteStatus.Draft && _rng.Chance(0.45))) continue;
                plan.Tutor = pool[next++ % pool.Count];
            }
        }
    }

    // ---------------------------------------------------------------- enrolments outside routes

    /// <summary>
    /// Teachers who went to courses on their own or by their school's plan: finished courses completed with a certificate (a few
    /// cancelled), running and future ones enrolled. Routes add their own enrolments when they are drafted.
    /// </summary>
    private void Enrol()
    {
        var teacher = _data.Cast.YoungTeacher;
        Enrolment(teacher, _courses.First(c => c.Title.StartsWith("Введение в профессию", StringComparison.Ordinal)), EnrolmentStatus.Completed);
        Enrolment(teacher, _courses.First(c => c.Title.StartsWith("Искусственный интеллект", StringComparison.Ordinal)), EnrolmentStatus.Cancelled);
        // And one course ahead, whatever the day the demo is seeded: the teacher's «Мои курсы» always has an enrolment to follow.
        var teaches = DemoStaff.MainJob(teacher).Subjects.Select(s => s.SubjectId).ToHashSet();
        var ahead = _courses.Where(c => c.StartsOn > _today && (c.SubjectId is null || teaches.Contains(c.SubjectId.Value)) && _enrolments.HasPlaces(c.Id))
            .OrderBy(c => c.StartsOn).FirstOrDefault();
        if (ahead is not null) Enrolment(teacher, ahead, EnrolmentStatus.Enrolled);

        var weights = _courses.Select(c => c.FederalRegistry ? 2.0 : 1.0).ToArray();
        foreach (var person in _data.Persons)
        {
            if (!_rng.Chance(0.075) || person.Id == teacher.Id) continue;
            var job = DemoStaff.MainJob(person);
            if (_staff.Organization(job.OrganizationId).Kind is OrganizationKind.RegionalCentre or OrganizationKind.MunicipalService) continue;
            var subjects = job.Subjects.Select(s => s.SubjectId).ToHashSet();
            var course = _courses[_rng.PickIndex(weights)];
            if (course.SubjectId is { } subject && !subjects.Contains(subject)) continue;
            if (course.StartsOn > _today.AddDays(100) || course.StartsOn < person.PedagogicalWorkStart!.Value.AddDays(60)) continue;
            var status = course.EndsOn < _today ? _rng.Chance(0.9) ? EnrolmentStatus.Completed : EnrolmentStatus.Cancelled
                : _rng.Chance(0.93) ? EnrolmentStatus.Enrolled : EnrolmentStatus.Cancelled;
            Enrolment(person, course, status);
        }
    }

    private void Enrolment(Person person, Course course, EnrolmentStatus status)
    {
        if (status != EnrolmentStatus.Cancelled && !_enrolments.HasPlaces(course.Id)) return;
        var starts = course.StartsOn!.Value;
        var enrolledOn = Min(_rng.Day(starts.AddDays(-35), starts.AddDays(-7)), _today.AddDays(-1));
        _enrolments.Add(person.Id, course, status, WorkingTime(enrolledOn), _staff.SchoolMethodist(DemoStaff.MainJob(person).OrganizationId).Name);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
