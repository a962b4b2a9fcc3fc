using Metodist.Web.Features.Events;

namespace Metodist.Web.Features.Associations;

/// <summary>Russian titles, API codes and lenient parsing of the enums of associations, plans and events.</summary>
public static class AssociationTitles
{
    public static string Title(this AssociationLevel level) => level switch
    {
        AssociationLevel.School => "школьный",
        AssociationLevel.Municipal => "муниципальный",
        AssociationLevel.Intermunicipal => "межмуниципальный",
        _ => "региональный",
    };

    public static string Code(this AssociationLevel level) => level switch
    {
        AssociationLevel.School => "school",
        AssociationLevel.Municipal => "municipal",
        AssociationLevel.Intermunicipal => "intermunicipal",
        _ => "regional",
    };

    private static readonly Dictionary<string, AssociationLevel> LevelAliases = new()
    {
        ["шмо"] = AssociationLevel.School, ["школьный"] = AssociationLevel.School, ["школьное"] = AssociationLevel.School, ["organization"] = AssociationLevel.School,
        ["ммо"] = AssociationLevel.Municipal, ["муниципальный"] = AssociationLevel.Municipal, ["муниципальное"] = AssociationLevel.Municipal,
        ["межмуниципальный"] = AssociationLevel.Intermunicipal, ["межмуниципальное"] = AssociationLevel.Intermunicipal, ["district"] = AssociationLevel.Intermunicipal,
        ["рмо"] = AssociationLevel.Regional, ["региональный"] = AssociationLevel.Regional, ["региональное"] = AssociationLevel.Regional, ["region"] = AssociationLevel.Regional,
    };

    public static AssociationLevel? ParseLevel(string? text) => Parse(text, Enum.GetValues<AssociationLevel>(), l => [l.Title()], LevelAliases);

    public static string AllowedLevels => string.Join(", ", Enum.GetValues<AssociationLevel>().Select(l => $"{l.Code()} («{l.Title()}»)"));

    public static string Title(this AssociationKind kind) => kind switch
    {
        AssociationKind.MethodicalAssociation => "методическое объединение",
        AssociationKind.ProfessionalCommunity => "профессиональное сообщество",
        AssociationKind.CreativeGroup => "творческая группа",
        AssociationKind.CrossFunctionalTeam => "кроссфункциональная команда",
        AssociationKind.YoungTeacherSchool => "«Школа молодого учителя»",
        _ => "сетевое сообщество",
    };

    public static string Code(this AssociationKind kind) => kind switch
    {
        AssociationKind.MethodicalAssociation => "methodicalAssociation",
        AssociationKind.ProfessionalCommunity => "professionalCommunity",
        AssociationKind.CreativeGroup => "creativeGroup",
        AssociationKind.CrossFunctionalTeam => "crossFunctionalTeam",
        AssociationKind.YoungTeacherSchool => "youngTeacherSchool",
        _ => "networkCommunity",
    };

    private static readonly Dictionary<string, AssociationKind> KindAliases = new()
    {
        ["мо"] = AssociationKind.MethodicalAssociation, ["шмо"] = AssociationKind.MethodicalAssociation, ["ммо"] = AssociationKind.MethodicalAssociation,
        ["рмо"] = AssociationKind.MethodicalAssociation, ["association"] = AssociationKind.MethodicalAssociation, ["methodical"] = AssociationKind.MethodicalAssociation,
        ["community"] = AssociationKind.ProfessionalCommunity, ["пос"] = AssociationKind.ProfessionalCommunity,
        ["школамолодогопедагога"] = AssociationKind.YoungTeacherSchool, ["youngteachers"] = AssociationKind.YoungTeacherSchool,
        ["network"] = AssociationKind.NetworkCommunity, ["team"] = AssociationKind.CrossFunctionalTeam, ["group"] = AssociationKind.CreativeGroup,
    };

    public static AssociationKind? ParseKind(string? text) => Parse(text, Enum.GetValues<AssociationKind>(), k => [k.Title()], KindAliases);

    public static string AllowedKinds => string.Join(", ", Enum.GetValues<AssociationKind>().Select(k => $"{k.Code()} ({k.Title()})"));

    /// <summary>The short name people use: ШМО, ММО, РМО for methodical associations, the kind otherwise.</summary>
    public static string ShortKind(AssociationLevel level, AssociationKind kind) => kind != AssociationKind.MethodicalAssociation
        ? kind.Title()
        : level switch
        {
            AssociationLevel.School => "ШМО",
            AssociationLevel.Municipal => "ММО",
            AssociationLevel.Intermunicipal => "межмуниципальное МО",
            _ => "РМО",
        };

    public static string Title(this MemberRole role) => role switch
    {
        MemberRole.Leader => "руководитель",
        MemberRole.Curator => "куратор",
        MemberRole.Council => "член совета",
        MemberRole.Adviser => "научно-методическое сопровождение",
        MemberRole.Secretary => "секретарь",
        _ => "участник",
    };

    public static string Code(this MemberRole role) => role switch
    {
        MemberRole.Leader => "leader",
        MemberRole.Curator => "curator",
        MemberRole.Council => "council",
        MemberRole.Adviser => "adviser",
        MemberRole.Secretary => "secretary",
        _ => "member",
    };

    private static readonly Dictionary<string, MemberRole> RoleAliases = new()
    {
        ["участник"] = MemberRole.Member, ["член"] = MemberRole.Member, ["членобъединения"] = MemberRole.Member, ["participant"] = MemberRole.Member,
        ["руководитель"] = MemberRole.Leader, ["lead"] = MemberRole.Leader, ["head"] = MemberRole.Leader,
        ["совет"] = MemberRole.Council, ["councilmember"] = MemberRole.Council, ["научныйруководитель"] = MemberRole.Adviser,
        ["advisor"] = MemberRole.Adviser, ["scientificadviser"] = MemberRole.Adviser, ["консультант"] = MemberRole.Adviser,
    };

    public static MemberRole? ParseRole(string? text) => Parse(text, Enum.GetValues<MemberRole>(), r => [r.Title()], RoleAliases);

    public static string AllowedRoles => string.Join(", ", Enum.GetValues<MemberRole>().Select(r => $"{r.Code()} ({r.Title()})"));

    public static string Title(this MemberStatus status) => status switch
    {
        MemberStatus.Requested => "заявка на вступление",
        MemberStatus.Active => "состоит",
        MemberStatus.Declined => "заявка отклонена",
        _ => "вышел(а)",
    };

    public static string Code(this MemberStatus status) => status switch
    {
        MemberStatus.Requested => "requested",
        MemberStatus.Active => "active",
        MemberStatus.Declined => "declined",
        _ => "left",
    };

    public static string Title(this PlanKind kind) => kind == PlanKind.RoadMap ? "дорожная карта" : "план работы";

    public static string Code(this PlanKind kind) => kind == PlanKind.RoadMap ? "roadMap" : "workPlan";

    public static PlanKind? ParsePlanKind(string? text) =>
        Parse(text, Enum.GetValues<PlanKind>(), k => [k.Title()], new Dictionary<string, PlanKind> { ["plan"] = PlanKind.WorkPlan, ["roadmap"] = PlanKind.RoadMap });

    public static string Title(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "черновик",
        PlanStatus.Approved => "утверждён",
        _ => "опубликован",
    };

    public static string Code(this PlanStatus status) => status switch
    {
        PlanStatus.Draft => "draft",
        PlanStatus.Approved => "approved",
        _ => "published",
    };

    public static string Title(this PlanItemOutcome outcome) => outcome switch
    {
        PlanItemOutcome.Planned => "запланировано",
        PlanItemOutcome.Done => "выполнено",
        PlanItemOutcome.Moved => "перенесено",
        _ => "не выполнено",
    };

    public static string Code(this PlanItemOutcome outcome) => outcome switch
    {
        PlanItemOutcome.Planned => "planned",
        PlanItemOutcome.Done => "done",
        PlanItemOutcome.Moved => "moved",
        _ => "notDone",
    };

    public static PlanItemOutcome? ParseOutcome(string? text) => Parse(text, Enum.GetValues<PlanItemOutcome>(), o => [o.Title()], []);

    public static string Title(this EventKind kind) => kind switch
    {
        EventKind.Meeting => "заседание",
        EventKind.Seminar => "семинар",
        EventKind.Workshop => "семинар-практикум",
        EventKind.MasterClass => "мастер-класс",
        EventKind.RoundTable => "круглый стол",
        EventKind.Consultation => "консультация",
        EventKind.Webinar => "вебинар",
        EventKind.Conference => "конференция",
        EventKind.Forum => "форум",
        EventKind.OpenLesson => "открытый урок",
        EventKind.Publication => "публикация",
        _ => "конкурс",
    };

    public static string Code(this EventKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    private static readonly Dictionary<string, EventKind> EventAliases = new()
    {
        ["session"] = EventKind.Meeting, ["заседаниемо"] = EventKind.Meeting, ["practicum"] = EventKind.Workshop, ["семинарпрактикум"] = EventKind.Workshop,
        ["masterclass"] = EventKind.MasterClass, ["roundtable"] = EventKind.RoundTable, ["lesson"] = EventKind.OpenLesson,
        ["contest"] = EventKind.Competition, ["конкурспрофессиональногомастерства"] = EventKind.Competition, ["онлайнсеминар"] = EventKind.Webinar,
    };

    public static EventKind? ParseEventKind(string? text) => Parse(text, Enum.GetValues<EventKind>(), k => [k.Title()], EventAliases);

    public static string AllowedEventKinds => string.Join(", ", Enum.GetValues<EventKind>().Select(k => $"{k.Code()} ({k.Title()})"));

    public static string Title(this EventStatus status) => status switch
    {
        EventStatus.Draft => "черновик",
        EventStatus.Published => "опубликовано",
        _ => "отменено",
    };

    public static string Code(this EventStatus status) => status switch
    {
        EventStatus.Draft => "draft",
        EventStatus.Published => "published",
        _ => "cancelled",
    };

    public static string Title(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "записан(а)",
        RegistrationStatus.Waitlisted => "в листе ожидания",
        _ => "запись отменена",
    };

    public static string Code(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "registered",
        RegistrationStatus.Waitlisted => "waitlisted",
        _ => "cancelled",
    };

    public static readonly string[] Months =
    [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ];

    private static T? Parse<T>(string? text, T[] values, Func<T, string[]> titles, Dictionary<string, T> aliases) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = Fold(text);
        foreach (var value in values)
        {
            if (key == Fold(value.ToString()) || titles(value).Any(t => key == Fold(t))) return value;
        }
        return aliases.TryGetValue(key, out var found) ? found : null;
    }

    internal static string Fold(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).Select(c => c == 'ё' ? 'е' : c).ToArray());
}
