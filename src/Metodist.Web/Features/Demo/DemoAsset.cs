using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Features.Demo;

/// <summary>The methodical asset of the demo region: the Academy's programmes its methodists were trained on, the members and the teachers assigned.</summary>
internal sealed class DemoAssetData
{
    public List<Course> Courses { get; } = [];
    public List<RegionalMethodist> Methodists { get; } = [];
    public List<AssetAssignment> Assignments { get; } = [];
}

/// <summary>
/// The methodical asset of the demo region, about one active regional methodist per 55 teachers of the subjects they serve:
/// in each intermunicipal district, each group of related subjects gets methodists from the registry-eligible teachers
/// (the highest category, five years of work) who serve a large municipality alone or up to four small ones together.
/// They passed the assessment and the Academy's training in waves (2024, 2025, and a smaller one this year), and most
/// teachers of their subjects in their territory are assigned to them, up to the norm (a few over it), the teachers with
/// routes first. Candidates in each earlier state and a few withdrawn methodists complete the picture. The routes, not yet
/// written, get the methodist of their teacher as tutor (and lose a tutor who is not in the asset); the route histories
/// are made to name the methodist where they named the tutor. The <c>tutor</c> account is an active methodist of
/// Северодвинск with about fifty teachers, the demo teacher among them.
/// </summary>
internal static class DemoAsset
{
    public static DemoAssetData Generate(DemoStaff staff, DemoSupportData support, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone) =>
        new Builder(staff, support, routes, today, zone).Build();

    public static async Task InsertAsync(AppDbContext db, DemoAssetData data, CancellationToken ct)
    {
        await BulkInsert<Course>.InsertAllAsync(db, data.Courses, ct);
        await BulkInsert<CourseArea>.InsertAllAsync(db, data.Courses.SelectMany(c => c.Areas), ct);
        await BulkInsert<RegionalMethodist>.InsertAllAsync(db, data.Methodists, ct);
        await BulkInsert<RegionalMethodistSubject>.InsertAllAsync(db, data.Methodists.SelectMany(m => m.Subjects), ct);
        await BulkInsert<RegionalMethodistMunicipality>.InsertAllAsync(db, data.Methodists.SelectMany(m => m.Municipalities), ct);
        await BulkInsert<AssetStatusChange>.InsertAllAsync(db, data.Methodists.SelectMany(m => m.History), ct);
        await BulkInsert<AssetAssignment>.InsertAllAsync(db, data.Assignments, ct);
    }

    /// <summary>Groups of related subjects a regional methodist serves together (one to three subjects).</summary>
    private static readonly string[][] Bundles =
    [
        ["Русский язык", "Литература"],
        ["Математика", "Информатика"],
        ["Физика"],
        ["Химия", "Биология"],
        ["География"],
        ["История", "Обществознание"],
        ["Английский язык", "Немецкий язык"],
        ["Физическая культура", "ОБЗР"],
        ["Музыка", "Изобразительное искусство", "Труд (технология)"],
        ["Начальные классы", "Основы религиозных культур и светской этики"],
        ["Дошкольное образование"],
        ["Дополнительное образование"],
    ];

    private static readonly string[] WithdrawalReasons =
    [
        "Переход на работу в другой регион",
        "Выход на пенсию",
        "По собственному желанию в связи с большой учебной нагрузкой",
        "Назначение на должность директора школы",
        "Отпуск по уходу за ребёнком",
        "Не подтвердил(а) высшую квалификационную категорию",
    ];

    /// <summary>Where a district has few teachers of a small group of subjects, a methodist of a related group serves them too.</summary>
    private static readonly (int Small, int Into)[] Partners = [(2, 1), (4, 3), (11, 7)];

    /// <summary>The place of one active methodist: the district, the group of subjects (and the subjects served), and the municipalities.</summary>
    private sealed record Slot(Guid District, int Bundle, string[] Subjects, List<Guid> Territory);

    private sealed class Builder
    {
        private const double TeachersPerMethodist = 50;
        private const int SmallestGroup = 8;

        /// <summary>A small group of subjects with fewer teachers in a district shares a methodist of its partner group there.</summary>
        private const int OwnMethodistFrom = 40;

        private static readonly Dictionary<string, Guid> SubjectIds = RegistryTitles.DefaultSubjects.ToDictionary(s => s.Name, s => s.Id);
        private static readonly string[] MethodistPositions = ["Учитель", "Воспитатель", "Старший воспитатель", "Педагог дополнительного образования", "Преподаватель", "Методист"];

        private readonly Random _rng = new(DemoGenerator.Seed + 401);
        private readonly Random _ids = new(DemoGenerator.Seed + 402);
        private readonly DemoStaff _staff;
        private readonly DemoSupportData _support;
        private readonly IReadOnlyList<DevelopmentRoute> _routes;
        private readonly DateOnly _today;
        private readonly TimeZoneInfo _zone;
        private readonly int _year;
        private readonly DemoAssetData _data = new();
        private readonly Dictionary<Guid, Person> _persons;
        private readonly Dictionary<Guid, int> _bundleOf;
        private readonly ILookup<Guid, DevelopmentRoute> _routesOf;
        private readonly HashSet<Guid> _used = [];
        private readonly Dictionary<Guid, RegionalMethodist> _methodistOf = [];
        private readonly Dictionary<Guid, int> _load = [];
        private readonly Dictionary<Guid, List<Guid>> _territory = [];
        private readonly List<Person> _eligible;
        private readonly Dictionary<(Guid District, int Bundle), int> _servedWith = [];
        private readonly ILookup<(Guid Municipality, int Bundle), Person> _eligibleHere;
        private readonly ILookup<(Guid District, int Bundle), Person> _eligibleInDistrict;
        private readonly ILookup<Guid, Person> _eligibleOfMunicipality;
        private readonly ILookup<Guid, Person> _eligibleOfDistrict;

        public Builder(DemoStaff staff, DemoSupportData support, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone)
        {
            _staff = staff;
            _support = support;
            _routes = routes;
            _today = today;
            _zone = zone;
            _year = today.Month >= 6 ? today.Year : today.Year - 1;
            _persons = staff.Data.Persons.ToDictionary(p => p.Id);
            _bundleOf = Bundles.SelectMany((names, i) => names.Select(n => (Id: SubjectIds[n], Bundle: i))).ToDictionary(x => x.Id, x => x.Bundle);
            _routesOf = routes.ToLookup(r => r.PersonId);
            var cast = staff.Data.Cast;
            var castIds = new HashSet<Guid> { cast.MunicipalMethodist.Id, cast.SchoolMethodist.Id, cast.AssociationLead.Id, cast.Tutor.Id, cast.Mentor.Id, cast.YoungTeacher.Id };
            // Registry-eligible people who teach (not the staff of the services) and have no route of their own.
            _eligible = staff.Data.Persons
                .Where(p => TeacherRules.IsEligibleForAsset(p.Category, p.PedagogicalWorkStart, today) && !castIds.Contains(p.Id) && !_routesOf.Contains(p.Id)
                    && IsTeaching(p) && MethodistPositions.Contains(DemoStaff.PositionName(DemoStaff.MainJob(p).PositionId)))
                .OrderBy(p => p.Id)
                .ToList();
            Shuffle(_eligible);
            _eligibleHere = _eligible.ToLookup(p => (MunicipalityOf(p), BundleOf(p)));
            _eligibleInDistrict = _eligible.ToLookup(p => (DistrictOf(MunicipalityOf(p)), BundleOf(p)));
            _eligibleOfMunicipality = _eligible.ToLookup(MunicipalityOf);
            _eligibleOfDistrict = _eligible.ToLookup(p => DistrictOf(MunicipalityOf(p)));
        }

        private bool IsTeaching(Person p) =>
            _staff.Organization(DemoStaff.MainJob(p).OrganizationId).Kind is not (OrganizationKind.MunicipalService or OrganizationKind.RegionalCentre);

        private Guid MunicipalityOf(Person p) => DemoStaff.MainJob(p).MunicipalityId;

        private Guid DistrictOf(Guid municipality) => _staff.Municipality(municipality).DistrictId ?? Guid.Empty;

        /// <summary>The group of subjects whose methodists serve the teacher: their own, or its partner where the district has few of them.</summary>
        private int CellOf(Person p) => _servedWith.GetValueOrDefault((DistrictOf(MunicipalityOf(p)), BundleOf(p)), BundleOf(p));

        /// <summary>The group of subjects of the teacher's first subject at their main job, or -1 for those who teach none.</summary>
        private int BundleOf(Person p) => DemoStaff.MainJob(p).Subjects.Count > 0 && _bundleOf.TryGetValue(DemoStaff.MainJob(p).Subjects[0].SubjectId, out var b) ? b : -1;

        private void Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        public DemoAssetData Build()
        {
            var courses = TrainingCourses();
            var teachers = _staff.Data.Persons.Where(p => IsTeaching(p) && BundleOf(p) >= 0).ToList();
            var counts = teachers.GroupBy(t => (DistrictOf(MunicipalityOf(t)), BundleOf(t))).ToDictionary(g => g.Key, g => g.Count());
            foreach (var district in counts.Keys.Select(k => k.Item1).Distinct())
            {
                foreach (var (small, into) in Partners)
                {
                    if (counts.GetValueOrDefault((district, small)) < OwnMethodistFrom && counts.ContainsKey((district, into))) _servedWith[(district, small)] = into;
                }
            }
            var slots = Slots(teachers);
            var active = Appoint(slots, courses);
            Assign(teachers, active);
            AssignTheRestWithRoutes(active);
            EarlierStages(courses);
            RetutorRoutes();
            return _data;
        }

        // ---------------------------------------------------------------- the Academy's programmes and the waves of training

        private sealed record Wave(Course Course, DateOnly Assessed, DateOnly ActiveSince, string Order);

        private sealed record Training(Wave[] Waves, Course Current);

        private Course AcademyCourse(string title, int hours, int year, (int Month, int Day) start, (int Month, int Day) end, string description)
        {
            var course = new Course
            {
                Id = _ids.NextGuid(), Title = title, Provider = DemoCatalogue.Academy, Kind = CourseKind.Advanced, Hours = hours, Form = CourseForm.Distance,
                StartsOn = DemoCatalogue.Date(year, start), EndsOn = DemoCatalogue.Date(year, end), FederalRegistry = true, Description = description,
                SearchTitle = SearchText.Normalize(title), CreatedAt = DemoSupport.At(new DateOnly(year, 6, 20), 10, 0, _zone),
            };
            course.Areas.AddRange(new[] { DefaultAreas.Methodical, DefaultAreas.Legal }.Select(a => new CourseArea { CourseId = course.Id, AreaId = a }));
            _data.Courses.Add(course);
            return course;
        }

        /// <summary>
        /// The Academy's two programmes for regional methodists (seed 004), held in the autumns of the last two years, and the
        /// catalogue's Academy courses the later waves took: one ended six to twelve months ago, one lately.
        /// </summary>
        private Training TrainingCourses()
        {
            var transformation = AcademyCourse("Трансформация методической службы и организация методического сопровождения педагогов", 38, _year - 2, (9, 12), (10, 17),
                "Для работников ЦНППМ и региональных методистов: единая федеральная система научно-методического сопровождения, адресная поддержка педагогов, индивидуальные образовательные маршруты.");
            var support = AcademyCourse("Организация методического сопровождения профессионального развития педагогов на уровне образовательных организаций", 40,
                _year - 1, (9, 12), (10, 24),
                "Выявление профессиональных дефицитов, сопровождение ИОМ, наставничество и профессиональные сообщества в образовательной организации.");
            // Programmes of the catalogue for teachers of any subject on the methodology of teaching.
            var ended = _support.Courses.Where(c => c.Provider == DemoCatalogue.Academy && c.Kind == CourseKind.Advanced && c.SubjectId == null
                    && c.Areas.Any(a => a.AreaId == DefaultAreas.Methodical) && c.EndsOn < _today.AddDays(-7))
                .OrderBy(c => c.EndsOn).ToList();
            var spring = ended.LastOrDefault(c => c.EndsOn <= _today.AddMonths(-6) && c.EndsOn >= _today.AddMonths(-12)) ?? support;
            var current = ended.LastOrDefault(c => c.EndsOn >= _today.AddMonths(-5)) ?? ended.LastOrDefault() ?? support;
            Wave WaveOf(Course course, int monthsBefore) => new(course,
                DemoSupport.Workday(course.StartsOn!.Value.AddMonths(-monthsBefore), _today.AddDays(-1)),
                DemoSupport.Workday(course.EndsOn!.Value.AddDays(_rng.Next(20, 35)), _today.AddDays(-1)),
                _rng.Next(1100, 1990).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new Training([WaveOf(transformation, 4), WaveOf(support, 5), WaveOf(spring, 3)], current);
        }

        // ---------------------------------------------------------------- who serves what

        /// <summary>
        /// The places of active methodists: for each district and group of subjects, one per about 55 teachers; a large
        /// municipality has methodists of its own, small ones share one (up to four municipalities).
        /// </summary>
        private List<Slot> Slots(List<Person> teachers)
        {
            var slots = new List<Slot>();
            var cells = teachers.GroupBy(t => (District: DistrictOf(MunicipalityOf(t)), Bundle: CellOf(t)))
                .OrderBy(g => g.Key.District).ThenBy(g => g.Key.Bundle);
            foreach (var cell in cells)
            {
                var total = cell.Count();
                if (total < SmallestGroup) continue;
                var subjects = Bundles[cell.Key.Bundle]
                    .Concat(_servedWith.Where(x => x.Key.District == cell.Key.District && x.Value == cell.Key.Bundle).SelectMany(x => Bundles[x.Key.Bundle]))
                    .ToArray();
                var methodists = Math.Max(1, (int)Math.Round(total / TeachersPerMethodist));
                var share = (double)total / methodists;
                var byMunicipality = cell.GroupBy(MunicipalityOf).Select(g => (Municipality: g.Key, Count: g.Count()))
                    .OrderByDescending(m => m.Count).ThenBy(m => m.Municipality).ToList();
                var groups = new List<(List<Guid> Territory, int Teachers, int Methodists)>();
                var small = new List<(Guid Municipality, int Count)>();
                foreach (var (municipality, count) in byMunicipality)
                {
                    if (count >= share * 0.75) groups.Add(([municipality], count, Math.Max(1, (int)Math.Round(count / share))));
                    else small.Add((municipality, count));
                }
                var current = new List<Guid>();
                var sum = 0;
                foreach (var (municipality, count) in small)
                {
                    current.Add(municipality);
                    sum += count;
                    if (current.Count < 4 && sum < share * 0.8) continue;
                    groups.Add((current, sum, 1));
                    (current, sum) = ([], 0);
                }
                if (current.Count > 0)
                {
                    // The rest join the territory with room for them whose methodists have the fewest teachers each.
                    var host = groups.Where(g => g.Territory.Count + current.Count <= 4).OrderBy(g => (double)g.Teachers / g.Methodists)
                        .Select(g => g.Territory).FirstOrDefault();
                    if (host is not null) host.AddRange(current);
                    // A few teachers far from everyone else's territory are left without a methodist of their subjects.
                    else if (sum >= share * 0.4) groups.Add((current, sum, 1));
                }
                foreach (var (territory, _, count) in groups)
                {
                    for (var i = 0; i < count; i++) slots.Add(new Slot(cell.Key.District, cell.Key.Bundle, subjects, territory));
                }
            }
            return slots;
        }

        /// <summary>The person for a place: a registry-eligible teacher of its subjects in its territory, else of its district, else any there.</summary>
        private Person? Choose(Slot slot)
        {
            Person? Free(IEnumerable<Person> people) => people.FirstOrDefault(p => !_used.Contains(p.Id));
            var person = slot.Territory.Select(m => Free(_eligibleHere[(m, slot.Bundle)])).FirstOrDefault(p => p is not null)
                ?? Free(_eligibleInDistrict[(slot.District, slot.Bundle)])
                ?? slot.Territory.Select(m => Free(_eligibleOfMunicipality[m])).FirstOrDefault(p => p is not null)
                ?? Free(_eligibleOfDistrict[slot.District]);
            if (person is not null) _used.Add(person.Id);
            return person;
        }

        private List<(RegionalMethodist Methodist, Slot Slot, int Target)> Appoint(List<Slot> slots, Training training)
        {
            var cast = _staff.Data.Cast;
            var tutorSlot = slots.FirstOrDefault(s => s.Bundle == 0 && s.Territory.Contains(MunicipalityOf(cast.Tutor))) ?? slots[0];
            _used.Add(cast.Tutor.Id);
            var appointed = new List<(RegionalMethodist, Slot, int)>();
            foreach (var slot in slots)
            {
                var person = ReferenceEquals(slot, tutorSlot) ? cast.Tutor : Choose(slot);
                if (person is null) continue;
                var wave = training.Waves[_rng.PickIndex([45, 40, 15])];
                var methodist = Member(person, slot.Subjects, slot.Territory);
                Judge(methodist, atLeastOne: true);
                Pass(methodist, wave.Assessed, Score(), wave.Course, wave.ActiveSince, wave.Order);
                if (person == cast.Tutor)
                {
                    // The demo teacher teaches primary school: the account's methodist serves it too.
                    var primary = SubjectIds["Начальные классы"];
                    if (methodist.Subjects.All(s => s.SubjectId != primary))
                        methodist.Subjects.Add(new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = primary });
                }
                _load[methodist.Id] = 0;
                _territory[methodist.Id] = slot.Territory;
                // Most are filled to 78–98 % of the norm.
                var target = person == cast.Tutor ? 50 : (int)Math.Round(RegionNorm * (0.78 + 0.2 * _rng.NextDouble()));
                appointed.Add((methodist, slot, target));
            }
            return appointed;
        }

        private static int RegionNorm => Settings.RegionSettings.AssetLoadNorm.Default;

        // ---------------------------------------------------------------- the teachers assigned

        private int Tier(Person p) => _routesOf[p.Id].Any(r => r.Status != RouteStatus.Draft) ? 0 : _routesOf.Contains(p.Id) ? 1 : 2;

        private void Assign(List<Person> teachers, List<(RegionalMethodist Methodist, Slot Slot, int Target)> active)
        {
            var cast = _staff.Data.Cast;
            var tutor = active.First(a => a.Methodist.PersonId == cast.Tutor.Id).Methodist;
            AssignTo(tutor, cast.YoungTeacher);
            var methodistIds = active.Select(a => a.Methodist.PersonId).ToHashSet();
            var free = teachers.Where(t => !methodistIds.Contains(t.Id) && !_methodistOf.ContainsKey(t.Id))
                .ToLookup(t => (MunicipalityOf(t), CellOf(t)));
            // Each place's group: the methodists of one group of subjects who share a territory.
            foreach (var group in active.GroupBy(a => (a.Slot.Bundle, Territory: a.Slot.Territory)))
            {
                var pool = group.Key.Territory.SelectMany(m => free[(m, group.Key.Bundle)]).Where(t => !_methodistOf.ContainsKey(t.Id)).ToList();
                Shuffle(pool);
                pool = pool.OrderBy(Tier).ToList();
                var members = group.ToList();
                // Where there are teachers enough, now and then one methodist has taken more than the norm, and is filled first.
                var overloaded = members.Count >= 2 && pool.Count >= members.Count * RegionNorm * 0.75 && _rng.Chance(0.5)
                    ? members[_rng.Next(members.Count)].Methodist.Id
                    : (Guid?)null;
                for (var i = 0; i < members.Count; i++)
                {
                    if (members[i].Methodist.Id == overloaded) members[i] = members[i] with { Target = _rng.Next(RegionNorm + 2, RegionNorm + 9) };
                }
                foreach (var teacher in pool)
                {
                    var open = members.Where(m => _load[m.Methodist.Id] < m.Target).ToList();
                    if (open.Count == 0) break;
                    var least = open.OrderBy(m => m.Methodist.Id == overloaded ? 0 : 1).ThenBy(m => (double)_load[m.Methodist.Id] / m.Target)
                        .ThenBy(m => m.Methodist.Id).First();
                    AssignTo(least.Methodist, teacher);
                }
            }
        }

        /// <summary>Teachers with a route under way whom no methodist of their subjects took are assigned by hand to the least loaded methodist of their municipality.</summary>
        private void AssignTheRestWithRoutes(List<(RegionalMethodist Methodist, Slot Slot, int Target)> active)
        {
            var methodistPersons = active.Select(a => a.Methodist.PersonId).ToHashSet();
            var waiting = _routes.Where(r => r.Status != RouteStatus.Draft && !_methodistOf.ContainsKey(r.PersonId) && !methodistPersons.Contains(r.PersonId))
                .Select(r => _persons[r.PersonId]).Distinct().OrderBy(p => p.Id).ToList();
            foreach (var teacher in waiting)
            {
                var municipality = MunicipalityOf(teacher);
                var methodist = active.Where(a => a.Slot.Territory.Contains(municipality)).Select(a => a.Methodist).MinBy(m => _load[m.Id])
                    ?? active.Where(a => a.Slot.District == DistrictOf(municipality)).Select(a => a.Methodist).MinBy(m => _load[m.Id])
                    ?? active.Select(a => a.Methodist).MinBy(m => _load[m.Id]);
                if (methodist is not null) AssignTo(methodist, teacher);
            }
        }

        private void AssignTo(RegionalMethodist methodist, Person teacher)
        {
            var from = methodist.ActiveSince!.Value;
            var on = _rng.Day(from, Min(from.AddDays(40), _today.AddDays(-1)));
            _data.Assignments.Add(new AssetAssignment
            {
                Id = _ids.NextGuid(), MethodistId = methodist.Id, PersonId = teacher.Id, AssignedOn = DemoSupport.Workday(on, _today.AddDays(-1)),
                AssignedBy = _staff.Admin.Name,
            });
            _methodistOf[teacher.Id] = methodist;
            _load[methodist.Id]++;
        }

        // ---------------------------------------------------------------- candidates, the assessed and trained, the withdrawn

        private void EarlierStages(Training training)
        {
            var pool = _eligible.Where(p => !_used.Contains(p.Id) && BundleOf(p) >= 0).ToList();
            var next = 0;
            Person? Take() => next < pool.Count ? pool[next++] : null;

            // Candidates: included this autumn, most with a requirement the centre has confirmed.
            for (var i = 0; i < 18 && Take() is { } person; i++)
            {
                var candidate = Member(person, Bundles[BundleOf(person)], [MunicipalityOf(person)]);
                // Most with a requirement the centre has confirmed; the others are in for the registry's data so far.
                if (i < 14) Judge(candidate, atLeastOne: true);
                candidate.History[0].At = DemoSupport.WorkingMoment(_rng, _today.AddDays(-_rng.Next(5, 70)), _today.AddDays(-1), _zone);
                _used.Add(person.Id);
            }
            // Two the centre included on its own judgement, though the registry does not give them the highest category.
            var others = _staff.Data.Persons.Where(p => p.Category == QualificationCategory.First && !_routesOf.Contains(p.Id) && !_used.Contains(p.Id)
                    && IsTeaching(p) && BundleOf(p) >= 0 && TeacherRules.ExperienceYears(p.PedagogicalWorkStart, _today) >= 10)
                .OrderBy(p => p.Id).Take(2);
            foreach (var person in others)
            {
                var candidate = Member(person, Bundles[BundleOf(person)], [MunicipalityOf(person)]);
                candidate.IsAssociationLeader = true;
                candidate.HasHighStudentResults = true;
                candidate.History[0].At = DemoSupport.WorkingMoment(_rng, _today.AddDays(-_rng.Next(5, 40)), _today.AddDays(-1), _zone);
                _used.Add(person.Id);
            }

            // Assessed this autumn, waiting for the training.
            var assessedOn = DemoSupport.Workday(_today.AddDays(-_rng.Next(20, 40)), _today.AddDays(-1));
            for (var i = 0; i < 10 && Take() is { } person; i++)
            {
                var member = Member(person, Bundles[BundleOf(person)], [MunicipalityOf(person)], assessedOn.AddDays(-_rng.Next(30, 60)));
                Judge(member, atLeastOne: true);
                Step(member, AssetStatus.Assessed, assessedOn, Result(Score()));
                _used.Add(person.Id);
            }

            // Trained lately, waiting for the order that makes them active.
            var trained = training.Current;
            var trainedAssessed = DemoSupport.Workday(trained.StartsOn!.Value.AddMonths(-4), _today.AddDays(-1));
            for (var i = 0; i < 8 && Take() is { } person; i++)
            {
                var member = Member(person, Bundles[BundleOf(person)], Near(MunicipalityOf(person)), trainedAssessed.AddDays(-_rng.Next(30, 60)));
                Judge(member, atLeastOne: true);
                Step(member, AssetStatus.Assessed, trainedAssessed, Result(Score()));
                member.TrainingCourseId = trained.Id;
                Step(member, AssetStatus.Trained, trained.EndsOn!.Value, $"Обучение по программе «{trained.Title}» окончено {trained.EndsOn:dd.MM.yyyy}");
                _used.Add(person.Id);
            }

            // Withdrawn: methodists of the first wave who left the asset.
            var first = training.Waves[0];
            for (var i = 0; i < 5 && Take() is { } person; i++)
            {
                var member = Member(person, Bundles[BundleOf(person)], Near(MunicipalityOf(person)));
                Judge(member, atLeastOne: true);
                Pass(member, first.Assessed, Score(), first.Course, first.ActiveSince, first.Order);
                var reason = WithdrawalReasons[i % WithdrawalReasons.Length];
                var on = DemoSupport.Workday(_rng.Day(first.ActiveSince.AddMonths(6), _today.AddDays(-20)), _today.AddDays(-1));
                member.WithdrawnOn = on;
                member.WithdrawalReason = reason;
                Step(member, AssetStatus.Withdrawn, on, $"Выведен из актива {on:dd.MM.yyyy}: {reason}");
                _used.Add(person.Id);
            }
        }

        /// <summary>The person's municipality and, for some, one or two more of their district.</summary>
        private List<Guid> Near(Guid municipality)
        {
            var district = DistrictOf(municipality);
            var more = _staff.Data.Municipalities.Where(m => m.DistrictId == district && m.Id != municipality).Select(m => m.Id).OrderBy(id => id).ToList();
            Shuffle(more);
            return [municipality, .. more.Take(_rng.Next(0, 3))];
        }

        // ---------------------------------------------------------------- one member's record and history

        /// <summary>A new candidate, serving the subjects and territory given, included by the administrator on <paramref name="included"/>.</summary>
        private RegionalMethodist Member(Person person, string[] subjects, List<Guid> territory, DateOnly? included = null)
        {
            var methodist = new RegionalMethodist { Id = _ids.NextGuid(), PersonId = person.Id, Status = AssetStatus.Candidate };
            methodist.Subjects.AddRange(subjects.Select(s => new RegionalMethodistSubject { MethodistId = methodist.Id, SubjectId = SubjectIds[s] }));
            methodist.Municipalities.AddRange(territory.Distinct().Select(m => new RegionalMethodistMunicipality { MethodistId = methodist.Id, MunicipalityId = m }));
            var at = DemoSupport.WorkingMoment(_rng, included ?? _today.AddDays(-30), _today.AddDays(-1), _zone);
            methodist.History.Add(new AssetStatusChange
            {
                Id = _ids.NextGuid(), MethodistId = methodist.Id, From = AssetStatus.Candidate, To = AssetStatus.Candidate, At = at, UserName = _staff.Admin.Name,
                Comment = "Включён в число кандидатов",
            });
            methodist.CreatedAt = at;
            _data.Methodists.Add(methodist);
            return methodist;
        }

        /// <summary>The requirements the centre confirmed (with <paramref name="atLeastOne"/>, at least one of them).</summary>
        private void Judge(RegionalMethodist methodist, bool atLeastOne)
        {
            methodist.IsAssociationLeader = _rng.Chance(0.45);
            methodist.IsExamExpert = _rng.Chance(0.35);
            methodist.IsCommunityLeader = _rng.Chance(0.25);
            methodist.HasHighStudentResults = _rng.Chance(0.4);
            if (atLeastOne && !JudgedRequirements.Of(methodist).Any) methodist.HasHighStudentResults = true;
        }

        /// <summary>The way of an active methodist: candidate, assessed, trained on the wave's course, active by the wave's order.</summary>
        private void Pass(RegionalMethodist methodist, DateOnly assessed, int score, Course course, DateOnly activeSince, string order)
        {
            methodist.History[0].At = DemoSupport.WorkingMoment(_rng, assessed.AddDays(-_rng.Next(25, 60)), _today.AddDays(-1), _zone);
            methodist.CreatedAt = methodist.History[0].At;
            Step(methodist, AssetStatus.Assessed, assessed, Result(score));
            methodist.TrainingCourseId = course.Id;
            Step(methodist, AssetStatus.Trained, course.EndsOn!.Value, $"Обучение по программе «{course.Title}» окончено {course.EndsOn:dd.MM.yyyy}");
            methodist.OrderNumber = order;
            Step(methodist, AssetStatus.Active, activeSince, $"Действующий региональный методист с {activeSince:dd.MM.yyyy}, приказ № {order}");
        }

        private void Step(RegionalMethodist methodist, AssetStatus to, DateOnly on, string comment)
        {
            switch (to)
            {
                case AssetStatus.Assessed:
                    methodist.AssessedOn = on;
                    methodist.AssessmentResult = comment;
                    comment = $"Оценка методических компетенций {on:dd.MM.yyyy}: {comment}";
                    break;
                case AssetStatus.Trained:
                    methodist.TrainedOn = on;
                    break;
                case AssetStatus.Active:
                    methodist.ActiveSince = on;
                    break;
            }
            var at = DemoSupport.WorkingMoment(_rng, on.AddDays(_rng.Next(0, 4)), _today.AddDays(-1), _zone);
            methodist.History.Add(new AssetStatusChange
            {
                Id = _ids.NextGuid(), MethodistId = methodist.Id, From = methodist.Status, To = to, At = at, UserName = _staff.Approver(_rng).Name, Comment = comment,
            });
            methodist.Status = to;
            methodist.UpdatedAt = at;
        }

        private int Score() => Math.Clamp((int)Math.Round(_rng.Normal(80, 7)), 66, 98);

        private static string Result(int score) =>
            $"{score} {Format.Plural(score, "балл", "балла", "баллов")} из 100 — {(score >= 70 ? "рекомендован" : "рекомендован условно")}";

        // ---------------------------------------------------------------- routes: the methodist is the tutor

        /// <summary>
        /// Each route gets the methodist of its teacher as tutor, or none; where its history named the former tutor as the one
        /// who made a step (or drafted it), it names the new tutor, or the municipal methodist when there is none.
        /// </summary>
        private void RetutorRoutes()
        {
            foreach (var route in _routes)
            {
                var tutor = _methodistOf.TryGetValue(route.PersonId, out var methodist) ? methodist.PersonId : (Guid?)null;
                if (route.TutorPersonId == tutor) continue;
                if (route.TutorPersonId is { } former)
                {
                    var old = _staff.Of(_persons[former]);
                    var replacement = tutor is { } id ? _staff.Of(_persons[id]) : _staff.MunicipalMethodist(MunicipalityOf(_persons[route.PersonId]));
                    foreach (var step in route.Transitions.Where(t => t.UserName == old.Name))
                    {
                        step.UserName = replacement.Name;
                        step.UserId = replacement.UserId;
                    }
                    if (route.CreatedBy == old.Name) route.CreatedBy = replacement.Name;
                }
                route.TutorPersonId = tutor;
            }
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}
