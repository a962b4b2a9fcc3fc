using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Consultations;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;
using System.Globalization;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metodist.Web.Features.Audit;

/// <summary>Who is changing data now: a signed-in user, or the system (seed, migrations, command line).</summary>
public sealed class AuditActor
{
    public static readonly AuditActor System = new(null, "система");

    private readonly Func<(Guid? UserId, string UserName)> _who;

    public AuditActor(Guid? userId, string userName) => _who = () => (userId, userName);

    private AuditActor(Func<(Guid? UserId, string UserName)> who) => _who = who;

    /// <summary>
    /// The user of the current request, read when changes are saved rather than when the context is created: the
    /// cookie's security-stamp check creates the request's DbContext before the user is known.
    /// </summary>
    public static AuditActor OfRequest(IHttpContextAccessor http) => new(() =>
    {
        var user = http.HttpContext?.User;
        var id = user?.FindFirst(global::System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return Guid.TryParse(id, out var userId) ? (userId, user?.Identity?.Name ?? "") : (System.UserId, System.UserName);
    });

    public Guid? UserId => _who().UserId;
    public string UserName => _who().UserName;
}

/// <summary>
/// Turns pending changes of personal data into audit entries before they are saved, in the same
/// transaction: a created or deleted record is one entry, a modified one is an entry per field.
/// </summary>
internal static class AuditTrail
{
    private static readonly Dictionary<string, string> PersonFields = new()
    {
        [nameof(Person.LastName)] = "Фамилия",
        [nameof(Person.FirstName)] = "Имя",
        [nameof(Person.MiddleName)] = "Отчество",
        [nameof(Person.BirthDate)] = "Дата рождения",
        [nameof(Person.Email)] = "Электронная почта",
        [nameof(Person.Phone)] = "Телефон",
        [nameof(Person.Snils)] = "СНИЛС",
        [nameof(Person.Category)] = "Квалификационная категория",
        [nameof(Person.CategoryAssignedOn)] = "Дата присвоения категории",
        [nameof(Person.NextAttestationDue)] = "Срок следующей аттестации",
        [nameof(Person.PedagogicalWorkStart)] = "Начало педагогической деятельности",
        [nameof(Person.EducationLevel)] = "Уровень образования",
        [nameof(Person.Education)] = "Образование",
    };

    private static readonly Dictionary<string, string> EmploymentFields = new()
    {
        [nameof(Employment.OrganizationId)] = "Организация",
        [nameof(Employment.PositionId)] = "Должность",
        [nameof(Employment.IsMain)] = "Основное место работы",
        [nameof(Employment.StartDate)] = "Дата начала работы",
    };

    private static readonly Dictionary<string, string> ResultFields = new()
    {
        [nameof(DiagnosticResult.TakenOn)] = "Дата диагностики",
        [nameof(DiagnosticResult.Score)] = "Балл",
        [nameof(DiagnosticResult.Level)] = "Уровень дефицитов",
    };

    private static readonly Dictionary<string, string> RouteFields = new()
    {
        [nameof(DevelopmentRoute.Status)] = "Состояние маршрута",
        [nameof(DevelopmentRoute.StartsOn)] = "Начало маршрута",
        [nameof(DevelopmentRoute.EndsOn)] = "Окончание маршрута",
        [nameof(DevelopmentRoute.Goal)] = "Цель",
        [nameof(DevelopmentRoute.TutorPersonId)] = "Тьютор",
        [nameof(DevelopmentRoute.OrganizationAgreedAt)] = "Согласование ОО",
    };

    private static readonly Dictionary<string, string> RouteItemFields = new()
    {
        [nameof(RouteItem.Section)] = "Раздел",
        [nameof(RouteItem.Title)] = "Содержание работы",
        [nameof(RouteItem.Details)] = "Дополнительная информация",
        [nameof(RouteItem.Hours)] = "Часы",
        [nameof(RouteItem.Status)] = "Статус в объединении",
        [nameof(RouteItem.Deadline)] = "Срок",
        [nameof(RouteItem.Reflection)] = "Рефлексивный отчёт",
        [nameof(RouteItem.IsDone)] = "Выполнено",
        [nameof(RouteItem.Evidence)] = "Подтверждение",
    };

    private static readonly Dictionary<string, string> EnrolmentFields = new()
    {
        [nameof(Enrolment.Status)] = "Состояние записи на курс",
        [nameof(Enrolment.CompletedOn)] = "Дата окончания обучения",
        [nameof(Enrolment.CertificateNumber)] = "Номер удостоверения",
        [nameof(Enrolment.CertificateFileId)] = "Скан удостоверения",
    };

    private static readonly Dictionary<string, string> PairFields = new()
    {
        [nameof(MentoringPair.MentorPersonId)] = "Наставник",
        [nameof(MentoringPair.Form)] = "Форма наставничества",
        [nameof(MentoringPair.Status)] = "Состояние пары",
        [nameof(MentoringPair.StartDate)] = "Начало наставничества",
        [nameof(MentoringPair.EndDate)] = "Окончание наставничества",
        [nameof(MentoringPair.OrderNumber)] = "Номер приказа",
        [nameof(MentoringPair.OrderDate)] = "Дата приказа",
        [nameof(MentoringPair.Evaluation)] = "Итоговая оценка",
        [nameof(MentoringPair.EvaluationScore)] = "Итоговая отметка",
        [nameof(MentoringPair.ClosedOn)] = "Дата завершения",
    };

    private static readonly Dictionary<string, string> MethodistFields = new()
    {
        [nameof(RegionalMethodist.Status)] = "Статус в методическом активе",
        [nameof(RegionalMethodist.IsAssociationLeader)] = "Руководитель объединения, совета",
        [nameof(RegionalMethodist.IsExamExpert)] = "Эксперт предметной комиссии ГИА",
        [nameof(RegionalMethodist.IsCommunityLeader)] = "Лидер профессионального сообщества",
        [nameof(RegionalMethodist.HasHighStudentResults)] = "Стабильно высокие результаты обучающихся",
        [nameof(RegionalMethodist.AssessedOn)] = "Дата оценки компетенций",
        [nameof(RegionalMethodist.AssessmentResult)] = "Результат оценки компетенций",
        [nameof(RegionalMethodist.TrainedOn)] = "Дата окончания обучения",
        [nameof(RegionalMethodist.ActiveSince)] = "Действующий методист с",
        [nameof(RegionalMethodist.WithdrawnOn)] = "Дата вывода",
        [nameof(RegionalMethodist.WithdrawalReason)] = "Причина вывода",
        [nameof(RegionalMethodist.LoadNorm)] = "Норма нагрузки",
    };

    private static readonly Dictionary<string, string> AssignmentFields = new()
    {
        [nameof(AssetAssignment.MethodistId)] = "Региональный методист",
    };

    private static readonly Dictionary<string, string> ConsultationFields = new()
    {
        [nameof(ConsultationRequest.Status)] = "Состояние обращения",
        [nameof(ConsultationRequest.Level)] = "Уровень обращения",
        [nameof(ConsultationRequest.ServiceMunicipalityId)] = "Служба",
        [nameof(ConsultationRequest.AssigneeName)] = "Исполнитель",
        [nameof(ConsultationRequest.RejectionReason)] = "Причина отклонения",
        [nameof(ConsultationRequest.IsPublished)] = "Ответ опубликован",
    };

    private static readonly Dictionary<string, string> MemberFields = new()
    {
        [nameof(Associations.AssociationMember.Role)] = "Роль в объединении",
        [nameof(Associations.AssociationMember.Status)] = "Участие в объединении",
        [nameof(Associations.AssociationMember.Position)] = "Должность (в составе объединения)",
        [nameof(Associations.AssociationMember.OrganizationName)] = "Организация (в составе объединения)",
    };

    private static readonly Dictionary<string, string> AttendeeFields = new()
    {
        [nameof(Associations.ProtocolAttendee.Present)] = "Присутствие на заседании",
    };

    private static readonly Dictionary<string, string> RegistrationFields = new()
    {
        [nameof(Events.EventRegistration.Status)] = "Запись на мероприятие",
        [nameof(Events.EventRegistration.Attended)] = "Присутствие на мероприятии",
        [nameof(Events.EventRegistration.CertificateNumber)] = "Сертификат участника",
    };

    public static void Record(AppDbContext db, AuditActor actor)
    {
        var now = DateTime.UtcNow;
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Person person:
                    Collect(db, entry, PersonFields, "Педагог", person.Id, person.Id, () => $"{person.FullName}, {person.BirthDate:dd.MM.yyyy}", actor, now, entries);
                    break;
                case Employment employment:
                    Collect(db, entry, EmploymentFields, "Место работы", employment.Id, employment.PersonId,
                        () => $"{Describe(db, nameof(Employment.OrganizationId), employment.OrganizationId)}, {Describe(db, nameof(Employment.PositionId), employment.PositionId)}",
                        actor, now, entries);
                    break;
                case DiagnosticResult result:
                    Collect(db, entry, ResultFields, "Результат диагностики", result.Id, result.PersonId,
                        () => $"{result.TakenOn:dd.MM.yyyy}, {result.Score} {Infrastructure.Web.Format.Plural(result.Score, "балл", "балла", "баллов")}, {result.Level.Title()}", actor, now, entries);
                    break;
                case DevelopmentRoute route:
                    Collect(db, entry, RouteFields, "ИОМ", route.Id, route.PersonId,
                        () => $"{route.StartsOn:dd.MM.yyyy} – {route.EndsOn:dd.MM.yyyy}, {route.Status.Title()}", actor, now, entries);
                    break;
                case RouteItem item:
                    Collect(db, entry, RouteItemFields, "Пункт ИОМ", item.Id, item.PersonId, () => $"{item.Section.Code()} {item.Title}", actor, now, entries);
                    break;
                case Enrolment enrolment:
                    Collect(db, entry, EnrolmentFields, "Запись на курс", enrolment.Id, enrolment.PersonId,
                        () => db.Courses.Find(enrolment.CourseId)?.Title ?? enrolment.CourseId.ToString(), actor, now, entries);
                    break;
                case MentoringPair pair:
                    Collect(db, entry, PairFields, "Наставничество", pair.Id, pair.MentorPersonId,
                        () => $"наставник {Describe(db, nameof(MentoringPair.MentorPersonId), pair.MentorPersonId)}, с {pair.StartDate:dd.MM.yyyy}, {pair.Form.Title()}", actor, now, entries);
                    break;
                case MentoringMentee mentee when entry.State is EntityState.Added or EntityState.Deleted:
                    var mentor = db.MentoringPairs.Local.FirstOrDefault(x => x.Id == mentee.PairId)?.MentorPersonId
                        ?? db.MentoringPairs.Where(x => x.Id == mentee.PairId).Select(x => (Guid?)x.MentorPersonId).FirstOrDefault();
                    Collect(db, entry, [], "Наставничество", mentee.PairId, mentee.PersonId,
                        () => $"наставляемый, наставник {(mentor is { } m ? Describe(db, nameof(MentoringPair.MentorPersonId), m) : "—")}", actor, now, entries);
                    break;
                case RegionalMethodist methodist:
                    Collect(db, entry, MethodistFields, "Методический актив", methodist.Id, methodist.PersonId, () => methodist.Status.Title(), actor, now, entries);
                    break;
                case AssetAssignment assignment:
                    Collect(db, entry, AssignmentFields, "Закрепление за региональным методистом", assignment.Id, assignment.PersonId,
                        () => Describe(db, nameof(AssetAssignment.MethodistId), assignment.MethodistId) ?? "", actor, now, entries);
                    break;
                case ConsultationRequest request when request.AskerPersonId is { } asker:
                    Collect(db, entry, ConsultationFields, "Обращение за методической помощью", request.Id, asker,
                        () => $"№ {request.Number}, {request.Topic}", actor, now, entries);
                    break;
                case Associations.AssociationMember member when member.PersonId is { } memberPerson:
                    Collect(db, entry, MemberFields, "Участие в объединении", member.Id, memberPerson,
                        () => $"{db.Associations.Local.FirstOrDefault(a => a.Id == member.AssociationId)?.Name ?? db.Associations.Where(a => a.Id == member.AssociationId).Select(a => a.Name).FirstOrDefault()}, {member.Role.Title()}, {member.Status.Title()}",
                        actor, now, entries);
                    break;
                case Associations.ProtocolAttendee attendee:
                    var attendeePerson = db.AssociationMembers.Local.FirstOrDefault(m => m.Id == attendee.MemberId)?.PersonId
                        ?? db.AssociationMembers.Where(m => m.Id == attendee.MemberId).Select(m => m.PersonId).FirstOrDefault();
                    if (attendeePerson is not { } attendeeId) break;
                    Collect(db, entry, AttendeeFields, "Протокол заседания", attendee.ProtocolId, attendeeId, () =>
                    {
                        var protocol = db.Protocols.Local.FirstOrDefault(x => x.Id == attendee.ProtocolId);
                        var title = protocol is null ? "" : $"№ {protocol.Number} от {protocol.Date:dd.MM.yyyy}, ";
                        return title + (attendee.Present ? "присутствовал(а)" : "отсутствовал(а)");
                    }, actor, now, entries);
                    break;
                case Events.EventRegistration registration:
                    Collect(db, entry, RegistrationFields, "Запись на мероприятие", registration.Id, registration.PersonId,
                        () => $"{db.Events.Local.FirstOrDefault(e => e.Id == registration.EventId)?.Title ?? db.Events.Where(e => e.Id == registration.EventId).Select(e => e.Title).FirstOrDefault()}, {registration.Status.Title()}",
                        actor, now, entries);
                    break;
                case EmploymentSubject subject when entry.State is EntityState.Added or EntityState.Deleted:
                    var personId = db.Employments.Local.FirstOrDefault(e => e.Id == subject.EmploymentId)?.PersonId
                        ?? db.Employments.Where(e => e.Id == subject.EmploymentId).Select(e => (Guid?)e.PersonId).FirstOrDefault();
                    var subjectName = Describe(db, nameof(EmploymentSubject.SubjectId), subject.SubjectId);
                    entries.Add(new AuditEntry
                    {
                        At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = "Место работы", EntityId = subject.EmploymentId,
                        PersonId = personId, Action = AuditAction.Updated, Field = "Предметы",
                        OldValue = entry.State == EntityState.Deleted ? subjectName : null,
                        NewValue = entry.State == EntityState.Added ? subjectName : null,
                    });
                    break;
            }
        }
        db.AuditEntries.AddRange(entries);
    }

    private static void Collect(AppDbContext db, EntityEntry entry, Dictionary<string, string> fields, string entityType, Guid entityId, Guid personId,
        Func<string> summary, AuditActor actor, DateTime now, List<AuditEntry> sink)
    {
        AuditEntry New(AuditAction action) => new()
        {
            At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = entityType, EntityId = entityId, PersonId = personId, Action = action,
        };

        switch (entry.State)
        {
            case EntityState.Added:
                var created = New(AuditAction.Created);
                created.NewValue = summary();
                sink.Add(created);
                break;
            case EntityState.Deleted:
                var deleted = New(AuditAction.Deleted);
                deleted.OldValue = summary();
                sink.Add(deleted);
                break;
            case EntityState.Modified:
                foreach (var property in entry.Properties)
                {
                    if (!property.IsModified || !fields.TryGetValue(property.Metadata.Name, out var label)) continue;
                    if (Equals(property.OriginalValue, property.CurrentValue)) continue;
                    var change = New(AuditAction.Updated);
                    change.Field = label;
                    change.OldValue = Describe(db, property.Metadata.Name, property.OriginalValue);
                    change.NewValue = Describe(db, property.Metadata.Name, property.CurrentValue);
                    sink.Add(change);
                }
                break;
        }
    }

    private static string? Describe(AppDbContext db, string propertyName, object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "да" : "нет",
        QualificationCategory c => c.Title(),
        EducationLevel e => e.Title(),
        DeficitLevel l => l.Title(),
        RouteStatus r => r.Title(),
        RouteSection r => r.Code(),
        EnrolmentStatus r => r.Title(),
        MentoringStatus r => r.Title(),
        MentoringForm r => r.Title(),
        AssetStatus r => r.Title(),
        ConsultationStatus r => r.Title(),
        ConsultationLevel r => r.Title(),
        DateTime t => t.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        Guid id when propertyName is nameof(DevelopmentRoute.TutorPersonId) or nameof(MentoringPair.MentorPersonId) => db.Persons.Find(id)?.ShortName ?? id.ToString(),
        Guid id when propertyName == nameof(AssetAssignment.MethodistId) =>
            db.RegionalMethodists.Where(m => m.Id == id).Select(m => m.Person!.LastName + " " + m.Person.FirstName).FirstOrDefault() ?? id.ToString(),
        Guid id when propertyName == nameof(ConsultationRequest.ServiceMunicipalityId) => db.Municipalities.Find(id)?.Name ?? id.ToString(),
        Guid id when propertyName == nameof(Employment.OrganizationId) => db.Organizations.Find(id)?.ShortName ?? id.ToString(),
        Guid id when propertyName == nameof(Employment.PositionId) => db.Positions.Find(id)?.Name ?? id.ToString(),
        Guid id when propertyName == nameof(EmploymentSubject.SubjectId) => db.Subjects.Find(id)?.Name ?? id.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
