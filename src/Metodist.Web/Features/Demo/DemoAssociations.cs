using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Events;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed record DemoAssociationsData(
    List<Association> Associations, List<AssociationMember> Members, List<WorkPlan> Plans, List<PlanItem> Items, List<PlanItemResponsible> Responsible,
    List<MethodicalEvent> Events, List<EventRegistration> Registrations, List<Protocol> Protocols, List<ProtocolAttendee> Attendees,
    List<ProtocolAssignment> Assignments, List<AssociationReport> Reports, List<Programme> Programmes, List<ProgrammeStage> Stages,
    List<ProgrammeSource> Sources);

/// <summary>
/// The associations of the demo region: in every municipality the associations of mathematics and of the Russian language
/// teachers and a class teachers' ШМО of its largest school; two regional associations; in the cast municipality an
/// intermunicipal network community, a «Школа молодого учителя», a professional community of mentors and a cross-functional
/// team with a road map. Each has members and this year's plan of seven items shaped like seed 000, with items done, moved
/// (with reasons), not done and late; the events of the plans (held ones with registrations and attendance, coming ones open
/// for registration), protocols of the meetings held, half-year reports (submitted, and the lead's draft) and the programme of
/// activity of the association the lead account leads.
/// </summary>
internal static class DemoAssociations
{
    /// <summary>What became of the third item of a municipal plan (the November workshop), so that the pages show every state.</summary>
    internal enum ItemVariant
    {
        Held,
        Moved,
        NotDone,

        /// <summary>Neither held nor marked: late against its month.</summary>
        Forgotten,
    }

    private static readonly Guid Mathematics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Математика").Id;
    private static readonly Guid Russian = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Русский язык").Id;
    private static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;
    private static readonly Guid Informatics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Информатика").Id;

    public static DemoAssociationsData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone)
    {
        var rng = new Random(DemoGenerator.Seed + 50);
        var ids = new Random(DemoGenerator.Seed + 51);
        var data = new DemoAssociationsData([], [], [], [], [], [], [], [], [], [], [], [], [], []);
        var cast = staff.Data.Cast;
        var year = AcademicYear.Of(today);
        var bySubject = staff.Data.Persons
            .SelectMany(p => DemoStaff.MainJob(p).Subjects.Select(s => (s.SubjectId, Person: p)))
            .GroupBy(x => (x.SubjectId, DemoStaff.MainJob(x.Person).MunicipalityId))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Person).ToList());

        foreach (var municipality in staff.Data.Municipalities)
        {
            var service = staff.MunicipalService(municipality.Id);
            foreach (var (subject, title) in new[] { (Mathematics, "учителей математики"), (Russian, "учителей русского языка и литературы") })
            {
                var people = bySubject.GetValueOrDefault((subject, municipality.Id)) ?? [];
                if (people.Count < 4) continue;
                var isLead = municipality.Id == cast.Municipality.Id && subject == Mathematics;
                var leader = isLead ? cast.AssociationLead : people.OrderByDescending(p => p.Category).ThenBy(p => p.LastName).First();
                var association = new Association
                {
                    Id = isLead ? DemoIds.MathAssociation : ids.NextGuid(), Name = $"Муниципальное методическое объединение {title} ({municipality.Name})",
                    Level = AssociationLevel.Municipal, Kind = AssociationKind.MethodicalAssociation, Subject = DemoStaff.SubjectName(subject), SubjectId = subject,
                    RegionId = municipality.RegionId, DistrictId = municipality.DistrictId, MunicipalityId = municipality.Id, BaseOrganizationId = service.Id,
                    LeaderPersonId = leader.Id, LeaderOrderNumber = $"{rng.Next(300, 700)}-од", LeaderOrderDate = new DateOnly(year.FirstYear, 8, rng.Next(20, 31)),
                    CreatedBy = DemoStaff.AdminName, CreatedAt = Utc(new DateOnly(year.FirstYear, 8, 30), 9, zone), UpdatedAt = Utc(new DateOnly(year.FirstYear, 8, 30), 9, zone),
                };
                data.Associations.Add(association);
                var members = people.Where(p => p.Id != leader.Id).OrderBy(_ => rng.Next()).Take(Math.Min(28, people.Count - 1)).Prepend(leader).ToList();
                var order = 0;
                foreach (var person in members)
                {
                    var role = person.Id == leader.Id ? MemberRole.Leader : order <= 3 ? MemberRole.Council : MemberRole.Member;
                    data.Members.Add(Member(ids, staff, association, person, role, MemberStatus.Active, ++order, new DateOnly(year.FirstYear, 9, 1)));
                }
                if (isLead)
                {
                    foreach (var asker in people.Except(members).Take(2))
                        data.Members.Add(Member(ids, staff, association, asker, MemberRole.Member, MemberStatus.Requested, ++order, null));
                }
                var published = isLead || rng.Chance(0.8);
                var variant = isLead ? ItemVariant.Held : rng.Next(0, 10) switch
                {
                    >= 5 => ItemVariant.Held,
                    3 or 4 => ItemVariant.Moved,
                    2 => ItemVariant.NotDone,
                    _ => ItemVariant.Forgotten,
                };
                var plan = Plan(ids, rng, data, staff, association, members.Take(3).ToList(), service, year, today, zone,
                    published: published, withProtocols: published, variant);
                if (!isLead && published && rng.Chance(0.35))
                {
                    var submitted = today.AddDays(-rng.Next(1, 5));
                    data.Reports.Add(new AssociationReport
                    {
                        Id = ids.NextGuid(), AssociationId = association.Id, PlanId = plan.Id, Title = $"Отчёт за I полугодие {year} учебного года",
                        PeriodStart = year.Start, PeriodEnd = new DateOnly(year.FirstYear, 12, 20), DueOn = new DateOnly(year.FirstYear, 12, 20),
                        Status = ReportStatus.Submitted,
                        Summary = "Проведены организационно-методическое заседание и семинар-практикум по функциональной грамотности; педагоги представили опыт работы.",
                        Problems = "Невысокая активность педагогов сельских школ: не все могут приехать на очные заседания.",
                        Proposals = "Проводить часть заседаний в смешанном формате с онлайн-подключением.",
                        SubmittedAt = Utc(submitted, 16, zone), SubmittedBy = leader.ShortName, CreatedAt = Utc(submitted.AddDays(-2), 11, zone),
                    });
                }
                if (isLead) data.Reports.Add(new AssociationReport
                {
                    Id = ids.NextGuid(), AssociationId = association.Id, PlanId = plan.Id, Title = $"Отчёт за I полугодие {year} учебного года",
                    PeriodStart = year.Start, PeriodEnd = new DateOnly(year.FirstYear, 12, 20), DueOn = new DateOnly(year.FirstYear, 12, 20),
                    Status = ReportStatus.Draft, Summary = "Проведены организационно-методическое и методическое заседания, участники представили опыт подготовки к олимпиадам.",
                    CreatedAt = Utc(today.AddDays(-3), 11, zone),
                });
            }
        }
        foreach (var (subject, title) in new[] { (Physics, "учителей физики"), (Informatics, "учителей информатики") })
        {
            var people = staff.Data.Persons.Where(p => DemoStaff.MainJob(p).Subjects.Any(s => s.SubjectId == subject)).ToList();
            if (people.Count < 4) continue;
            var leader = people.OrderByDescending(p => p.Category).ThenBy(p => p.LastName).First();
            var centre = staff.Data.Organizations.FirstOrDefault(o => o.Kind == OrganizationKind.RegionalCentre) ?? staff.MunicipalService(cast.Municipality.Id);
            var association = new Association
            {
                Id = ids.NextGuid(), Name = $"Региональное методическое объединение {title}", Level = AssociationLevel.Regional,
                Kind = AssociationKind.MethodicalAssociation, Subject = DemoStaff.SubjectName(subject), SubjectId = subject, RegionId = staff.Data.Region.Id,
                BaseOrganizationId = centre.Id, LeaderPersonId = leader.Id, LeaderOrderNumber = $"{rng.Next(100, 300)}", LeaderOrderDate = new DateOnly(year.FirstYear, 8, 25),
                CreatedBy = DemoStaff.AdminName, CreatedAt = Utc(new DateOnly(year.FirstYear, 8, 25), 10, zone), UpdatedAt = Utc(new DateOnly(year.FirstYear, 8, 25), 10, zone),
            };
            data.Associations.Add(association);
            var members = people.Where(p => p.Id != leader.Id).OrderBy(_ => rng.Next()).Take(35).Prepend(leader).ToList();
            var order = 0;
            foreach (var person in members)
                data.Members.Add(Member(ids, staff, association, person, person.Id == leader.Id ? MemberRole.Leader : MemberRole.Member, MemberStatus.Active, ++order, new DateOnly(year.FirstYear, 9, 1)));
            Plan(ids, rng, data, staff, association, [leader], centre, year, today, zone, published: true, withProtocols: false);
        }
        SchoolsAndNetworks(ids, rng, data, staff, year, today, zone);
        Programme(ids, data, staff, year);
        return data;
    }

    private static Association Group(Random ids, DemoAssociationsData data, DemoStaff staff, string name, AssociationLevel level, AssociationKind kind, string subject,
        Municipality municipality, Organization? school, Organization baseOrganization, Person leader, IEnumerable<Person> people, AcademicYear year, TimeZoneInfo zone)
    {
        var association = new Association
        {
            Id = ids.NextGuid(), Name = name, Level = level, Kind = kind, Subject = subject, RegionId = municipality.RegionId, DistrictId = municipality.DistrictId,
            MunicipalityId = municipality.Id, OrganizationId = school?.Id, BaseOrganizationId = baseOrganization.Id, LeaderPersonId = leader.Id,
            LeaderOrderNumber = $"{ids.Next(20, 200)}", LeaderOrderDate = new DateOnly(year.FirstYear, 8, 29),
            CreatedBy = DemoStaff.AdminName, CreatedAt = Utc(new DateOnly(year.FirstYear, 8, 30), 9, zone), UpdatedAt = Utc(new DateOnly(year.FirstYear, 8, 30), 9, zone),
        };
        data.Associations.Add(association);
        var order = 0;
        foreach (var person in people.Where(p => p.Id != leader.Id).Prepend(leader).DistinctBy(p => p.Id))
            data.Members.Add(Member(ids, staff, association, person, person.Id == leader.Id ? MemberRole.Leader : MemberRole.Member, MemberStatus.Active, ++order,
                new DateOnly(year.FirstYear, 9, 1)));
        return association;
    }

    /// <summary>
    /// The levels and kinds the municipal loop does not make: school associations («ШМО», «Школа молодого учителя»), an
    /// intermunicipal network community, a professional community and a cross-functional team with a road map like seed 002.
    /// </summary>
    private static void SchoolsAndNetworks(Random ids, Random rng, DemoAssociationsData data, DemoStaff staff, AcademicYear year, DateOnly today, TimeZoneInfo zone)
    {
        var cast = staff.Data.Cast;
        var municipality = cast.Municipality;
        var service = staff.MunicipalService(municipality.Id);
        var staffOf = staff.Data.Persons.GroupBy(p => DemoStaff.MainJob(p).OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
        bool Teaches(Person p) => DemoStaff.MainJob(p).Subjects.Count > 0;

        // Class teachers' associations of the largest school of each municipality, one in three with a draft plan.
        foreach (var m in staff.Data.Municipalities)
        {
            var school = staff.Data.Organizations.Where(o => o.MunicipalityId == m.Id && o.Kind == OrganizationKind.School && staffOf.ContainsKey(o.Id))
                .OrderByDescending(o => staffOf[o.Id].Count).ThenBy(o => o.ShortName).FirstOrDefault();
            if (school is null) continue;
            var teachers = staffOf[school.Id].Where(Teaches).ToList();
            if (teachers.Count < 5) continue;
            var leader = school.Id == cast.School.Id ? cast.SchoolMethodist : teachers.OrderByDescending(p => p.Category).ThenBy(p => p.LastName).First();
            var a = Group(ids, data, staff, $"ШМО классных руководителей {school.ShortName}", AssociationLevel.School, AssociationKind.MethodicalAssociation,
                "Воспитательная работа и классное руководство", m, school, school, leader, teachers.OrderBy(_ => rng.Next()).Take(14), year, zone);
            var published = rng.Chance(0.6);
            Plan(ids, rng, data, staff, a, [leader], school, year, today, zone, published, withProtocols: published);
        }

        // «Школа молодого учителя» of the cast school: the young teachers with the mentor leading it.
        var young = staff.Data.Persons.Where(p => DemoStaff.MainJob(p).MunicipalityId == municipality.Id && TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, today))
            .OrderBy(p => DemoStaff.MainJob(p).OrganizationId == cast.School.Id ? 0 : 1).ThenBy(p => p.LastName).Take(15).Append(cast.YoungTeacher);
        var schoolOfYoung = Group(ids, data, staff, $"«Школа молодого учителя» {cast.School.ShortName}", AssociationLevel.School, AssociationKind.YoungTeacherSchool,
            "Адаптация и профессиональное становление молодых педагогов", municipality, cast.School, cast.School, cast.Mentor, young, year, zone);
        Plan(ids, rng, data, staff, schoolOfYoung, [cast.Mentor], cast.School, year, today, zone, published: true, withProtocols: true);

        // A network community of the cast municipality's district: teachers of several municipalities.
        var district = staff.Data.Municipalities.Where(m => m.DistrictId == municipality.DistrictId).Select(m => m.Id).ToHashSet();
        var network = staff.Data.Persons.Where(p => district.Contains(DemoStaff.MainJob(p).MunicipalityId) && DemoStaff.MainJob(p).Subjects.Any(x => x.SubjectId == Informatics))
            .OrderBy(_ => rng.Next()).Take(24).ToList();
        if (network.Count >= 4)
        {
            var leader = network.OrderByDescending(p => p.Category).ThenBy(p => p.LastName).First();
            var a = Group(ids, data, staff, "Межмуниципальное сетевое сообщество «Цифровая образовательная среда»", AssociationLevel.Intermunicipal,
                AssociationKind.NetworkCommunity, "Цифровая образовательная среда", municipality, null, service, leader, network, year, zone);
            Plan(ids, rng, data, staff, a, [leader], service, year, today, zone, published: true, withProtocols: false);
        }

        // A professional community of mentors and a cross-functional team with a road map in the cast municipality.
        var mentors = staff.Data.Persons.Where(p => DemoStaff.MainJob(p).MunicipalityId == municipality.Id && Teaches(p) && p.Category == QualificationCategory.Highest)
            .OrderBy(p => p.LastName).Take(12).Append(cast.Mentor).ToList();
        var community = Group(ids, data, staff, $"Профессиональное сообщество педагогов-наставников ({municipality.Name})",
            AssociationLevel.Municipal, AssociationKind.ProfessionalCommunity, "Наставничество", municipality, null, service, cast.Mentor, mentors, year, zone);
        Plan(ids, rng, data, staff, community, [cast.Mentor], service, year, today, zone, published: false, withProtocols: false);

        var readers = staff.Data.Persons.Where(p => DemoStaff.MainJob(p).MunicipalityId == municipality.Id && DemoStaff.MainJob(p).Subjects.Any(x => x.SubjectId == Russian))
            .OrderBy(_ => rng.Next()).Take(8).ToList();
        if (readers.Count >= 3)
        {
            var leader = readers.OrderByDescending(p => p.Category).ThenBy(p => p.LastName).First();
            var group = Group(ids, data, staff, $"Творческая группа «Смысловое чтение на уроках всех предметов» ({municipality.Name})", AssociationLevel.Municipal,
                AssociationKind.CreativeGroup, "Смысловое чтение", municipality, null, service, leader, readers, year, zone);
            Plan(ids, rng, data, staff, group, [leader], service, year, today, zone, published: true, withProtocols: false);
        }

        var team = staff.Data.Persons.Where(p => DemoStaff.MainJob(p).MunicipalityId == municipality.Id && Teaches(p)).OrderBy(_ => rng.Next()).Take(9).Prepend(cast.MunicipalMethodist).ToList();
        var crossTeam = Group(ids, data, staff, $"Кроссфункциональная команда по формированию функциональной грамотности ({municipality.Name})", AssociationLevel.Municipal,
            AssociationKind.CrossFunctionalTeam, "Функциональная грамотность обучающихся", municipality, null, service, cast.MunicipalMethodist, team, year, zone);
        RoadMap(ids, data, crossTeam, cast.MunicipalMethodist, staff, year, today, zone);
    }

    /// <summary>A road map shaped like seed 002: deadlines «в течение всего периода», a month or a date; two items late against them.</summary>
    private static void RoadMap(Random ids, DemoAssociationsData data, Association a, Person responsible, DemoStaff staff, AcademicYear year, DateOnly today, TimeZoneInfo zone)
    {
        var plan = new WorkPlan
        {
            Id = ids.NextGuid(), AssociationId = a.Id, MunicipalityId = a.MunicipalityId, Kind = PlanKind.RoadMap, AcademicYear = year.ToString(),
            Title = $"«Дорожная карта» по формированию и оценке функциональной грамотности обучающихся на {year} учебный год", Status = PlanStatus.Approved,
            ApprovedOn = new DateOnly(year.FirstYear, 9, 5), ApprovalDocument = $"приказ управления образования № 512 от 05.09.{year.FirstYear}", ApprovedBy = DemoStaff.AdminName,
            CreatedBy = DemoStaff.AdminName, CreatedAt = Utc(new DateOnly(year.FirstYear, 9, 1), 10, zone), UpdatedAt = Utc(new DateOnly(year.FirstYear, 9, 5), 10, zone),
        };
        data.Plans.Add(plan);
        var who = $"{responsible.ShortName}, {DemoStaff.PositionName(DemoStaff.MainJob(responsible).PositionId).ToLowerInvariant()} {staff.Organization(DemoStaff.MainJob(responsible).OrganizationId).ShortName}";
        (string Title, PlanTiming Timing, int? Month, DateOnly? Date, PlanItemOutcome Outcome)[] lines =
        [
            ("Формирование муниципальной команды и школьных команд по функциональной грамотности", PlanTiming.Month, 9, null, PlanItemOutcome.Done),
            ("Разработка и утверждение муниципального плана мероприятий, направленного на формирование и оценку функциональной грамотности", PlanTiming.Date, null, new DateOnly(year.FirstYear, 10, 1), PlanItemOutcome.Done),
            ("Формирование базы заданий для оценки функциональной грамотности по шести направлениям", PlanTiming.Month, 10, null, PlanItemOutcome.Planned),
            ("Проведение диагностики функциональной грамотности обучающихся 8–9 классов на платформе РЭШ", PlanTiming.Date, null, new DateOnly(year.FirstYear, 11, 15), PlanItemOutcome.Planned),
            ("Методическое сопровождение педагогов по вопросам формирования функциональной грамотности", PlanTiming.WholePeriod, null, null, PlanItemOutcome.Planned),
            ("Проведение муниципального семинара по итогам диагностики", PlanTiming.Month, 3, null, PlanItemOutcome.Planned),
            ("Мониторинг реализации «дорожной карты», подготовка аналитической справки", PlanTiming.AsScheduled, null, null, PlanItemOutcome.Planned),
        ];
        var number = 0;
        foreach (var line in lines)
        {
            var item = new PlanItem
            {
                Id = ids.NextGuid(), PlanId = plan.Id, Number = ++number, Title = line.Title, Timing = line.Timing, Month = line.Month ?? line.Date?.Month, Date = line.Date,
                ResponsibleText = who, Outcome = line.Outcome,
                OutcomeDate = line.Outcome == PlanItemOutcome.Done ? PlanRules.Deadline(new ItemTiming(line.Timing, line.Month ?? line.Date?.Month, null, line.Date), year, year.End) : null,
            };
            data.Items.Add(item);
            data.Responsible.Add(new PlanItemResponsible { PlanItemId = item.Id, PersonId = responsible.Id });
        }
    }

    /// <summary>The programme of activity of the lead account's association, with the passport of seed 000, three stages and sources.</summary>
    private static void Programme(Random ids, DemoAssociationsData data, DemoStaff staff, AcademicYear year)
    {
        var a = data.Associations.FirstOrDefault(x => x.Id == DemoIds.MathAssociation);
        if (a is null) return;
        var programme = new Programme
        {
            Id = ids.NextGuid(), AssociationId = a.Id, MunicipalityId = a.MunicipalityId, Name = $"Программа деятельности: {a.Name}",
            BasisDocuments = "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»; распоряжение Минпросвещения России от 15.12.2022 № Р-303 "
                + "«Об утверждении Методических рекомендаций по реализации единой федеральной системы научно-методического сопровождения педагогических работников и управленческих кадров»; "
                + "положение о муниципальном методическом объединении.",
            TargetAudience = "Учителя математики общеобразовательных организаций муниципалитета",
            Customer = staff.MunicipalService(a.MunicipalityId!.Value).ShortName,
            Developers = "Совет муниципального методического объединения учителей математики",
            Goal = "Совершенствование профессиональных компетенций учителей математики через организацию методической работы от теории к практике.",
            Tasks = "1. Выявить профессиональные дефициты педагогов и организовать их адресное сопровождение.\n2. Распространять эффективные практики подготовки обучающихся к ГИА и олимпиадам.\n"
                + "3. Развивать наставничество и поддержку молодых учителей.",
            ExpectedResults = "Снижение доли педагогов с выраженными дефицитами; участие не менее 70 % учителей в мероприятиях объединения; банк методических материалов.",
            Period = $"1 учебный год ({year})",
            FormsOfWork = "Заседания, семинары-практикумы, мастер-классы, открытые уроки, консультации, работа творческих групп.",
            IsPublished = true,
        };
        data.Programmes.Add(programme);
        (string Name, string Dates, string Tasks, string Means, string Result)[] stages =
        [
            ("Подготовительный", $"сентябрь {year.FirstYear}", "Изучить запросы и дефициты педагогов, утвердить план работы", "Анкетирование, диагностика, заседание совета", "Утверждённый план работы"),
            ("Основной", $"октябрь {year.FirstYear} – апрель {year.FirstYear + 1}", "Провести мероприятия плана, организовать обмен опытом", "Семинары, мастер-классы, открытые уроки", "Участие педагогов, методические материалы"),
            ("Итоговый", $"май {year.FirstYear + 1}", "Подвести итоги, определить задачи на следующий год", "Итоговое заседание, отчёт", "Отчёт о реализации программы"),
        ];
        var n = 0;
        foreach (var st in stages)
            data.Stages.Add(new ProgrammeStage { Id = ids.NextGuid(), ProgrammeId = programme.Id, Number = ++n, Name = st.Name, Dates = st.Dates, Tasks = st.Tasks, Means = st.Means, ExpectedResult = st.Result });
        string[] sources =
        [
            "Методические рекомендации по реализации единой федеральной системы научно-методического сопровождения педагогических работников и управленческих кадров.",
            "Федеральная рабочая программа основного общего образования. Математика.",
            "Открытый банк заданий ФИПИ для подготовки к ОГЭ и ЕГЭ по математике.",
        ];
        n = 0;
        foreach (var text in sources) data.Sources.Add(new ProgrammeSource { Id = ids.NextGuid(), ProgrammeId = programme.Id, Number = ++n, Text = text });
    }

    private static AssociationMember Member(Random ids, DemoStaff staff, Association a, Person p, MemberRole role, MemberStatus status, int order, DateOnly? joined)
    {
        var job = DemoStaff.MainJob(p);
        return new AssociationMember
        {
            Id = ids.NextGuid(), AssociationId = a.Id, PersonId = p.Id, FullName = p.FullName, Position = DemoStaff.PositionName(job.PositionId),
            OrganizationName = staff.Organization(job.OrganizationId).ShortName, Role = role, Status = status, JoinedOn = joined, SortOrder = order,
            RequestedAt = joined is { } j ? DateTime.SpecifyKind(j.ToDateTime(new TimeOnly(6, 0)), DateTimeKind.Utc) : DateTime.UtcNow.AddDays(-2), DecidedBy = status == MemberStatus.Active ? DemoStaff.AdminName : null,
        };
    }

    private static WorkPlan Plan(Random ids, Random rng, DemoAssociationsData data, DemoStaff staff, Association a, List<Person> responsible, Organization venue,
        AcademicYear year, DateOnly today, TimeZoneInfo zone, bool published, bool withProtocols, ItemVariant variant = ItemVariant.Held)
    {
        var plan = new WorkPlan
        {
            Id = ids.NextGuid(), AssociationId = a.Id, MunicipalityId = a.MunicipalityId, Kind = PlanKind.WorkPlan, AcademicYear = year.ToString(),
            Title = $"План работы: {a.Name} на {year} учебный год", Status = published ? PlanStatus.Published : PlanStatus.Draft,
            ApprovedOn = published ? new DateOnly(year.FirstYear, 9, 12) : null, ApprovalDocument = published ? $"протокол № 1 от 12.09.{year.FirstYear}" : null,
            PublishedAt = published ? Utc(new DateOnly(year.FirstYear, 9, 13), 10, zone) : null, CreatedBy = DemoStaff.AdminName,
            CreatedAt = Utc(new DateOnly(year.FirstYear, 9, 1), 10, zone), UpdatedAt = Utc(new DateOnly(year.FirstYear, 9, 13), 10, zone),
        };
        data.Plans.Add(plan);
        var subject = a.Subject.ToLowerInvariant();
        (string Title, EventKind? Kind, PlanTiming Timing, int? Month, int? EndMonth, DateOnly? Date)[] lines =
        [
            ($"Разработка плана работы объединения на {year} учебный год", null, PlanTiming.Month, 9, null, null),
            ("Организационно-методическое заседание «Приоритетные задачи методической работы в новом учебном году». Утверждение состава и плана работы", EventKind.Meeting, PlanTiming.Month, 9, null, null),
            ($"Семинар-практикум «Функциональная грамотность на уроках: {subject}»", EventKind.Workshop, PlanTiming.Month, 11, null, null),
            ("Мастер-класс «Подготовка обучающихся к государственной итоговой аттестации: разбор трудных заданий»", EventKind.MasterClass, PlanTiming.Month, 2, null, null),
            ("Заседание по итогам деятельности объединения в учебном году", EventKind.Meeting, PlanTiming.Month, 5, null, null),
            ("Консультирование педагогов по вопросам методики преподавания (по запросу)", EventKind.Consultation, PlanTiming.Months, 9, 5, null),
            ("Подготовка отчёта о реализации плана работы объединения", null, PlanTiming.Date, 12, null, new DateOnly(year.FirstYear, 12, 20)),
        ];
        var number = 0;
        var text = string.Join(", ", responsible.Select(p => $"{p.ShortName}, {DemoStaff.PositionName(DemoStaff.MainJob(p).PositionId).ToLowerInvariant()} {staff.Organization(DemoStaff.MainJob(p).OrganizationId).ShortName}"));
        var members = data.Members.Where(m => m.AssociationId == a.Id && m.Status == MemberStatus.Active).ToList();
        var protocolNumber = 0;
        foreach (var line in lines)
        {
            var item = new PlanItem
            {
                Id = ids.NextGuid(), PlanId = plan.Id, Number = ++number, Title = line.Title, Kind = line.Kind, Timing = line.Timing, Month = line.Month, EndMonth = line.EndMonth,
                Date = line.Date, TimingNote = line.Date is not null ? $"до 20.05.{year.FirstYear + 1}" : null, VenueOrganizationId = venue.Id, ResponsibleText = text,
            };
            if (line.Kind is null && PlanRules.Deadline(AssociationService.Timing(item), year, year.End) < today)
            {
                item.Outcome = PlanItemOutcome.Done;
                item.OutcomeDate = PlanRules.Deadline(AssociationService.Timing(item), year, year.End);
            }
            data.Items.Add(item);
            foreach (var p in responsible) data.Responsible.Add(new PlanItemResponsible { PlanItemId = item.Id, PersonId = p.Id });
            if (line.Kind is not { } kind || kind == EventKind.Consultation || !published) continue;
            var month = line.Month!.Value;
            var third = number == 3 && variant != ItemVariant.Held;
            if (third && variant == ItemVariant.NotDone)
            {
                item.Outcome = PlanItemOutcome.NotDone;
                item.OutcomeReason = "Не проведено: карантин по гриппу и ОРВИ в школах муниципалитета, очные мероприятия отменены.";
                item.OutcomeDate = new DateOnly(year.FirstYear, 11, 20);
                continue;
            }
            if (third && variant == ItemVariant.Forgotten) continue;
            if (third && variant == ItemVariant.Moved)
            {
                item.Outcome = PlanItemOutcome.Moved;
                item.OutcomeReason = "Перенесено на январь: в ноябре площадка занята муниципальным этапом всероссийской олимпиады школьников.";
                item.OutcomeDate = new DateOnly(year.FirstYear, 11, 10);
                month = 1;
            }
            var day = new DateOnly(year.YearOf(month), month, rng.Next(12, 26));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
            var starts = Utc(day, 15, zone);
            var e = new MethodicalEvent
            {
                Id = ids.NextGuid(), Title = line.Title, Kind = kind, StartsAt = starts, EndsAt = starts.AddHours(kind == EventKind.Meeting ? 1.5 : 2),
                VenueOrganizationId = venue.Id, VenueNote = "актовый зал", AssociationId = a.Id, MunicipalityId = a.MunicipalityId, RegionId = a.RegionId, PlanItemId = item.Id,
                Capacity = kind == EventKind.Meeting ? null : 40, Audience = $"Педагоги — {subject}", Hours = kind == EventKind.Meeting ? 1.5m : 2m,
                Status = EventStatus.Published, PublishedAt = plan.PublishedAt, CreatedBy = DemoStaff.AdminName, CreatedAt = plan.CreatedAt, UpdatedAt = plan.UpdatedAt,
            };
            data.Events.Add(e);
            var held = day < today;
            var serial = 0;
            foreach (var m in members.Where(m => m.PersonId is not null))
            {
                if (!rng.Chance(held ? 0.75 : 0.4)) continue;
                if (e.Capacity is { } c && data.Registrations.Count(r => r.EventId == e.Id) >= c) break;
                var attended = held && rng.Chance(0.88);
                data.Registrations.Add(new EventRegistration
                {
                    Id = ids.NextGuid(), EventId = e.Id, PersonId = m.PersonId!.Value, Status = RegistrationStatus.Registered,
                    RegisteredAt = starts.AddDays(-rng.Next(3, 20)), RegisteredBy = m.FullName, Attended = attended, AttendanceMarkedAt = attended ? starts.AddHours(3) : null,
                    CertificateNumber = attended ? $"{day:yyMMdd}-{e.Id.ToString("N")[..4].ToUpperInvariant()}-{++serial:D3}" : null,
                });
            }
            if (held && withProtocols && kind == EventKind.Meeting)
            {
                var protocol = new Protocol
                {
                    Id = ids.NextGuid(), AssociationId = a.Id, EventId = e.Id, Number = ++protocolNumber, Date = day, Venue = venue.ShortName,
                    Chair = responsible[0].ShortName, Secretary = members.Count > 1 ? Short(members[1].FullName) : null,
                    Agenda = "1. Об итогах работы объединения в прошлом учебном году.\n2. Об утверждении плана работы на " + year + " учебный год.\n3. О подготовке к муниципальному этапу всероссийской олимпиады школьников.",
                    Heard = $"{responsible[0].ShortName} — об итогах работы и задачах на учебный год; участники обсудили проект плана работы.",
                    Decided = "1. Работу объединения в прошлом учебном году признать удовлетворительной.\n2. Утвердить план работы на учебный год.\n3. Подготовить банк заданий муниципального этапа олимпиады.",
                    Guests = 2, CreatedBy = DemoStaff.AdminName, CreatedAt = starts.AddDays(1),
                };
                data.Protocols.Add(protocol);
                var present = data.Registrations.Where(r => r.EventId == e.Id && r.Attended).Select(r => r.PersonId).ToHashSet();
                foreach (var m in members) data.Attendees.Add(new ProtocolAttendee { ProtocolId = protocol.Id, MemberId = m.Id, FullName = m.FullName, Present = m.PersonId is { } pid && present.Contains(pid) });
                data.Assignments.Add(new ProtocolAssignment
                {
                    Id = ids.NextGuid(), ProtocolId = protocol.Id, Number = 1, Text = "Подготовить банк заданий муниципального этапа олимпиады", ResponsiblePersonId = responsible[0].Id,
                    ResponsibleText = responsible[0].ShortName, Deadline = day.AddDays(30), DoneOn = day.AddDays(30) < today ? day.AddDays(27) : null,
                });
                data.Assignments.Add(new ProtocolAssignment
                {
                    Id = ids.NextGuid(), ProtocolId = protocol.Id, Number = 2, Text = "Провести открытые уроки для молодых педагогов", ResponsibleText = "члены совета объединения",
                    Deadline = new DateOnly(year.FirstYear + 1, 3, 31),
                });
            }
        }
        return plan;
    }

    private static string Short(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 1 ? parts[0] : $"{parts[0]} {string.Concat(parts.Skip(1).Select(x => x[0] + "."))}";
    }

    private static DateTime Utc(DateOnly day, int hour, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);

    public static async Task InsertAsync(AppDbContext db, DemoAssociationsData data, CancellationToken ct)
    {
        await BulkInsert<Association>.InsertAllAsync(db, data.Associations, ct);
        await BulkInsert<AssociationMember>.InsertAllAsync(db, data.Members, ct);
        await BulkInsert<WorkPlan>.InsertAllAsync(db, data.Plans, ct);
        await BulkInsert<PlanItem>.InsertAllAsync(db, data.Items, ct);
        await BulkInsert<PlanItemResponsible>.InsertAllAsync(db, data.Responsible, ct);
        await BulkInsert<MethodicalEvent>.InsertAllAsync(db, data.Events, ct);
        await BulkInsert<EventRegistration>.InsertAllAsync(db, data.Registrations, ct);
        await BulkInsert<Protocol>.InsertAllAsync(db, data.Protocols, ct);
        await BulkInsert<ProtocolAttendee>.InsertAllAsync(db, data.Attendees, ct);
        await BulkInsert<ProtocolAssignment>.InsertAllAsync(db, data.Assignments, ct);
        await BulkInsert<AssociationReport>.InsertAllAsync(db, data.Reports, ct);
        await BulkInsert<Programme>.InsertAllAsync(db, data.Programmes, ct);
        await BulkInsert<ProgrammeStage>.InsertAllAsync(db, data.Stages, ct);
        await BulkInsert<ProgrammeSource>.InsertAllAsync(db, data.Sources, ct);
    }
}
