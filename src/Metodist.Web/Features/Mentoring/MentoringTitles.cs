namespace Metodist.Web.Features.Mentoring;

/// <summary>Russian titles, API codes and lenient parsing of the mentoring enums.</summary>
public static class MentoringTitles
{
    public static readonly MentoringForm[] Forms = Enum.GetValues<MentoringForm>();
    public static readonly MentoringStatus[] Statuses = Enum.GetValues<MentoringStatus>();
    public static readonly MentoringLevel[] Levels = Enum.GetValues<MentoringLevel>();

    /// <summary>The header the regional model puts over the first three forms.</summary>
    public const string TeacherTeacherGroup = "педагог — педагог";

    public static string Title(this MentoringForm form) => form switch
    {
        MentoringForm.ExperiencedYoung => "опытный педагог — молодой специалист",
        MentoringForm.CompetentLearning => "владеющий компетенцией — осваивающий её",
        MentoringForm.LeaderPassive => "лидер — пассивный педагог",
        _ => "руководитель — педагог",
    };

    /// <summary>The form with its group, as the pages show it: «педагог — педагог: опытный педагог — молодой специалист».</summary>
    public static string FullTitle(this MentoringForm form) =>
        form == MentoringForm.ManagerTeacher ? form.Title() : $"{TeacherTeacherGroup}: {form.Title()}";

    public static string Code(this MentoringForm form) => form switch
    {
        MentoringForm.ExperiencedYoung => "experiencedYoung",
        MentoringForm.CompetentLearning => "competentLearning",
        MentoringForm.LeaderPassive => "leaderPassive",
        _ => "managerTeacher",
    };

    /// <summary>
    /// Reads a form however a client is likely to write it: the enum name in any case, camelCase, kebab-case or
    /// snake_case, or the Russian title (with or without the group). Null when nothing matches.
    /// </summary>
    public static MentoringForm? ParseForm(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = Fold(text);
        foreach (var form in Forms)
        {
            if (key == Fold(form.ToString()) || key == Fold(form.Title()) || key == Fold(form.FullTitle())) return form;
        }
        return null;
    }

    /// <summary>The accepted values, for the message of a 400.</summary>
    public static string AllowedForms => string.Join(", ", Forms.Select(f => $"{f.Code()} («{f.Title()}»)"));

    public static string Title(this MentoringStatus status) => status switch
    {
        MentoringStatus.Active => "действует",
        MentoringStatus.Completed => "завершена",
        _ => "отменена",
    };

    public static string Code(this MentoringStatus status) => status switch
    {
        MentoringStatus.Active => "active",
        MentoringStatus.Completed => "completed",
        _ => "cancelled",
    };

    public static string Badge(this MentoringStatus status) => status switch
    {
        MentoringStatus.Active => "badge ok",
        MentoringStatus.Completed => "badge",
        _ => "badge bad",
    };

    public static MentoringStatus? ParseStatus(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Statuses.Cast<MentoringStatus?>().FirstOrDefault(s => Fold(s!.Value.ToString()) == Fold(text) || Fold(s.Value.Title()) == Fold(text));

    public static string Title(this MentoringLevel level) => level == MentoringLevel.Organization ? "образовательная организация" : "муниципалитет";

    public static string Code(this MentoringLevel level) => level == MentoringLevel.Organization ? "organization" : "municipality";

    public static MentoringLevel? ParseLevel(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Levels.Cast<MentoringLevel?>().FirstOrDefault(l => Fold(l!.Value.ToString()) == Fold(text) || Fold(l.Value.Title()) == Fold(text));

    public static string Title(this MentoringPlanKind kind) => kind == MentoringPlanKind.Meeting ? "встреча" : "задание";

    public static string Code(this MentoringPlanKind kind) => kind == MentoringPlanKind.Meeting ? "meeting" : "task";

    /// <summary>Lower case with every character that is not a letter or a digit dropped: «Experienced-Young», «experienced_young» and «ExperiencedYoung» agree.</summary>
    private static string Fold(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).Select(c => c == 'ё' ? 'е' : c).ToArray());
}
