using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Events;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed record DemoAssociationsData(
    List<Association> Associations, List<AssociationMember> Members, List<WorkPlan> Plans, List<PlanItem> Items, List<PlanItemResponsible> Responsible,
    List<MethodicalEvent> Events, List<EventRegistration> Registrations, List<Protocol> Protocols, List<ProtocolAttendee> Attendees,
    List<ProtocolAssignment> Assignments, List<AssociationReport> Reports);

/// <summary>
/// The associations of the demo region: in every municipality the associations of mathematics and of the Russian language
/// teachers and a «Школа молодого педагога», two regional associations, with members, this year's plan of seven items
/// shaped like seed 000, the events of the plan (held ones with registrations and attendance, coming ones open for
/// registration), protocols of the meetings held, and the first half-year report of the association the lead account leads.
/// </summary>
internal static class DemoAssociations
{
    private static readonly Guid Mathematics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Математика").Id;
    private static readonly Guid Russian = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Русский язык").Id;
    private static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;
    private static readonly Guid Informatics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Информатика").Id;

    public static DemoAssociationsData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone)
    {
        var rng = new Random(DemoGenerator.Seed + 50);
        var ids = new Random(DemoGenerator.Seed + 51);
        var data = new DemoAssociationsData([], [], [], [], [], [], [], [], [], [], []);
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
                var plan = Plan(ids, rng, data, staff, association, members.Take(3).ToList(), service, year, today, zone,
                    published: isLead || rng.Chance(0.8), withProtocols: isLead);
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
        return data;
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
        AcademicYear year, DateOnly today, TimeZoneInfo zone, bool published, bool withProtocols)
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
    }
}
