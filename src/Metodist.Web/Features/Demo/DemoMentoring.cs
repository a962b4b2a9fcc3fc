using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed class DemoMentoringData
{
    public List<MentoringPair> Pairs { get; } = [];
}

/// <summary>
/// Mentoring pairs of the demo region. About 85 % of its young teachers have a running pair from the start of this
/// academic year — mostly «опытный — молодой» with an experienced colleague of the same subject in the same school, a few
/// groups of two or three, some mentors over the limit of two; teachers in their second or third year mostly had a pair
/// last year, completed with an evaluation; a couple of pairs were cancelled this autumn. Each pair has its order, goals,
/// a plan of three to six lines and a meetings log up to yesterday. The pairs put themselves into section 3 of the
/// routes (in memory, before the routes are written) as the product does. The <c>mentor</c> account mentors the
/// <c>teacher</c> account.
/// </summary>
internal static class DemoMentoring
{
    /// <summary>Share of young teachers with a running pair.</summary>
    public const double PairedShare = 0.85;

    private const int LoadLimit = 2;

    public static DemoMentoringData Generate(DemoStaff staff, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone) =>
        new Builder(staff, routes, today, zone).Build();

    public static async Task InsertAsync(AppDbContext db, DemoMentoringData data, CancellationToken ct)
    {
        await BulkInsert<MentoringPair>.InsertAllAsync(db, data.Pairs, ct);
        await BulkInsert<MentoringMentee>.InsertAllAsync(db, data.Pairs.SelectMany(p => p.Mentees), ct);
        await BulkInsert<MentoringPlanItem>.InsertAllAsync(db, data.Pairs.SelectMany(p => p.PlanItems), ct);
        await BulkInsert<MentoringMeeting>.InsertAllAsync(db, data.Pairs.SelectMany(p => p.Meetings), ct);
    }

    private sealed class Builder
    {
        private static readonly HashSet<string> Managers = ["Директор", "Заместитель директора", "Заведующий"];

        private readonly Random _rng = new(DemoGenerator.Seed + 30);
        private readonly Random _ids = new(DemoGenerator.Seed + 31);
        private readonly DemoStaff _staff;
        private readonly DateOnly _today;
        private readonly DateOnly _yesterday;
        private readonly TimeZoneInfo _zone;
        private readonly DateOnly _yearStart;
        private readonly Dictionary<Guid, List<DevelopmentRoute>> _routes;
        private readonly Dictionary<Guid, int> _load = [];
        private readonly DemoMentoringData _data = new();
        private readonly Dictionary<Guid, Person> _people;

        /// <summary>Possible mentors by organization: experienced (five years and more), with a category, not a head.</summary>
        private readonly Dictionary<Guid, List<Person>> _byOrganization;

        /// <summary>The same by municipality and subject, for schools that have no one to offer.</summary>
        private readonly Dictionary<(Guid, Guid), List<Person>> _byMunicipalitySubject = [];

        private readonly Dictionary<Guid, List<Person>> _heads;

        public Builder(DemoStaff staff, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone)
        {
            _staff = staff;
            _today = today;
            _yesterday = today.AddDays(-1);
            _zone = zone;
            _yearStart = today >= new DateOnly(today.Year, 9, 1) ? new DateOnly(today.Year, 9, 1) : new DateOnly(today.Year - 1, 9, 1);
            _routes = routes.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.ToList());
            _people = staff.Data.Persons.ToDictionary(p => p.Id);
            var experienced = TeacherRules.AssetStartedOnOrBefore(today);
            var mentors = staff.Data.Persons.Where(p => p.PedagogicalWorkStart <= experienced && !IsYoung(p)
                && p.Category is not (QualificationCategory.None or QualificationCategory.Conformity)).ToList();
            _byOrganization = mentors.Where(p => !Managers.Contains(Position(p))).GroupBy(p => Job(p).OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
            _heads = mentors.Where(p => Managers.Contains(Position(p))).GroupBy(p => Job(p).OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var person in mentors.Where(p => !Managers.Contains(Position(p))))
            {
                foreach (var subject in Job(person).Subjects)
                {
                    var key = (Job(person).MunicipalityId, subject.SubjectId);
                    if (!_byMunicipalitySubject.TryGetValue(key, out var list)) _byMunicipalitySubject[key] = list = [];
                    list.Add(person);
                }
            }
        }

        private bool IsYoung(Person p) => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, _today);

        private static Employment Job(Person p) => DemoStaff.MainJob(p);

        private static string Position(Person p) => DemoStaff.PositionName(Job(p).PositionId);

        private static bool ShareSubject(Person a, Person b) => Job(a).Subjects.Any(s => Job(b).Subjects.Any(x => x.SubjectId == s.SubjectId));

        public DemoMentoringData Build()
        {
            var cast = _staff.Data.Cast;
            var young = _staff.Data.Persons.Where(IsYoung).OrderBy(p => p.Id != cast.YoungTeacher.Id).ToList();
            var unpaired = new List<Person>();
            var running = new Dictionary<Guid, MentoringPair>();
            foreach (var mentee in young)
            {
                var isCast = mentee.Id == cast.YoungTeacher.Id;
                if (!isCast && !_rng.Chance(PairedShare))
                {
                    unpaired.Add(mentee);
                    continue;
                }
                var (mentor, form) = isCast ? (cast.Mentor, MentoringForm.ExperiencedYoung) : ChooseMentor(mentee);
                if (mentor is null)
                {
                    unpaired.Add(mentee);
                    continue;
                }
                // A mentor with a running pair of the same form in the same school sometimes takes the newcomer into a group.
                if (!isCast && running.TryGetValue(mentor.Id, out var group) && group.Form == form && group.Mentees.Count < 3
                    && group.OrganizationId == Job(mentee).OrganizationId && _rng.Chance(0.35))
                {
                    group.Mentees.Add(new MentoringMentee { PairId = group.Id, PersonId = mentee.Id });
                }
                else
                {
                    running[mentor.Id] = NewPair(mentor, mentee, form, ThisYearStart(mentee), MentoringStatus.Active, keepRunning: isCast);
                }
                _load[mentor.Id] = _load.GetValueOrDefault(mentor.Id) + 1;
            }

            // Last year's pairs of those now in their second or third year, completed with an evaluation.
            foreach (var mentee in young.Where(p => p.PedagogicalWorkStart <= _yearStart.AddYears(-1).AddDays(30)))
            {
                if (mentee.Id != cast.YoungTeacher.Id && !_rng.Chance(0.6)) continue;
                var current = running.Values.FirstOrDefault(p => p.Mentees.Any(m => m.PersonId == mentee.Id));
                var mentor = mentee.Id == cast.YoungTeacher.Id ? cast.Mentor
                    : current is not null && _rng.Chance(0.5) ? PersonOf(current.MentorPersonId) : ChooseMentor(mentee, count: false).Mentor;
                if (mentor is null) continue;
                var start = DemoSupport.Workday(_yearStart.AddYears(-1).AddDays(_rng.Next(0, 12)), _yesterday);
                NewPair(mentor, mentee, MentoringForm.ExperiencedYoung, start, MentoringStatus.Completed);
            }

            // A couple of pairs begun this autumn and cancelled (the mentor went on leave or moved): no new mentor yet.
            foreach (var mentee in unpaired.Where(p => p.PedagogicalWorkStart <= _yearStart).Take(3))
            {
                if (ChooseMentor(mentee, count: false).Mentor is { } mentor)
                    NewPair(mentor, mentee, MentoringForm.ExperiencedYoung, DemoSupport.Workday(_yearStart.AddDays(_rng.Next(1, 10)), _yesterday), MentoringStatus.Cancelled);
            }

            foreach (var pair in _data.Pairs.OrderBy(p => p.StartDate).ThenBy(p => p.Id))
            {
                Fill(pair);
                PutIntoRoutes(pair);
            }
            return _data;
        }

        /// <summary>
        /// The best colleague for the young teacher: of the same school and subject first, then of the same school, then of
        /// the same subject in the municipality; the one with fewer mentees, a higher category and longer experience, with
        /// some chance among the best few. The limit of two is kept, though now and then a third mentee is taken.
        /// </summary>
        private (Person? Mentor, MentoringForm Form) ChooseMentor(Person mentee, bool count = true)
        {
            var job = Job(mentee);
            var roll = _rng.NextDouble();
            if (roll < 0.05 && _heads.TryGetValue(job.OrganizationId, out var heads)) return (_rng.Pick(heads), MentoringForm.ManagerTeacher);
            var form = roll switch
            {
                < 0.13 => MentoringForm.CompetentLearning,
                < 0.18 => MentoringForm.LeaderPassive,
                _ => MentoringForm.ExperiencedYoung,
            };
            var cap = _rng.Chance(0.1) ? LoadLimit + 1 : LoadLimit;
            var school = _byOrganization.GetValueOrDefault(job.OrganizationId) ?? [];
            IEnumerable<Person> pool = school.Where(p => ShareSubject(p, mentee)).ToList();
            if (!pool.Any()) pool = school;
            if (!pool.Any())
            {
                pool = job.Subjects.SelectMany(s => _byMunicipalitySubject.GetValueOrDefault((job.MunicipalityId, s.SubjectId)) ?? []).Distinct().ToList();
            }
            var ranked = pool.Where(p => p.Id != mentee.Id && (!count || _load.GetValueOrDefault(p.Id) < cap))
                .OrderBy(p => _load.GetValueOrDefault(p.Id))
                .ThenByDescending(p => p.Category is QualificationCategory.Highest or QualificationCategory.TeacherMethodist or QualificationCategory.TeacherMentor)
                .ThenBy(p => p.PedagogicalWorkStart)
                .Take(3).ToList();
            return (ranked.Count == 0 ? null : ranked[_rng.Next(ranked.Count)], form);
        }

        /// <summary>When this year's pair starts: early in September, or a couple of weeks after a newcomer's first day.</summary>
        private DateOnly ThisYearStart(Person mentee)
        {
            var from = mentee.PedagogicalWorkStart > _yearStart ? mentee.PedagogicalWorkStart!.Value.AddDays(_rng.Next(5, 16)) : _yearStart.AddDays(_rng.Next(0, 14));
            return DemoSupport.Workday(from < _yesterday ? from : _yesterday, _yesterday);
        }

        /// <summary>
        /// A pair of the mentor and the mentee from <paramref name="start"/> to the end of that academic year (a newcomer's
        /// sometimes to the end of the next). A running pair whose year is over by today (a summer day) was completed, unless
        /// it must keep running (the demo accounts' pair goes on to the next year's end).
        /// </summary>
        private MentoringPair NewPair(Person mentor, Person mentee, MentoringForm form, DateOnly start, MentoringStatus status, bool keepRunning = false)
        {
            var job = Job(mentee);
            var sameSchool = Job(mentor).OrganizationId == job.OrganizationId;
            var orderDate = DemoSupport.Workday(start.AddDays(-_rng.Next(2, 6)), start);
            var academicEnd = new DateOnly(start.Month >= 6 ? start.Year + 1 : start.Year, 5, 31);
            var end = status == MentoringStatus.Active && mentee.PedagogicalWorkStart >= _yearStart && _rng.Chance(0.2) ? academicEnd.AddYears(1) : academicEnd;
            if (status == MentoringStatus.Active && end < _today)
            {
                if (keepRunning) end = new DateOnly(_today.Month >= 6 ? _today.Year + 1 : _today.Year, 5, 31);
                else status = MentoringStatus.Completed;
            }
            var speaker = sameSchool ? _staff.SchoolMethodist(job.OrganizationId) : _staff.MunicipalMethodist(job.MunicipalityId);
            var created = DemoSupport.WorkingMoment(_rng, orderDate, start, _zone);
            var pair = new MentoringPair
            {
                Id = _ids.NextGuid(), MentorPersonId = mentor.Id, Form = form, Status = status,
                Level = sameSchool ? MentoringLevel.Organization : MentoringLevel.Municipality, MunicipalityId = job.MunicipalityId,
                OrganizationId = sameSchool ? job.OrganizationId : null, StartDate = start, EndDate = end,
                OrderNumber = sameSchool ? $"{_rng.Next(60, 221)}-од" : $"{_rng.Next(120, 480)}/01-08", OrderDate = orderDate,
                Goals = _rng.Pick(DemoMentoringTexts.Goals[form]), CreatedAt = created, UpdatedAt = created, CreatedBy = speaker.Name,
            };
            pair.Mentees.Add(new MentoringMentee { PairId = pair.Id, PersonId = mentee.Id });
            if (status == MentoringStatus.Completed)
            {
                var score = _rng.PickIndex([1, 3, 10, 9]) + 2;
                pair.ClosedOn = DemoSupport.Workday(end.AddDays(-_rng.Next(3, 12)), end);
                pair.EvaluationScore = score;
                pair.Evaluation = _rng.Pick(DemoMentoringTexts.Evaluations[score]);
            }
            else if (status == MentoringStatus.Cancelled)
            {
                pair.ClosedOn = DemoSupport.Workday(start.AddDays(_rng.Next(25, 60)), _yesterday);
            }
            _data.Pairs.Add(pair);
            return pair;
        }

        /// <summary>The plan (three to six lines over the pair's period, those due by now mostly done) and the meetings held every two or three weeks.</summary>
        private void Fill(MentoringPair pair)
        {
            var last = pair.ClosedOn ?? _yesterday;
            if (pair.EndDate < last) last = pair.EndDate.Value;
            var preschool = pair.Mentees.Any(m => Position(PersonOf(m.PersonId)) is "Воспитатель" or "Старший воспитатель");
            var templates = preschool ? DemoMentoringTexts.PreschoolPlan : DemoMentoringTexts.SchoolPlan;
            var span = pair.EndDate!.Value.DayNumber - pair.StartDate.DayNumber;
            var count = _rng.Next(3, 7);
            var middle = templates.Skip(1).SkipLast(1).OrderBy(_ => _rng.Next()).Take(count - 2).OrderBy(t => t.Share);
            var order = 0;
            foreach (var (title, kind, share) in templates.Take(1).Concat(middle).Concat(templates.TakeLast(1)))
            {
                var due = DateOnly.FromDayNumber(pair.StartDate.DayNumber + (int)(span * share));
                var done = due <= last && (pair.Status == MentoringStatus.Completed || _rng.Chance(0.85));
                pair.PlanItems.Add(new MentoringPlanItem
                {
                    Id = _ids.NextGuid(), PairId = pair.Id, Kind = kind, Title = title, DueDate = due, SortOrder = ++order, IsDone = done,
                    DoneOn = done ? DemoSupport.Workday(due.AddDays(-_rng.Next(0, 6)), last) : null,
                });
            }

            // Topics in an order of the pair's own, none repeated until all have been taken.
            var topics = (preschool ? DemoMentoringTexts.PreschoolTopics : DemoMentoringTexts.SchoolTopics).OrderBy(_ => _rng.Next()).ToList();
            var mentor = PersonOf(pair.MentorPersonId).FullName;
            for (var day = pair.StartDate.AddDays(_rng.Next(2, 8)); day <= last; day = day.AddDays(_rng.Next(12, 22)))
            {
                var date = DemoSupport.Workday(day, last);
                if (date < pair.StartDate || pair.Meetings.Any(m => m.Date == date)) continue;
                pair.Meetings.Add(new MentoringMeeting
                {
                    Id = _ids.NextGuid(), PairId = pair.Id, Date = date, Topic = topics[pair.Meetings.Count % topics.Count],
                    Hours = _rng.PickIndex([6, 3, 2]) switch { 0 => 1m, 1 => 1.5m, _ => 2m },
                    CreatedAt = DemoSupport.WorkingMoment(_rng, date, last, _zone), CreatedBy = mentor,
                });
            }
        }

        private Person PersonOf(Guid id) => _people[id];

        /// <summary>Section 3 of the routes of the pair's people, as <see cref="MentoringPairs"/> keeps it in the product.</summary>
        private void PutIntoRoutes(MentoringPair pair)
        {
            var mentees = pair.Mentees.Select(m => Named(PersonOf(m.PersonId))).OrderBy(m => m.ShortName, StringComparer.Ordinal).ToList();
            var text = MentoringRouteItems.Text(pair.Id, pair.Form, pair.OrderNumber, pair.OrderDate, pair.EndDate, Named(PersonOf(pair.MentorPersonId)), mentees);
            var end = pair.ClosedOn ?? pair.EndDate!.Value;
            foreach (var personId in pair.Mentees.Select(m => m.PersonId).Append(pair.MentorPersonId))
            {
                foreach (var route in _routes.GetValueOrDefault(personId) ?? [])
                {
                    // A running or cancelled pair goes into open routes; a completed one into the route of its time.
                    var fits = pair.Status == MentoringStatus.Completed
                        ? route.StartsOn <= end && route.EndsOn >= pair.StartDate
                        : MentoringRouteItems.IsOpen(route.Status);
                    if (!fits) continue;
                    if (personId == pair.MentorPersonId) MentoringRouteItems.LinkMentor(route, text);
                    else MentoringRouteItems.LinkMentee(route, text);
                    if (pair.Status == MentoringStatus.Completed) MentoringRouteItems.Complete(route, pair);
                    else if (pair.Status == MentoringStatus.Cancelled) MentoringRouteItems.Cancel(route, pair.Id, pair.ClosedOn!.Value);
                }
            }
        }

        private PairPerson Named(Person p)
        {
            var job = Job(p);
            return new PairPerson(p.Id, p.FullName, p.ShortName, _staff.Organization(job.OrganizationId).ShortName, DemoStaff.PositionName(job.PositionId));
        }
    }
}

/// <summary>The words of the demo's mentoring: goals by form, plans, meeting topics and closing evaluations.</summary>
internal static class DemoMentoringTexts
{
    public static readonly Dictionary<MentoringForm, string[]> Goals = new()
    {
        [MentoringForm.ExperiencedYoung] =
        [
            "Адаптация молодого специалиста в коллективе, освоение планирования и анализа уроков, взаимодействие с родителями обучающихся",
            "Помощь в освоении рабочей программы по предмету, приёмов формирующего оценивания и основ классного руководства",
            "Развитие методической компетентности: планирование урока, подбор заданий, анализ результатов контрольных работ",
            "Профессиональное становление молодого педагога: организация учебной деятельности на уроке, дисциплина, ведение документации",
        ],
        [MentoringForm.CompetentLearning] =
        [
            "Освоение цифровых инструментов: ФГИС «Моя школа», электронный журнал, конструктор уроков",
            "Освоение технологий инклюзивного образования: адаптированные программы, индивидуальные маршруты обучающихся с ОВЗ",
            "Освоение приёмов работы с одарёнными обучающимися и подготовки к олимпиадам",
        ],
        [MentoringForm.LeaderPassive] =
        [
            "Вовлечение в работу школьного методического объединения, подготовка выступления из опыта работы",
            "Участие в конкурсе профессионального мастерства, подготовка открытого урока",
        ],
        [MentoringForm.ManagerTeacher] =
        [
            "Подготовка к аттестации на первую квалификационную категорию, индивидуальный план профессионального развития",
            "Освоение функций классного руководителя и планирование воспитательной работы",
        ],
    };

    public static readonly (string Title, MentoringPlanKind Kind, double Share)[] SchoolPlan =
    [
        ("Знакомство, составление плана работы на учебный год", MentoringPlanKind.Meeting, 0.02),
        ("Изучение рабочей программы и тематического планирования по предмету", MentoringPlanKind.Task, 0.08),
        ("Посещение уроков наставника с последующим анализом", MentoringPlanKind.Meeting, 0.16),
        ("Подготовка к первому родительскому собранию", MentoringPlanKind.Task, 0.2),
        ("Посещение уроков молодого педагога, обсуждение приёмов организации урока", MentoringPlanKind.Meeting, 0.3),
        ("Разработка технологической карты урока", MentoringPlanKind.Task, 0.38),
        ("Анализ результатов контрольных работ за полугодие", MentoringPlanKind.Task, 0.5),
        ("Подготовка и проведение открытого урока на заседании ШМО", MentoringPlanKind.Task, 0.7),
        ("Подведение итогов года, самоанализ профессиональной деятельности", MentoringPlanKind.Meeting, 0.97),
    ];

    public static readonly (string Title, MentoringPlanKind Kind, double Share)[] PreschoolPlan =
    [
        ("Знакомство, составление плана работы на учебный год", MentoringPlanKind.Meeting, 0.02),
        ("Изучение образовательной программы ДОО и режима дня группы", MentoringPlanKind.Task, 0.08),
        ("Посещение занятий наставника с последующим анализом", MentoringPlanKind.Meeting, 0.16),
        ("Подготовка к родительскому собранию группы", MentoringPlanKind.Task, 0.22),
        ("Организация развивающей предметно-пространственной среды группы", MentoringPlanKind.Task, 0.35),
        ("Подготовка праздничного утренника", MentoringPlanKind.Task, 0.45),
        ("Проведение открытого занятия для педагогов ДОО", MentoringPlanKind.Task, 0.7),
        ("Подведение итогов года, самоанализ профессиональной деятельности", MentoringPlanKind.Meeting, 0.97),
    ];

    public static readonly string[] SchoolTopics =
    [
        "Планирование уроков на четверть",
        "Анализ посещённого урока: организация деятельности обучающихся",
        "Ведение электронного журнала и школьной документации",
        "Формирующее оценивание на уроке",
        "Подготовка к родительскому собранию",
        "Работа с неуспевающими обучающимися",
        "Дисциплина на уроке: приёмы управления классом",
        "Составление контрольной работы и критерии оценивания",
        "Ресурсы ФГИС «Моя школа» на уроке",
        "Разбор трудной ситуации в общении с родителями",
        "Подготовка к открытому уроку",
        "Дифференцированные задания для обучающихся с разным уровнем подготовки",
        "Анализ результатов входной диагностики",
        "Классное руководство: план воспитательной работы",
        "Подготовка обучающихся к школьному этапу олимпиады",
        "Итоги четверти: анализ успеваемости",
        "Самоанализ урока",
        "Обучающиеся с ОВЗ на уроке: адаптация заданий",
    ];

    public static readonly string[] PreschoolTopics =
    [
        "Планирование образовательной деятельности в группе",
        "Организация режимных моментов",
        "Взаимодействие с родителями воспитанников",
        "Анализ посещённого занятия",
        "Подготовка к празднику",
        "Развивающая предметно-пространственная среда группы",
        "Адаптация детей к детскому саду",
        "Игровые технологии в работе с дошкольниками",
        "Педагогическая диагностика развития детей",
        "Ведение документации воспитателя",
    ];

    public static readonly Dictionary<int, string[]> Evaluations = new()
    {
        [5] =
        [
            "Молодой специалист успешно прошёл адаптацию: самостоятельно планирует и проводит уроки, провёл открытый урок на заседании ШМО, выстроил взаимодействие с родителями.",
            "Цели наставничества достигнуты полностью: педагог освоил рабочую программу, подготовил обучающихся к муниципальному этапу олимпиады, выступил с опытом на методическом объединении.",
        ],
        [4] =
        [
            "Освоены планирование и анализ уроков, документация ведётся уверенно; продолжить работу над приёмами формирующего оценивания.",
            "Цели в основном достигнуты: педагог ведёт уроки самостоятельно; рекомендованы участие в работе ШМО и подготовка к аттестации.",
            "Педагог успешно адаптировался в коллективе, освоил классное руководство; остаются трудности с дифференциацией заданий.",
        ],
        [3] =
        [
            "Часть задач плана выполнена; остаются трудности в управлении классом, рекомендовано продолжить наставничество в следующем учебном году.",
            "Педагог освоил основы планирования, но нуждается в поддержке при работе с родителями и с неуспевающими обучающимися.",
        ],
        [2] =
        [
            "Задачи плана выполнены частично из-за длительного отсутствия наставляемого; наставничество продолжить с новым планом.",
        ],
    };
}
